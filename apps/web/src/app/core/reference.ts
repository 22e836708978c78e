import type { RefItemDto, RefKind, ReferenceOptions } from '@pointage/contracts';

/**
 * The entries a member form may offer: the active ones of each list
 * (`options`) and, when known, every entry including the deactivated ones
 * (`known`, back office only), so that an existing value keeps its label.
 */
export interface RefCatalog {
  options: ReferenceOptions;
  known?: Partial<Record<RefKind, RefItemDto[]>>;
}

/** Label of a deactivated entry that the kiosk cannot name (it only receives active entries). */
export const RETIRED_ENTRY_LABEL = 'Valeur actuelle (retirée de la liste)';

export function findEntry(catalog: RefCatalog, kind: RefKind, id: number | null | undefined): RefItemDto | null {
  if (id == null) return null;
  return catalog.options[kind].find((e) => e.id === id) ?? catalog.known?.[kind]?.find((e) => e.id === id) ?? null;
}

/** The label of an entry, whether active or not; '—' when unknown. */
export function labelOf(catalog: RefCatalog, kind: RefKind, id: number | null | undefined): string {
  if (id == null) return '—';
  return findEntry(catalog, kind, id)?.label ?? RETIRED_ENTRY_LABEL;
}

export interface RefChoice {
  id: number;
  label: string;
  /** A deactivated entry kept because it is the current value. */
  retired: boolean;
}

/**
 * The choices of a select: the active entries, plus the current value when it
 * was deactivated meanwhile (so that it stays displayed, but is not offered to others).
 */
export function choicesFor(catalog: RefCatalog, kind: RefKind, currentId: number | null | undefined): RefChoice[] {
  const active = catalog.options[kind].map((e) => ({ id: e.id, label: e.label, retired: false }));
  if (currentId == null || active.some((c) => c.id === currentId)) return active;
  const known = catalog.known?.[kind]?.find((e) => e.id === currentId);
  return [...active, { id: currentId, label: known ? `${known.label} (désactivé)` : RETIRED_ENTRY_LABEL, retired: true }];
}

/** True / false for a status whose kind is known; null when the status is unknown here. */
export function isChildStatus(catalog: RefCatalog, statusId: number | null | undefined): boolean | null {
  const entry = findEntry(catalog, 'status', statusId);
  return entry ? entry.isChild : null;
}
