import { LocalDate, utcMs } from './local-date';

/**
 * Conversions between instants (UTC) and the wall-clock time of a structure
 * (Europe/Paris by default), using the Intl time-zone database of the runtime.
 */

export interface ZonedParts {
  date: LocalDate;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields the formatter above is asked for. */
interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function partsOf(instant: Date, timeZone: string): WallParts {
  const out = new Map<string, number>();
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out.set(p.type, Number(p.value));
  }
  // Intl returns every field the formatter was built with; a missing one would be a runtime bug.
  const field = (type: keyof WallParts): number => {
    const value = out.get(type);
    if (value === undefined) throw new Error(`Intl.DateTimeFormat gave no ${type} for ${timeZone}`);
    return value;
  };
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** Last answer per zone: every kiosk request asks for "now", and Intl formatting is not free. */
const lastMinute = new Map<string, { minute: number; parts: ZonedParts }>();

/** The local calendar date and minute of the day at `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  // Zone offsets are whole minutes: the same UTC minute is the same local minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  const hit = lastMinute.get(timeZone);
  if (hit && hit.minute === minute) return { ...hit.parts };
  const parts = computeZonedParts(instant, timeZone);
  lastMinute.set(timeZone, { minute, parts });
  return { ...parts };
}

const two = (n: number) => String(n).padStart(2, '0');
const dateOfParts = (p: WallParts): LocalDate => `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`;

function computeZonedParts(instant: Date, timeZone: string): ZonedParts {
  const p = partsOf(instant, timeZone);
  return { date: dateOfParts(p), minutes: p.hour * 60 + p.minute };
}

/** Date and time to the second ('HH:MM:SS') shown by the wall clock of `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): { date: LocalDate; time: string } {
  const p = partsOf(instant, timeZone);
  return { date: dateOfParts(p), time: `${two(p.hour)}:${two(p.minute)}:${two(p.second)}` };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Paris in summer: +120). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = partsOf(instant, timeZone);
  const asUtc = utcMs(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60_000);
}

/**
 * `zonedParts` for many instants of one zone (a list of thousands of arrivals):
 * the zone's offset is looked up once per quarter of an hour of UTC time —
 * offsets only change on such boundaries — instead of formatting every instant
 * with Intl. Same answers as `zonedParts`.
 */
export function zonedPartsCache(timeZone: string): (instant: Date) => ZonedParts {
  const offsets = new Map<number, number>();
  return (instant) => {
    const ms = instant.getTime();
    const bucket = Math.floor(ms / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zoneOffsetMinutes(new Date(bucket * 900_000), timeZone);
      offsets.set(bucket, offset);
    }
    const local = new Date(ms + offset * 60_000);
    return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
  };
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` `minutes`.
 * In the spring-forward gap (02:30 in Paris on the last Sunday of March does not
 * exist) the result is the instant one hour later on the wall clock; in the
 * autumn overlap the earlier of the two instants is chosen.
 */
export function zonedToInstant(date: LocalDate, minutes: number, timeZone: string): Date {
  // A malformed date gives NaN parts (an Invalid Date), as before the defaults were written.
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  const naive = utcMs(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  // The offsets in force a day before and a day after cover both sides of any change.
  const before = naive - zoneOffsetMinutes(new Date(naive - 86_400_000), timeZone) * 60_000;
  const after = naive - zoneOffsetMinutes(new Date(naive + 86_400_000), timeZone) * 60_000;
  const matching = [before, after]
    .filter((c) => {
      const back = zonedParts(new Date(c), timeZone);
      return back.date === date && back.minutes === minutes;
    })
    .sort((a, b) => a - b);
  const [earliest] = matching;
  if (earliest !== undefined) return new Date(earliest);
  // Gap: the wall-clock time does not exist; read it with the offset in force before the change.
  return new Date(before);
}

/** "HH:MM" -> minutes since midnight, or null when not a valid time (25:61 is not). */
export function parseHm(value: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** minutes since midnight -> "HH:MM" (1440 -> "24:00", the end of a day). */
export function formatHm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
