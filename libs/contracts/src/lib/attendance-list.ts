import type { Page } from './api';

/** LISTE DE PRÉSENCE (SPEC.md "Attendance lists", cahier des charges "Paramètre : Liste de présence"). */

/** Columns of the list, in the order they are shown and exported. */
export const ATTENDANCE_LIST_COLUMNS = [
  'date',
  'slot',
  'lastName',
  'firstName',
  'family',
  'sex',
  'age',
  'status',
  'city',
  'minima',
  'qf',
  'arrival',
  'source',
] as const;
export type AttendanceListColumn = (typeof ATTENDANCE_LIST_COLUMNS)[number];

export const ATTENDANCE_LIST_COLUMN_LABELS: Record<AttendanceListColumn, string> = {
  date: 'Date',
  slot: 'Créneau',
  lastName: 'Nom',
  firstName: 'Prénom',
  family: 'Famille',
  sex: 'Sexe',
  age: 'Âge',
  status: 'Statut',
  city: 'Ville de résidence',
  minima: 'Minima sociaux',
  qf: 'Quotient familial',
  arrival: "Heure d'arrivée",
  source: 'Saisie',
};

/** The columns of the cahier des charges, checked by default for one day. */
export const DEFAULT_DAY_COLUMNS: AttendanceListColumn[] = [
  'lastName',
  'firstName',
  'sex',
  'age',
  'status',
  'city',
  'minima',
  'qf',
  'arrival',
];
/** For a period of several days, the day, the slot and the family come first. */
export const DEFAULT_PERIOD_COLUMNS: AttendanceListColumn[] = [
  'date',
  'slot',
  'lastName',
  'firstName',
  'family',
  'sex',
  'age',
  'status',
  'city',
  'minima',
  'qf',
  'arrival',
];

export type AttendanceSource = 'kiosk' | 'acting' | 'retro';

/** How an attendance was recorded, as the list says it. */
export const ATTENDANCE_SOURCE_LABELS: Record<AttendanceSource, string> = {
  kiosk: 'borne',
  acting: 'pour la famille',
  retro: 'a posteriori',
};

export interface AttendanceListRequest {
  /** 'YYYY-MM-DD' */
  from: string;
  /** 'YYYY-MM-DD'; omitted (or equal to `from`) for one day. */
  to?: string;
  /** One of the day's slots (one day only); all of them when omitted. */
  slotId?: number;
  /** Columns to show and export, in any order (exports follow ATTENDANCE_LIST_COLUMNS' order); all when omitted. */
  columns?: AttendanceListColumn[];
  sort?: AttendanceListColumn;
  order?: 'asc' | 'desc';
  /** 1-based; JSON list only. */
  page?: number;
  pageSize?: number;
}

/** One attendance, with the member's attributes as at check-in (the snapshot) and the age at the attendance's date. */
export interface AttendanceListRow {
  id: number;
  date: string;
  slotId: number;
  /** '09:30 – 12:00' */
  slot: string;
  memberId: number;
  lastName: string;
  firstName: string;
  familyId: number;
  family: string;
  sex: string;
  age: number;
  status: string;
  city: string;
  minima: string;
  qf: string;
  /** Local 'HH:MM' */
  arrival: string;
  source: AttendanceSource;
}

export interface AttendanceListPage extends Page<AttendanceListRow> {
  from: string;
  to: string;
  slot: { id: number; label: string } | null;
}

/** Limits of the exports; a larger list is refused with a French message that says them. */
export const ATTENDANCE_LIST_LIMITS = {
  /** Longest period of a list, in years. */
  maxYears: 10,
  pageSizeMax: 500,
  xlsxRows: 200_000,
  pdfRows: 5_000,
} as const;

export interface SignInSheetRequest {
  slotId: number;
  /** Empty rows for newcomers at the end of the sheet (default 10). */
  spareRows?: number;
}

export const ATTENDANCE_LIST_ROUTES = {
  list: '/api/attendance-list',
  pdf: '/api/attendance-list/export.pdf',
  xlsx: '/api/attendance-list/export.xlsx',
  signInSheet: '/api/attendance-list/sign-in-sheet.pdf',
} as const;
