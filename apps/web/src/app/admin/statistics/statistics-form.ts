import type { Params } from '@angular/router';
import {
  REF_KIND_LABELS,
  REF_KINDS,
  ReferenceLists,
  RefItemWithUsage,
  StatisticsComparison,
  StatisticsCriteria,
  StatisticsRequest,
  type RefKind,
} from '@pointage/contracts';
import { ageBracketProblem, daysInMonth, isValidLocalDate, statisticsPeriodProblem } from '@pointage/domain';

/**
 * The rules of the STATISTIQUES form, apart from the component so that they are
 * tested alone: presets, the request sent to the API, and the query parameters
 * that keep a report in the URL (bookmark, reload, back button).
 */

export interface Bracket {
  minAge: number;
  maxAge: number;
}

export type CompareChoice = 'none' | StatisticsComparison;

/** The structure's lists as the form needs them: every item (deactivated ones too), in list order. */
export interface StatisticsLists {
  items: Record<RefKind, RefItemWithUsage[]>;
  /** The structure's default brackets, in order. */
  brackets: Bracket[];
}

/** What the form holds, once its dates are read ('YYYY-MM-DD'). */
export interface StatisticsFormState {
  from: string | null;
  to: string | null;
  /** Null: the end of the period. */
  referenceDate: string | null;
  compare: CompareChoice;
  /** Ids checked in each group. */
  checked: Record<RefKind, number[]>;
  brackets: Bracket[];
}

export function listsFrom(ref: ReferenceLists): StatisticsLists {
  const items = {} as Record<RefKind, RefItemWithUsage[]>;
  for (const kind of REF_KINDS) items[kind] = [...(ref[kind] ?? [])].sort((a, b) => a.position - b.position);
  const brackets = [...ref.ageBrackets]
    .sort((a, b) => a.position - b.position || a.minAge - b.minAge)
    .map(({ minAge, maxAge }) => ({ minAge, maxAge }));
  return { items, brackets };
}

/** Every box checked. */
export function allChecked(lists: StatisticsLists): Record<RefKind, number[]> {
  const out = {} as Record<RefKind, number[]>;
  for (const kind of REF_KINDS) out[kind] = lists.items[kind].map((i) => i.id);
  return out;
}

// ------------------------------------------------------------------ presets

export type PeriodPreset = 'current-month' | 'last-month' | 'current-quarter' | 'current-year' | 'last-year' | 'school-year';
export const PERIOD_PRESETS: readonly PeriodPreset[] = [
  'current-month',
  'last-month',
  'current-quarter',
  'current-year',
  'last-year',
  'school-year',
];

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const endOfMonth = (y: number, m: number) => iso(y, m, daysInMonth(y, m));

/** The period of a preset, relative to `today` ('YYYY-MM-DD'). The school year runs from September to August. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  switch (preset) {
    case 'current-month':
      return { from: iso(y, m, 1), to: endOfMonth(y, m) };
    case 'last-month': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: iso(py, pm, 1), to: endOfMonth(py, pm) };
    }
    case 'current-quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: iso(y, first, 1), to: endOfMonth(y, first + 2) };
    }
    case 'current-year':
      return { from: iso(y, 1, 1), to: iso(y, 12, 31) };
    case 'last-year':
      return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
    case 'school-year': {
      const start = m >= 9 ? y : y - 1;
      return { from: iso(start, 9, 1), to: iso(start + 1, 8, 31) };
    }
  }
}

export function presetLabel(preset: PeriodPreset, today: string): string {
  switch (preset) {
    case 'current-month':
      return 'Mois en cours';
    case 'last-month':
      return 'Mois dernier';
    case 'current-quarter':
      return 'Trimestre en cours';
    case 'current-year':
      return 'Année civile en cours';
    case 'last-year':
      return 'Année civile précédente';
    case 'school-year': {
      const { from, to } = presetPeriod('school-year', today);
      return `Année scolaire ${from.slice(0, 4)}–${to.slice(0, 4)}`;
    }
  }
}

/** The preset whose period is exactly From–To, if any. */
export function presetOf(from: string | null, to: string | null, today: string): PeriodPreset | null {
  if (!from || !to) return null;
  return (
    PERIOD_PRESETS.find((p) => {
      const period = presetPeriod(p, today);
      return period.from === from && period.to === to;
    }) ?? null
  );
}

// ------------------------------------------------------------------ request

export function bracketsEqual(a: readonly Bracket[], b: readonly Bracket[]): boolean {
  const sort = (x: readonly Bracket[]) => [...x].sort((p, q) => p.minAge - q.minAge || p.maxAge - q.maxAge);
  const sa = sort(a);
  const sb = sort(b);
  return sa.length === sb.length && sa.every((x, i) => x.minAge === sb[i].minAge && x.maxAge === sb[i].maxAge);
}

/** Groups with every box checked are left out (they filter nothing); a group with none checked is []. */
export function criteriaOf(checked: Record<RefKind, number[]>, lists: StatisticsLists): StatisticsCriteria {
  const criteria: StatisticsCriteria = {};
  for (const kind of REF_KINDS) {
    const known = new Set(lists.items[kind].map((i) => i.id));
    const ids = lists.items[kind].map((i) => i.id).filter((id) => checked[kind]?.includes(id));
    if (ids.length === known.size) continue;
    criteria[kind] = ids;
  }
  return criteria;
}

/** Groups where no box is checked: nobody will be counted. */
export function emptyGroups(checked: Record<RefKind, number[]>, lists: StatisticsLists): RefKind[] {
  return REF_KINDS.filter((kind) => lists.items[kind].length > 0 && !lists.items[kind].some((i) => checked[kind]?.includes(i.id)));
}

export function emptyGroupsWarning(groups: RefKind[]): string {
  if (groups.length === 0) return '';
  const names = groups.map((g) => `« ${REF_KIND_LABELS[g]} »`).join(', ');
  return groups.length === 1
    ? `Aucune case cochée dans le groupe ${names} : personne ne sera compté.`
    : `Aucune case cochée dans les groupes ${names} : personne ne sera compté.`;
}

export const NO_FROM = 'Choisissez la date de début.';
export const NO_TO = 'Choisissez la date de fin.';
export const BAD_FROM = "La date de début n'est pas valide : saisissez-la sous la forme jj/mm/aaaa.";
export const BAD_TO = "La date de fin n'est pas valide : saisissez-la sous la forme jj/mm/aaaa.";
export const BAD_REFERENCE = "La date de référence n'est pas valide : saisissez-la sous la forme jj/mm/aaaa, ou laissez-la vide.";
export const BAD_BRACKET_ROWS = 'Chaque tranche a un âge mini et un âge maxi, entiers, entre 0 et 120 ans.';
/** A date typed that is not a date. */
export const INVALID_DATE = 'invalide';

export interface FieldProblem {
  /** 'from', 'to', 'referenceDate', 'brackets', 'criteria.<group>', or '' for the form as a whole. */
  field: string;
  message: string;
}

/**
 * The request of GÉNÉRER, or the problem to show next to its field: the same
 * rules and messages as the API (statisticsPeriodProblem, ageBracketProblem).
 */
export function buildRequest(state: StatisticsFormState, lists: StatisticsLists): StatisticsRequest | FieldProblem {
  if (state.from === INVALID_DATE) return { field: 'from', message: BAD_FROM };
  if (!state.from) return { field: 'from', message: NO_FROM };
  if (state.to === INVALID_DATE) return { field: 'to', message: BAD_TO };
  if (!state.to) return { field: 'to', message: NO_TO };
  if (state.referenceDate === INVALID_DATE) return { field: 'referenceDate', message: BAD_REFERENCE };
  const problem = statisticsPeriodProblem(state.from, state.to, state.referenceDate);
  if (problem) return problem;
  const bracketProblem = ageBracketProblem(state.brackets);
  if (bracketProblem) return { field: 'brackets', message: bracketProblem };

  const request: StatisticsRequest = { from: state.from, to: state.to };
  const criteria = criteriaOf(state.checked, lists);
  if (Object.keys(criteria).length > 0) request.criteria = criteria;
  if (!bracketsEqual(state.brackets, lists.brackets)) request.brackets = [...state.brackets].sort((a, b) => a.minAge - b.minAge);
  if (state.referenceDate) request.referenceDate = state.referenceDate;
  if (state.compare !== 'none') request.compare = state.compare;
  return request;
}

export function isFieldProblem<T extends object>(x: T | FieldProblem): x is FieldProblem {
  return 'message' in x && 'field' in x;
}

// ------------------------------------------------------------------ URL

/** Names of the criteria groups in the URL. */
export const GROUP_PARAMS: Record<RefKind, string> = { sex: 'sexe', city: 'ville', status: 'statut', minima: 'minima', qf: 'qf' };
/** A group with no box checked (a group left out of the URL has every box checked). */
export const NONE_PARAM = 'aucun';
const COMPARE_PARAMS: Record<StatisticsComparison, string> = { previous: 'precedente', 'previous-year': 'n-1' };

/**
 * The query parameters of a report: du, au (YYYY-MM-DD), ref, comparer
 * (precedente | n-1), one parameter per criteria group that is not fully
 * checked (ids separated by commas, or "aucun"), tranches (0-2,3-6…) when they
 * differ from the structure's.
 */
export function toQueryParams(request: StatisticsRequest): Params {
  const params: Params = { du: request.from, au: request.to };
  if (request.referenceDate) params['ref'] = request.referenceDate;
  if (request.compare) params['comparer'] = COMPARE_PARAMS[request.compare];
  for (const kind of REF_KINDS) {
    const ids = request.criteria?.[kind];
    if (ids === undefined) continue;
    params[GROUP_PARAMS[kind]] = ids.length === 0 ? NONE_PARAM : ids.join(',');
  }
  if (request.brackets) params['tranches'] = request.brackets.map((b) => `${b.minAge}-${b.maxAge}`).join(',');
  return params;
}

/** A stable text of query parameters, to tell whether the URL changed. */
export function paramsKey(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .filter((k) => params[k] !== undefined && params[k] !== null)
      .sort()
      .map((k) => [k, String(params[k])]),
  );
}

function parseBrackets(value: string): Bracket[] | null {
  const out: Bracket[] = [];
  for (const part of value.split(',')) {
    const m = /^(\d{1,3})-(\d{1,3})$/.exec(part.trim());
    if (!m) return null;
    out.push({ minAge: Number(m[1]), maxAge: Number(m[2]) });
  }
  return out.length > 0 ? out : null;
}

/**
 * The form filled from the URL; `generate` when it names a period. Values the
 * URL gets wrong are left at their defaults (unknown ids are dropped); dates are
 * kept as typed so that the form shows why they are refused.
 */
export function fromQueryParams(
  params: Params,
  lists: StatisticsLists,
  defaults: StatisticsFormState,
): { state: StatisticsFormState; generate: boolean } {
  const text = (k: string): string | null => {
    const v: unknown = params[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const date = (k: string): string | null => {
    const v = text(k);
    if (v === null) return null;
    return isValidLocalDate(v) ? v : INVALID_DATE;
  };
  const from = date('du');
  const to = date('au');
  const compareParam = text('comparer');
  const compare: CompareChoice = compareParam === 'n-1' ? 'previous-year' : compareParam === 'precedente' ? 'previous' : 'none';

  const checked = allChecked(lists);
  for (const kind of REF_KINDS) {
    const v = text(GROUP_PARAMS[kind]);
    if (v === null) continue;
    if (v === NONE_PARAM) {
      checked[kind] = [];
      continue;
    }
    const asked = new Set(v.split(',').map((s) => Number(s.trim())));
    checked[kind] = lists.items[kind].map((i) => i.id).filter((id) => asked.has(id));
  }
  const bracketsText = text('tranches');
  const brackets = (bracketsText && parseBrackets(bracketsText)) || lists.brackets;

  const state: StatisticsFormState = {
    from: from ?? (to ? null : defaults.from),
    to: to ?? (from ? null : defaults.to),
    referenceDate: date('ref'),
    compare,
    checked,
    brackets: brackets.map((b) => ({ ...b })),
  };
  return { state, generate: from !== null || to !== null };
}
