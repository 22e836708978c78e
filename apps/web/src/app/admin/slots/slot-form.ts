import { AbstractControl } from '@angular/forms';
import { DeleteSlotsRequest, GenerateSlotsRequest, TimeRangeInput, WEEKDAY_LABELS } from '@pointage/contracts';
import { formatFrenchDate, formatFrenchDayDate, parsePeriod, parseRanges } from '@pointage/domain';
import { toLocalDate } from '../../core/french-date-adapter';

/** The rules of the slot forms, kept apart from the components so that they can be tested alone. */

export const ALL_WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
export const WEEKDAYS = WEEKDAY_LABELS.map((label, i) => ({ value: i + 1, label }));

/** "Tous" ticked: every day; unticked: none. */
export function toggleAllWeekdays(checked: boolean): number[] {
  return checked ? [...ALL_WEEKDAYS] : [];
}

/** One day ticked or unticked; the list stays sorted, without repeats. */
export function toggleWeekday(days: readonly number[], day: number, checked: boolean): number[] {
  const set = new Set(days);
  if (checked) set.add(day);
  else set.delete(day);
  return ALL_WEEKDAYS.filter((d) => set.has(d));
}

/** What "Tous" shows: ticked, half-ticked, or not. */
export function weekdaysState(days: readonly number[]): 'all' | 'some' | 'none' {
  const set = new Set(days);
  const count = ALL_WEEKDAYS.filter((d) => set.has(d)).length;
  return count === ALL_WEEKDAYS.length ? 'all' : count === 0 ? 'none' : 'some';
}

/** A date typed that is not a date (the date picker then holds null and flags it). */
export const INVALID_DATE = 'invalide';

/** The value of a date-picker control: 'YYYY-MM-DD', null when empty, or INVALID_DATE. */
export function dateOf(control: AbstractControl<Date | null>): string | null {
  if (control.hasError('matDatepickerParse')) return INVALID_DATE;
  const value = control.value;
  if (!value) return null;
  return Number.isNaN(value.getTime()) ? INVALID_DATE : toLocalDate(value);
}

export const NO_FROM = 'Choisissez la date de début.';
export const BAD_FROM = "La date de début n'est pas valide : saisissez-la sous la forme jj/mm/aaaa.";
export const BAD_TO = "La date de fin n'est pas valide : saisissez-la sous la forme jj/mm/aaaa.";
export const NO_WEEKDAY = 'Cochez au moins un jour.';
export const EMPTY_RANGE = "Indiquez l'heure de début et l'heure de fin de chaque plage horaire.";
export const HALF_RANGE = "Indiquez l'heure de début et l'heure de fin, ou laissez les deux vides.";

/** From–To (To empty: one day), checked with the same rules and messages as the API. */
export function checkPeriod(from: string | null, to: string | null): { from: string; to?: string } | string {
  if (from === INVALID_DATE) return BAD_FROM;
  if (!from) return NO_FROM;
  if (to === INVALID_DATE) return BAD_TO;
  const checked = parsePeriod(from, to ?? undefined);
  if (typeof checked === 'string') return checked;
  return to ? { from, to } : { from };
}

export interface GenerateValues {
  from: string | null;
  to: string | null;
  weekdays: readonly number[];
  ranges: TimeRangeInput[];
}

/** The request of "GÉNÉRER", or the French reason it cannot be sent. */
export function checkGenerate(v: GenerateValues): GenerateSlotsRequest | string {
  const period = checkPeriod(v.from, v.to);
  if (typeof period === 'string') return period;
  if (v.weekdays.length === 0) return NO_WEEKDAY;
  const ranges = v.ranges.map((r) => ({ start: r.start.trim(), end: r.end.trim() }));
  if (ranges.some((r) => !r.start || !r.end)) return EMPTY_RANGE;
  const parsed = parseRanges(ranges);
  if (typeof parsed === 'string') return parsed;
  return { ...period, weekdays: [...v.weekdays], ranges };
}

export interface DeleteValues {
  from: string | null;
  to: string | null;
  weekdays: readonly number[];
  start: string;
  end: string;
}

/** The request of "SUPPRIMER" (the time range is optional), or the French reason it cannot be sent. */
export function checkDelete(v: DeleteValues): DeleteSlotsRequest | string {
  const period = checkPeriod(v.from, v.to);
  if (typeof period === 'string') return period;
  if (v.weekdays.length === 0) return NO_WEEKDAY;
  const start = v.start.trim();
  const end = v.end.trim();
  if (!start && !end) return { ...period, weekdays: [...v.weekdays] };
  if (!start || !end) return HALF_RANGE;
  const parsed = parseRanges([{ start, end }]);
  if (typeof parsed === 'string') return parsed;
  return { ...period, weekdays: [...v.weekdays], start, end };
}

/** "du mardi 23/10/2018" or "du 01/11/2026 au 30/11/2026", then the days and the hours when they narrow it. */
export function describeDeletion(req: DeleteSlotsRequest): string {
  const period =
    req.to && req.to !== req.from
      ? `du ${formatFrenchDate(req.from)} au ${formatFrenchDate(req.to)}`
      : `du ${formatFrenchDayDate(req.from)}`;
  const days =
    weekdaysState(req.weekdays) === 'all' || !req.to || req.to === req.from
      ? ''
      : ` (${req.weekdays.map((d) => WEEKDAY_LABELS[d - 1].toLocaleLowerCase('fr-FR')).join(', ')})`;
  const hours = req.start && req.end ? `, compris entre ${req.start} et ${req.end}` : '';
  return `${period}${days}${hours}`;
}
