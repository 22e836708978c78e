import { isoWeekday, isValidTimeZone, LocalDate, wallClockAt } from '@pointage/domain';

/**
 * The wall clock of a structure, whatever the zone of the device showing it:
 * a kiosk PC set to UTC still shows Paris time for a Paris ludothèque.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export interface WallClock {
  /** 'YYYY-MM-DD' */
  date: LocalDate;
  /** 'HH:MM:SS' */
  time: string;
}

/** Date and time (to the second) shown by the wall clock of `timeZone` at `instant`; an unknown zone reads as Paris. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  return wallClockAt(instant, isValidTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** '2018-10-23' -> 'mardi 23 octobre 2018' ('1er' for the first of a month). */
export function frenchLongDate(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return '';
  return `${WEEKDAYS[isoWeekday(date) - 1]} ${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/** '14:00', '18:00' -> '14:00 – 18:00' */
export function rangeLabel(start: string, end: string): string {
  return `${start.slice(0, 5)} – ${end.slice(0, 5)}`;
}

/** 12 -> '12 personnes présentes'; 0 -> "Aucune personne présente pour l'instant". */
export function presentCounterLabel(count: number): string {
  if (count <= 0) return "Aucune personne présente pour l'instant";
  return count === 1 ? '1 personne présente' : `${count} personnes présentes`;
}
