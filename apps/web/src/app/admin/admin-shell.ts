import { ChangeDetectionStrategy, Component } from '@angular/core';
import { BackOfficeShell, NavLink } from '../shared/back-office-shell';
import { ActingBanner } from './acting-banner';

export const ADMIN_LINKS: NavLink[] = [
  { label: 'PARAMÈTRES', path: '/admin/parametres' },
  { label: 'GESTION DES CRÉNEAUX', path: '/admin/creneaux' },
  { label: 'FAMILLES', path: '/admin/familles' },
  { label: 'MEMBRES', path: '/admin/membres' },
  { label: 'PRÉSENCES PASSÉES', path: '/admin/presences-passees' },
  { label: 'STATISTIQUES', path: '/admin/statistiques' },
  { label: 'LISTE DE PRÉSENCE', path: '/admin/liste-de-presence' },
  { label: 'JOURNAL', path: '/admin/journal' },
  { label: 'MOT DE PASSE', path: '/admin/mot-de-passe' },
];

/** Frame of the structure admin's back office. */
@Component({
  selector: 'app-admin-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BackOfficeShell, ActingBanner],
  template: `
    <app-back-office-shell title="PANNEAU DE CONTRÔLE" [links]="links" loginPath="/admin/connexion">
      <app-acting-banner />
    </app-back-office-shell>
  `,
})
export class AdminShell {
  protected readonly links = ADMIN_LINKS;
}
