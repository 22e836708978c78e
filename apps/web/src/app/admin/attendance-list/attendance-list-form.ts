import type { Params } from '@angular/router';
import {
  ATTENDANCE_LIST_COLUMNS,
  ATTENDANCE_LIST_LIMITS,
  ATTENDANCE_SOURCE_LABELS,
  AttendanceListColumn,
  AttendanceListRequest,
  AttendanceListRow,
  DEFAULT_DAY_COLUMNS,
  DEFAULT_PERIOD_COLUMNS,
} from '@pointage/contracts';
import { addDays, addYears, daysInMonth, formatFrenchDate, formatFrenchDayDate, isoWeekday, isValidLocalDate } from '@pointage/domain';
import { BAD_FROM, BAD_TO, INVALID_DATE, NO_FROM } from '../slots/slot-form';

/** The rules of LISTE DE PRÉSENCE, kept apart from the component so that they can be tested alone. */

export const PAGE_SIZES = [25, 50, 100, 500] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** The print button loads every row of the list up to this count; above it, the PDF export is the way. */
export const PRINT_MAX_ROWS = 2000;
/** "Tous les créneaux" in the slot select (mat-select shows nothing for a null value). */
export const ALL_SLOTS = 0;
export const DEFAULT_SPARE_ROWS = 10;
export const MAX_SPARE_ROWS = 100;

export type ListMode = 'day' | 'period';
export type SortOrder = 'asc' | 'desc';

/** A message about one field of the form ('from', 'to', 'slotId', 'columns') or of the request. */
export interface FieldProblem {
  field: string;
  message: string;
}

export function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && 'field' in value && 'message' in value;
}

export const BAD_ORDER = 'La date de fin est avant la date de début.';
export const TOO_LONG = `La période dépasse ${ATTENDANCE_LIST_LIMITS.maxYears} ans : choisissez une période plus courte.`;
export const SLOT_NEEDS_ONE_DAY = "Le choix d'un créneau n'est possible que pour un seul jour : laissez la date de fin vide.";
export const NO_COLUMN = 'Cochez au moins une colonne à afficher.';

// ------------------------------------------------------------------ the list shown

/** What the page lists: the URL holds it (bookmark, reload). `to` is null for one day. */
export interface ListQuery {
  from: string;
  to: string | null;
  slotId: number | null;
  sort: AttendanceListColumn | null;
  order: SortOrder;
  /** 1-based */
  page: number;
  pageSize: number;
}

export function isColumn(value: unknown): value is AttendanceListColumn {
  return typeof value === 'string' && (ATTENDANCE_LIST_COLUMNS as readonly string[]).includes(value);
}

/**
 * Checks a period and a slot with the API's rules and messages (dates as
 * 'YYYY-MM-DD', null when empty, INVALID_DATE when typed wrong); the period
 * is one day when `to` is empty or equal to `from`.
 */
export function checkChoice(
  from: string | null,
  to: string | null,
  slotId: number | null,
  columns: readonly AttendanceListColumn[],
): Pick<ListQuery, 'from' | 'to' | 'slotId'> | FieldProblem {
  if (from === INVALID_DATE || (from !== null && !isValidLocalDate(from))) return { field: 'from', message: BAD_FROM };
  if (!from) return { field: 'from', message: NO_FROM };
  if (to === INVALID_DATE || (to !== null && !isValidLocalDate(to))) return { field: 'to', message: BAD_TO };
  const end = to && to !== from ? to : null;
  if (end !== null && end < from) return { field: 'to', message: BAD_ORDER };
  if (end !== null && addYears(from, ATTENDANCE_LIST_LIMITS.maxYears) <= end) return { field: 'to', message: TOO_LONG };
  const slot = slotId && slotId !== ALL_SLOTS ? slotId : null;
  if (slot !== null && end !== null) return { field: 'slotId', message: SLOT_NEEDS_ONE_DAY };
  if (columns.length === 0) return { field: 'columns', message: NO_COLUMN };
  return { from, to: end, slotId: slot };
}

/** Columns in the order of ATTENDANCE_LIST_COLUMNS (the table's and the exports' order), without repeats or unknown names. */
export function orderedColumns(columns: readonly unknown[]): AttendanceListColumn[] {
  const set = new Set(columns);
  return ATTENDANCE_LIST_COLUMNS.filter((c) => set.has(c));
}

/** The body of POST /api/attendance-list for the page shown. */
export function listRequest(q: ListQuery, columns: readonly AttendanceListColumn[]): AttendanceListRequest {
  return {
    from: q.from,
    ...(q.to ? { to: q.to } : {}),
    ...(q.slotId ? { slotId: q.slotId } : {}),
    columns: orderedColumns(columns),
    ...(q.sort ? { sort: q.sort, order: q.order } : {}),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The body of the PDF and XLSX exports: the same list (period, slot, columns, sort, order), every row. */
export function exportRequest(q: ListQuery, columns: readonly AttendanceListColumn[]): AttendanceListRequest {
  const { page: _page, pageSize: _pageSize, ...rest } = listRequest(q, columns);
  return rest;
}

// ------------------------------------------------------------------ URL

/** ?du=2026-03-02&au=…&creneau=12&tri=lastName&ordre=desc&page=2&lignes=100 */
export function toQueryParams(q: ListQuery): Params {
  const params: Params = { du: q.from };
  if (q.to && q.to !== q.from) params['au'] = q.to;
  if (q.slotId) params['creneau'] = String(q.slotId);
  if (q.sort) {
    params['tri'] = q.sort;
    params['ordre'] = q.order;
  }
  if (q.page > 1) params['page'] = String(q.page);
  if (q.pageSize !== DEFAULT_PAGE_SIZE) params['lignes'] = String(q.pageSize);
  return params;
}

/** The URL's list, as typed in the URL (dates may be INVALID_DATE: checkChoice says why), or null when it names no day. */
export function fromQueryParams(params: Params): (Omit<ListQuery, 'from' | 'to'> & { from: string; to: string | null }) | null {
  const text = (k: string): string | null => {
    const v: unknown = params[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const date = (k: string): string | null => {
    const v = text(k);
    return v === null ? null : isValidLocalDate(v) ? v : INVALID_DATE;
  };
  const positive = (k: string): number | null => {
    const v = text(k);
    return v !== null && /^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null;
  };
  const from = date('du');
  if (from === null) return null;
  const to = date('au');
  const sort = text('tri');
  const pageSize = positive('lignes');
  return {
    from,
    to: to !== INVALID_DATE && to === from ? null : to,
    slotId: positive('creneau'),
    sort: isColumn(sort) ? sort : null,
    order: text('ordre') === 'desc' ? 'desc' : 'asc',
    page: positive('page') ?? 1,
    pageSize: pageSize !== null && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** A stable text of query parameters, to tell whether the URL changes. */
export function paramsKey(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .filter((k) => params[k] !== undefined && params[k] !== null)
      .sort()
      .map((k) => [k, String(params[k])]),
  );
}

// ------------------------------------------------------------------ columns remembered on this device

export const COLUMNS_STORAGE_KEY = 'pointage.attendance-list.columns.v1';

/** The columns checked for a one-day list and for a list over a period. */
export interface ColumnChoice {
  day: AttendanceListColumn[];
  period: AttendanceListColumn[];
}

export function defaultColumns(mode: ListMode): AttendanceListColumn[] {
  return [...(mode === 'day' ? DEFAULT_DAY_COLUMNS : DEFAULT_PERIOD_COLUMNS)];
}

export function defaultColumnChoice(): ColumnChoice {
  return { day: defaultColumns('day'), period: defaultColumns('period') };
}

/** What was stored, read tolerantly: anything unreadable, unknown or empty falls back to the defaults. */
export function parseColumnChoice(raw: string | null): ColumnChoice {
  let value: unknown = null;
  try {
    value = raw ? JSON.parse(raw) : null;
  } catch {
    value = null;
  }
  const choice = defaultColumnChoice();
  if (typeof value !== 'object' || value === null) return choice;
  for (const mode of ['day', 'period'] as const) {
    const stored: unknown = (value as Record<string, unknown>)[mode];
    if (!Array.isArray(stored)) continue;
    const columns = orderedColumns(stored);
    if (columns.length > 0) choice[mode] = columns;
  }
  return choice;
}

/** localStorage, or null where the browser refuses it (private mode, disabled storage). */
export function deviceStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readColumnChoice(storage: Storage | null): ColumnChoice {
  try {
    return parseColumnChoice(storage?.getItem(COLUMNS_STORAGE_KEY) ?? null);
  } catch {
    return defaultColumnChoice();
  }
}

export function writeColumnChoice(storage: Storage | null, choice: ColumnChoice): void {
  try {
    storage?.setItem(COLUMNS_STORAGE_KEY, JSON.stringify({ day: choice.day, period: choice.period }));
  } catch {
    // Storage full or refused: the choice lasts until the page is left.
  }
}

/** One box ticked or unticked; the list keeps the table's order. */
export function toggleColumn(
  columns: readonly AttendanceListColumn[],
  column: AttendanceListColumn,
  checked: boolean,
): AttendanceListColumn[] {
  const set = new Set(columns);
  if (checked) set.add(column);
  else set.delete(column);
  return orderedColumns([...set]);
}

// ------------------------------------------------------------------ period presets

export type PeriodPreset = 'today' | 'yesterday' | 'this-week' | 'this-month' | 'last-month';
export const PERIOD_PRESETS: readonly { preset: PeriodPreset; label: string }[] = [
  { preset: 'today', label: "Aujourd'hui" },
  { preset: 'yesterday', label: 'Hier' },
  { preset: 'this-week', label: 'Cette semaine' },
  { preset: 'this-month', label: 'Ce mois-ci' },
  { preset: 'last-month', label: 'Mois dernier' },
];

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The period of a preset relative to `today` ('YYYY-MM-DD'); `to` is null for one day. Weeks run from Monday to Sunday. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string | null } {
  const [y, m] = today.split('-').map(Number);
  switch (preset) {
    case 'today':
      return { from: today, to: null };
    case 'yesterday':
      return { from: addDays(today, -1), to: null };
    case 'this-week': {
      const monday = addDays(today, 1 - isoWeekday(today));
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'this-month':
      return { from: iso(y, m, 1), to: iso(y, m, daysInMonth(y, m)) };
    case 'last-month': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: iso(py, pm, 1), to: iso(py, pm, daysInMonth(py, pm)) };
    }
  }
}

/** The preset the period matches, or null. */
export function presetOf(from: string | null, to: string | null, today: string): PeriodPreset | null {
  if (!from) return null;
  const end = to && to !== from ? to : null;
  return (
    PERIOD_PRESETS.find(({ preset }) => {
      const p = presetPeriod(preset, today);
      return p.from === from && p.to === end;
    })?.preset ?? null
  );
}

// ------------------------------------------------------------------ what the page says

/** "le lundi 02/03/2026, créneau 09:30 – 12:00", "du 01/03/2026 au 31/03/2026" */
export function periodText(from: string, to: string | null, slotLabel: string | null): string {
  const period = !to || to === from ? `le ${formatFrenchDayDate(from)}` : `du ${formatFrenchDate(from)} au ${formatFrenchDate(to)}`;
  return slotLabel ? `${period}, créneau ${slotLabel}` : period;
}

/** "12 présences le lundi 02/03/2026, créneau 09:30 – 12:00"; "Aucune présence du … au …". */
export function countText(total: number, from: string, to: string | null, slotLabel: string | null): string {
  const count = total === 0 ? 'Aucune présence' : total === 1 ? '1 présence' : `${total.toLocaleString('fr-FR')} présences`;
  return `${count} ${periodText(from, to, slotLabel)}`;
}

/** "7 ans", "1 an", "moins d'un an" */
export function ageText(age: number): string {
  if (age < 1) return "moins d'un an";
  return age === 1 ? '1 an' : `${age} ans`;
}

/** What a cell of the list shows. */
export function cellText(row: AttendanceListRow, column: AttendanceListColumn): string {
  switch (column) {
    case 'date':
      return formatFrenchDate(row.date);
    case 'age':
      return ageText(row.age);
    case 'arrival':
      return row.arrival.slice(0, 5);
    case 'source':
      return ATTENDANCE_SOURCE_LABELS[row.source] ?? row.source;
    default:
      return String(row[column] ?? '');
  }
}

/** Used when the answer has no Content-Disposition: "liste-presence-2026-03-02-2026-03-02.xlsx". */
export function fallbackFileName(kind: 'liste-presence' | 'emargement', from: string, to: string | null, ext: 'pdf' | 'xlsx'): string {
  return `${kind}-${from}-${to ?? from}.${ext}`;
}
