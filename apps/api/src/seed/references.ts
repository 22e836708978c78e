import type { RefItemDto, RefKind } from '@pointage/contracts';
import type { MinimaCode, SexCode, StatusCode } from './generate';

/** A row of ref_item as read back from the database: the API's reference entry. */
export type RefRow = RefItemDto;

/** The ids of one structure's reference lists, as the generators' codes need them. */
export interface StructureRefs {
  sex: Record<SexCode, number>;
  status: Record<StatusCode, number>;
  minima: Record<MinimaCode, number>;
  cities: number[];
  cityWeights: number[];
  qf: number[];
}

/** Cities of the default list are the most frequent; "Autres" comes next; any other city added by the team, a few. */
const CITY_WEIGHTS: Record<string, number> = { 'Faches-Thumesnil': 40, Lille: 25, Ronchin: 20 };

const STATUS_CODES: StatusCode[] = ['mother', 'father', 'grandmother', 'grandfather', 'childminder', 'dependent_child', 'minded_child'];
const CHILD_CODES = new Set<string>(['dependent_child', 'minded_child']);
const MINIMA_CODES: MinimaCode[] = ['none', 'rsa', 'aah', 'aeh', 'aspa'];

/**
 * Maps a structure's reference lists (the defaults, or lists its team has
 * edited) to the generators' codes. Entries are found by their stable code;
 * when a team removed one, the closest active entry stands in (a status of the
 * same adult/child kind, "Non" for minima).
 */
export function mapReferences(rows: RefRow[]): StructureRefs {
  const active = (kind: RefKind) => rows.filter((r) => r.kind === kind && r.active).sort((a, b) => a.position - b.position);
  const fail = (what: string): never => {
    throw new Error(`La liste « ${what} » de la structure est vide : impossible de créer des familles de démonstration.`);
  };
  const byCode = (kind: RefKind, code: string) => active(kind).find((r) => r.code === code);

  const sexes = active('sex');
  if (sexes.length === 0) fail('Sexe');
  const female = byCode('sex', 'female') ?? sexes[0];
  const male = byCode('sex', 'male') ?? sexes.find((s) => s.id !== female.id) ?? sexes[0];

  const statuses = active('status');
  if (statuses.length === 0) fail('Statut');
  const status = {} as Record<StatusCode, number>;
  for (const code of STATUS_CODES) {
    const child = CHILD_CODES.has(code);
    const found = byCode('status', code) ?? statuses.find((s) => s.isChild === child) ?? statuses[0];
    status[code] = found.id;
  }

  const minimaRows = active('minima');
  if (minimaRows.length === 0) fail('Minima sociaux');
  const none = byCode('minima', 'none') ?? minimaRows[0];
  const minima = {} as Record<MinimaCode, number>;
  for (const code of MINIMA_CODES) minima[code] = (byCode('minima', code) ?? none).id;

  const cityRows = active('city');
  if (cityRows.length === 0) fail('Ville de résidence');
  const qfRows = active('qf');
  if (qfRows.length === 0) fail('Quotient familial');

  return {
    sex: { female: female.id, male: male.id },
    status,
    minima,
    cities: cityRows.map((c) => c.id),
    cityWeights: cityRows.map((c) => CITY_WEIGHTS[c.label] ?? (c.code === 'other' ? 15 : 5)),
    qf: qfRows.map((q) => q.id),
  };
}
