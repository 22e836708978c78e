import { addDays, daysBetween, formatFrenchDayDate, isoWeekday, isValidLocalDate, LocalDate } from './local-date';
import { formatHm, parseHm } from './zoned-time';

/** A time range of a day in minutes since local midnight, end excluded. */
export interface MinuteRange {
  start: number;
  end: number;
}

export interface PlannedSlot extends MinuteRange {
  date: LocalDate;
}

export const MAX_SPAN_DAYS = 5 * 366;

/** Minutes of a day: a slot may end at midnight, the end of its day. */
export const END_OF_DAY = 1440;

/** The end of a range: 'HH:MM', or '00:00' / '24:00' for midnight at the end of the day. */
export function parseEnd(value: string): number | null {
  const v = value.trim();
  return v === '24:00' || v === '00:00' ? END_OF_DAY : parseHm(v);
}

/**
 * Parses 'HH:MM' ranges (an end of '00:00' or '24:00' is midnight, the end of
 * the day: an evening slot 20:00–00:00); returns them sorted, or a French reason.
 */
export function parseRanges(ranges: { start: string; end: string }[]): MinuteRange[] | string {
  if (ranges.length === 0) return 'Indiquez au moins une plage horaire.';
  const parsed: MinuteRange[] = [];
  for (const r of ranges) {
    const start = parseHm(r.start);
    const end = parseEnd(r.end);
    if (start === null) return `« ${r.start} » n'est pas une heure valide (hh:mm, de 00:00 à 23:59).`;
    if (end === null) return `« ${r.end} » n'est pas une heure valide (hh:mm, de 00:00 à 23:59).`;
    if (end <= start) return `La plage ${r.start}–${r.end} est inversée ou vide : l'heure de fin doit suivre l'heure de début.`;
    parsed.push({ start, end });
  }
  parsed.sort((a, b) => a.start - b.start);
  let prev: MinuteRange | undefined;
  for (const cur of parsed) {
    if (prev && cur.start < prev.end) {
      return `Les plages ${formatHm(prev.start)}–${formatHm(prev.end)} et ${formatHm(cur.start)}–${formatHm(cur.end)} se chevauchent.`;
    }
    prev = cur;
  }
  return parsed;
}

/** Checks a From–To period (To omitted: one day); returns [from, to] or a French reason. */
export function parsePeriod(from: string, to: string | undefined, maxDays = MAX_SPAN_DAYS): [LocalDate, LocalDate] | string {
  if (!isValidLocalDate(from)) return `La date de début « ${from} » n'est pas une date valide.`;
  const end = to ?? from;
  if (!isValidLocalDate(end)) return `La date de fin « ${end} » n'est pas une date valide.`;
  if (end < from) return 'La date de fin est avant la date de début.';
  if (daysBetween(from, end) >= maxDays) return 'La période dépasse 5 ans : découpez-la en plusieurs fois.';
  return [from, end];
}

/**
 * Every (day, range) of the period whose weekday is chosen: the slots a
 * "generate" request asks for. Linear in the number of days; 5 years of 3 ranges
 * a day is about 5 500 slots.
 */
export function expandSlots(from: LocalDate, to: LocalDate, weekdays: number[], ranges: MinuteRange[]): PlannedSlot[] {
  const days = new Set(weekdays);
  const out: PlannedSlot[] = [];
  const span = daysBetween(from, to);
  let weekday = isoWeekday(from);
  for (let i = 0; i <= span; i++) {
    if (days.has(weekday)) {
      const date = addDays(from, i);
      for (const r of ranges) out.push({ date, start: r.start, end: r.end });
    }
    weekday = weekday === 7 ? 1 : weekday + 1;
  }
  return out;
}

/**
 * A new slot that overlaps an existing slot of the same day without being
 * identical to it (identical ones are simply skipped), described in French, or null.
 */
export function conflictWithExisting(planned: PlannedSlot[], existing: PlannedSlot[]): string | null {
  const byDay = new Map<string, PlannedSlot[]>();
  for (const e of existing) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  for (const p of planned) {
    for (const e of byDay.get(p.date) ?? []) {
      const identical = e.start === p.start && e.end === p.end;
      if (!identical && p.start < e.end && e.start < p.end) {
        return `Le créneau ${formatHm(p.start)}–${formatHm(p.end)} du ${formatFrenchDayDate(p.date)} chevauche le créneau existant ${formatHm(e.start)}–${formatHm(e.end)}.`;
      }
    }
  }
  return null;
}

/**
 * The slot check-ins go to at `minutes` of the day: the one whose range contains
 * now (start included, end excluded); else the next one today; else none
 * (the ludothèque is closed for the rest of the day).
 */
export function chooseSlot<T extends MinuteRange>(slotsOfToday: T[], minutes: number): { slot: T; current: boolean } | null {
  const sorted = [...slotsOfToday].sort((a, b) => a.start - b.start);
  const current = sorted.find((s) => s.start <= minutes && minutes < s.end);
  if (current) return { slot: current, current: true };
  const next = sorted.find((s) => s.start > minutes);
  return next ? { slot: next, current: false } : null;
}

/** Length in minutes of the union of ranges (hours of opening of a day). */
export function unionMinutes(ranges: MinuteRange[]): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const r of sorted) {
    if (r.start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = r.start;
      curEnd = r.end;
    } else if (r.end > curEnd) {
      curEnd = r.end;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** Minutes before a slot's start and after its end within which a back-in-time arrival may be typed. */
export const RETRO_ARRIVAL_MARGIN = 30;

/**
 * A back-in-time arrival at `minutes` of the slot's day: null when it lies within
 * the slot ± RETRO_ARRIVAL_MARGIN, else the French reason naming the slot's times.
 */
export function retroArrivalProblem(minutes: number, slot: MinuteRange): string | null {
  const earliest = Math.max(0, slot.start - RETRO_ARRIVAL_MARGIN);
  const latest = Math.min(END_OF_DAY - 1, slot.end + RETRO_ARRIVAL_MARGIN);
  if (minutes >= earliest && minutes <= latest) return null;
  return `L'heure d'arrivée doit être comprise entre ${formatHm(earliest)} et ${formatHm(latest)} : le créneau va de ${formatHm(slot.start)} à ${formatHm(slot.end)} (${RETRO_ARRIVAL_MARGIN} minutes de marge).`;
}
