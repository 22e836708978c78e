import type { RefKind } from './reference';

/**
 * STATISTIQUES (SPEC.md, "Statistics" and its "Readings that settle every
 * ambiguity"): the request, the report and the drill-down lists.
 */

/** Criteria groups, in the order of the page. */
export const STATISTICS_GROUPS: readonly RefKind[] = ['sex', 'city', 'status', 'minima', 'qf'];

/**
 * Ids of the structure's reference items, per group. A group left out matches
 * everybody (every box checked); an empty list matches nobody.
 */
export type StatisticsCriteria = Partial<Record<RefKind, number[]>>;

/** `previous`: the previous period of the same length; `previous-year`: the same dates a year earlier (N-1). */
export type StatisticsComparison = 'previous' | 'previous-year';

export interface StatisticsRequest {
  /** 'YYYY-MM-DD' */
  from: string;
  /** 'YYYY-MM-DD' (included) */
  to: string;
  criteria?: StatisticsCriteria;
  /** Age brackets for this report only; the structure's brackets when left out. */
  brackets?: { minAge: number; maxAge: number }[];
  /** Date at which ages are computed; the end of the period when left out. */
  referenceDate?: string;
  compare?: StatisticsComparison;
}

export type StatisticsUnit = 'days' | 'hours' | 'people' | 'families' | 'presences';

/** Sections of the report, in the order of the page and the exports. */
export type StatisticsSection = 'opening' | 'public' | 'sex' | 'city' | 'status' | 'minima' | 'qf' | 'age';

export const STATISTICS_SECTION_TITLES: Record<StatisticsSection, string> = {
  opening: 'Ouverture',
  public: 'Public',
  sex: 'Par sexe',
  city: 'Par ville',
  status: 'Par statut',
  minima: 'Par minima sociaux',
  qf: 'Par quotient familial',
  age: "Par tranche d'âge",
};

export interface StatisticsFigure {
  /** Stable machine key ('openingDays', 'inscrits', 'rsaChildren', …). */
  key: string;
  label: string;
  section: StatisticsSection;
  /** Hours are decimal (390 minutes = 6.5); every other unit is a whole count. */
  value: number;
  unit: StatisticsUnit;
  /** Key of the drill-down listing who was counted, or null (opening figures). */
  drill: string | null;
}

/** Groups of per-item lines: the reference lists, and the age brackets. */
export type StatisticsLineGroup = RefKind | 'age';

export interface StatisticsLine {
  /** '<group>:<item id>', 'age:<index of the bracket>', 'age:outside' (hors tranches), 'status:grandparents'. */
  key: string;
  group: StatisticsLineGroup;
  itemId: number | null;
  label: string;
  /** Stable meaning of the item (female, rsa, grandmother, …), when it has one. */
  code: string | null;
  /** False for a deactivated item (shown only when it has figures in the period). */
  active: boolean;
  /** People counted (their last attendance in the period has this value). */
  inscrits: number;
  /** Attendance records whose own snapshot has this value. */
  presences: number;
  drillInscrits: string;
  drillPresences: string;
}

export interface StatisticsPoint {
  key: string;
  label: string;
  value: number;
}

export interface StatisticsSeries {
  /** Every month of the period ('2026-03', 'mars 2026'), zeros included. */
  presencesByMonth: StatisticsPoint[];
  /** Counted inscrits present at least once in the month. */
  peopleByMonth: StatisticsPoint[];
  /** ISO weekdays '1' (lundi) … '7' (dimanche). */
  presencesByWeekday: StatisticsPoint[];
  /** One point per distinct slot time range of the period ('570-720', '09:30 – 12:00'), by start time. */
  presencesBySlot: StatisticsPoint[];
  /** Inscrits per age bracket (then 'hors tranches'), split by sex. */
  inscritsByAgeAndSex: { key: string; label: string; bySex: StatisticsPoint[] }[];
}

/** The figures of one period. */
export interface StatisticsPeriodReport {
  from: string;
  to: string;
  referenceDate: string;
  /** True when the period has neither a slot nor an attendance. */
  empty: boolean;
  figures: StatisticsFigure[];
  lines: Record<StatisticsLineGroup, StatisticsLine[]>;
  series: StatisticsSeries;
  /** When the latest attendance of the period was recorded (ISO instant), or null. */
  lastAttendanceAt: string | null;
}

export interface StatisticsCriteriaGroupEcho {
  group: RefKind;
  label: string;
  /** True when every item is checked (the group filters nothing). */
  all: boolean;
  items: { id: number; label: string; active: boolean; checked: boolean }[];
}

export interface StatisticsReport extends StatisticsPeriodReport {
  structure: { id: number; name: string };
  /** ISO instant the report was computed at. */
  generatedAt: string;
  /** The criteria used, group by group, with every item of the structure's lists. */
  criteria: StatisticsCriteriaGroupEcho[];
  brackets: { minAge: number; maxAge: number; label: string }[];
  bracketsSource: 'structure' | 'request';
  /** True when the reference date was given (else the end of the period). */
  referenceDateGiven: boolean;
  comparison: (StatisticsPeriodReport & { kind: StatisticsComparison; label: string }) | null;
}

export interface StatisticsDrilldownRequest extends StatisticsRequest {
  /** The `drill`, `drillInscrits` or `drillPresences` key of a figure or line. */
  key: string;
  /** Lists the people of the comparison period rather than of the period itself. */
  ofComparison?: boolean;
}

export interface StatisticsDrillMember {
  memberId: number;
  lastName: string;
  firstName: string;
  familyId: number;
  familyName: string;
  /** The attributes the figure tested (last attendance in the period, or current ones for inscriptions). */
  sex: string;
  city: string;
  status: string;
  minima: string;
  qf: string;
  birthDate: string;
  /** Full years at the reference date. */
  age: number;
  registeredOn: string;
  /** Présences of the member in the period (for a présences figure: those it counts). */
  presences: number;
  /** Slot date of the last attendance in the period, or null (inscriptions without any). */
  lastAttendance: string | null;
  archived: boolean;
}

export interface StatisticsDrillFamily {
  familyId: number;
  familyName: string;
  /** Counted inscrits of the family, "Prénom NOM", by name. */
  members: string[];
  presences: number;
}

export type StatisticsDrilldown =
  | { key: string; label: string; kind: 'members' | 'presences' | 'registrations'; total: number; rows: StatisticsDrillMember[] }
  | { key: string; label: string; kind: 'families'; total: number; rows: StatisticsDrillFamily[] };

export const STATISTICS_ROUTES = {
  report: '/api/statistics/report',
  drilldown: '/api/statistics/drilldown',
  pdf: '/api/statistics/export.pdf',
  xlsx: '/api/statistics/export.xlsx',
} as const;
