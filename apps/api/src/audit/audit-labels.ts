import { REF_KIND_LABELS, RefKind } from '@pointage/contracts';
import { formatFrenchDate, formatHm } from '@pointage/domain';

/** What the journal's join found for an entry's target (null columns: not found, or not that kind). */
export interface ResolvedTarget {
  familyName: string | null;
  familyAnonymised: boolean;
  memberFirstName: string | null;
  memberLastName: string | null;
  memberFamilyName: string | null;
  memberFamilyAnonymised: boolean;
  slotDate: string | null;
  slotStart: number | null;
  slotEnd: number | null;
  accountEmail: string | null;
  structureName: string | null;
}

const LIST_LABELS: Record<string, string> = { ...REF_KIND_LABELS, age: "tranches d'âge" } as Record<RefKind | 'age', string>;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function period(targetId: string): string {
  const [from, to] = targetId.split('..');
  if (!from || !to) return targetId;
  return from === to ? `du ${formatFrenchDate(from)}` : `du ${formatFrenchDate(from)} au ${formatFrenchDate(to)}`;
}

/**
 * The target of an entry in words: "famille DUPONT", "Jeanne DUPONT (famille
 * DUPONT)", "créneau du 20/10/2026, 14:00–16:00". An anonymised family is
 * only "famille anonymisée": its erased names are never shown.
 */
export function targetLabel(type: string | null, id: string | null, t: ResolvedTarget): string {
  if (!type) return '—';
  switch (type) {
    case 'family':
      if (t.familyAnonymised) return 'famille anonymisée';
      return t.familyName !== null ? `famille ${t.familyName}` : 'famille supprimée';
    case 'member':
      if (t.memberFamilyAnonymised) return "membre d'une famille anonymisée";
      return t.memberFirstName !== null
        ? `${t.memberFirstName} ${t.memberLastName ?? ''} (famille ${t.memberFamilyName ?? '?'})`
        : 'membre supprimé';
    case 'slot':
      return t.slotDate !== null && t.slotStart !== null && t.slotEnd !== null
        ? `créneau du ${formatFrenchDate(t.slotDate)}, ${formatHm(t.slotStart)}–${formatHm(t.slotEnd)}`
        : 'créneau supprimé';
    case 'slots':
      return id ? `créneaux ${period(id)}` : 'créneaux';
    case 'account':
      return t.accountEmail !== null ? `compte ${t.accountEmail}` : 'compte supprimé';
    case 'structure':
      return t.structureName !== null ? `structure ${t.structureName}` : 'structure';
    case 'list':
      return `liste « ${(id && LIST_LABELS[id]) ?? id ?? ''} »`;
    case 'funder_logo':
      return 'logo de financeur';
    default:
      return [type, id].filter(Boolean).join(' ');
  }
}

function parse(details: string | null): Record<string, unknown> | null {
  if (!details) return null;
  try {
    const v: unknown = JSON.parse(details);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The facts worth reading of an entry (the reason of a removal, how many présences…), in French; null when none. */
export function detailLabel(action: string, details: string | null): string | null {
  const d = parse(details);
  if (!d) return null;
  switch (action) {
    case 'attendance.removed': {
      const date = typeof d['date'] === 'string' ? ` (présence du ${formatFrenchDate(d['date'])})` : '';
      return typeof d['reason'] === 'string' && d['reason'] ? `Motif : ${d['reason']}${date}` : null;
    }
    case 'attendance.validated': {
      const n = num(d['recorded']);
      return n === null ? null : plural(n, 'présence enregistrée', 'présences enregistrées');
    }
    case 'attendance.retro': {
      const n = num(d['recorded']);
      if (n === null) return null;
      const arrival = typeof d['arrival'] === 'string' ? `, arrivée à ${d['arrival']}` : '';
      return `${plural(n, 'présence enregistrée', 'présences enregistrées')}${arrival}`;
    }
    case 'slots.generated': {
      const n = num(d['created']);
      return n === null ? null : plural(n, 'créneau créé', 'créneaux créés');
    }
    case 'slots.deleted': {
      const n = num(d['deleted']);
      const kept = num(d['keptDays']);
      if (n === null) return null;
      return `${plural(n, 'créneau supprimé', 'créneaux supprimés')}${kept ? `, ${plural(kept, 'jour conservé (présences)', 'jours conservés (présences)')}` : ''}`;
    }
    case 'family.created':
    case 'family.registered':
    case 'family.anonymised': {
      const n = num(d['members']);
      return n === null ? null : plural(n, 'membre', 'membres');
    }
    default:
      return null;
  }
}
