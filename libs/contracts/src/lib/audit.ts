/** Audit log: who (real actor and acted-as identity), what, on which record, when, from where. */

export interface AuditEntry {
  id: number;
  at: string;
  structureId: number | null;
  structureName: string | null;
  actorLabel: string;
  actorRole: string | null;
  /** "administrateur de Ludothèque X" or "famille Dupont" when the actor acted as somebody else. */
  actingAs: string | null;
  action: string;
  /** French description of the action, for the table. */
  actionLabel: string;
  targetType: string | null;
  targetId: string | null;
  /** The target in words ("famille DUPONT", "famille anonymisée", "créneau du 20/10/2026, 14:00–16:00"). */
  targetLabel: string;
  /** The facts worth reading (a removal's reason, how many présences), in French; null when none. */
  detail: string | null;
  details: string | null;
  ip: string | null;
}

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  action?: string;
  /** A person's name (the target family or member, or the actor). */
  search?: string;
  /** 'YYYY-MM-DD', both included. */
  from?: string;
  to?: string;
  structureId?: number;
}

/** Every audited action, with its French label. Later modules add theirs here. */
export const AUDIT_ACTIONS: Record<string, string> = {
  'auth.login': 'Connexion',
  'auth.login_failed': 'Échec de connexion',
  'auth.password_changed': 'Mot de passe modifié',
  'auth.password_reset_requested': 'Réinitialisation demandée',
  'auth.password_reset': 'Mot de passe réinitialisé',
  'auth.password_change_failed': 'Ancien mot de passe erroné',
  'auth.sessions_ended': 'Sessions fermées (trop d’essais du mot de passe)',
  'auth.logout': 'Déconnexion',
  'auth.email_conflict': 'Adresse e-mail déjà utilisée essayée',
  'acting.start': 'Début d’action pour le compte d’un autre',
  'acting.end': 'Fin d’action pour le compte d’un autre',
  'structure.created': 'Structure créée',
  'structure.updated': 'Structure modifiée',
  'admin.created': 'Administrateur créé',
  'admin.password_reset': 'Mot de passe administrateur réinitialisé',
  'superadmin.created': 'Super-administrateur créé',
  'settings.list_saved': 'Liste de référence enregistrée',
  'settings.age_brackets_saved': "Tranches d'âge enregistrées",
  'settings.welcome_saved': "Message d'accueil enregistré",
  'settings.logo_saved': 'Logo modifié',
  'installation.footer_saved': 'Pied de page modifié',
  'installation.funder_logo_added': 'Logo de financeur ajouté',
  'installation.funder_logo_removed': 'Logo de financeur retiré',
  'family.created': 'Famille créée',
  'family.registered': 'Famille inscrite à la borne',
  'family.updated': 'Famille modifiée',
  'family.password_set': 'Mot de passe de la famille changé',
  'family.archived': 'Famille archivée',
  'family.unarchived': 'Famille désarchivée',
  'family.deleted': 'Famille supprimée',
  'family.exported': 'Données de la famille exportées',
  'family.anonymised': 'Famille anonymisée',
  'family.merged': 'Familles fusionnées',
  'retention.updated': 'Durée de conservation des données modifiée',
  'member.created': 'Membre ajouté',
  'member.updated': 'Membre modifié',
  'member.archived': 'Membre archivé',
  'member.unarchived': 'Membre désarchivé',
  'member.deleted': 'Membre supprimé',
  'slots.generated': 'Créneaux générés',
  'slots.deleted': 'Créneaux supprimés',
  'attendance.validated': 'Présences validées',
  'attendance.retro': 'Présences saisies après coup',
  'attendance.removed': 'Présence supprimée',
  'attendance.counter_reset': 'Compteur remis à zéro',
  'demo.removed': 'Données de démonstration supprimées',
  'installation.mail_saved': "Configuration de l'envoi des e-mails modifiée",
  'installation.mail_tested': 'E-mail de test envoyé',
};

export const AUDIT_ROUTES = {
  /** Admin: the log of its own structure. */
  structureLog: '/api/audit',
} as const;
