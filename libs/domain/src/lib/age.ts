import { LocalDate } from './local-date';

/**
 * Age in whole years at `reference` for somebody born on `birth`.
 * Born on 29 February: the birthday is taken on 28 February in common years
 * (the usual civil reading in France for age thresholds).
 */
export function ageAt(birth: LocalDate, reference: LocalDate): number {
  // A malformed date gives NaN parts (and a NaN age), as before the defaults were written.
  const [by = NaN, bm = NaN, bd = NaN] = birth.split('-').map(Number);
  const [ry = NaN, rm = NaN, rd = NaN] = reference.split('-').map(Number);
  let age = ry - by;
  const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const birthdayDay = bm === 2 && bd === 29 && !isLeap(ry) ? 28 : bd;
  if (rm < bm || (rm === bm && rd < birthdayDay)) age -= 1;
  return age;
}

export interface AgeRange {
  minAge: number;
  maxAge: number;
}

/**
 * Problems of a set of age brackets (inclusive whole years), in French, or null.
 * Brackets may leave gaps (nobody aged 100 needs a bracket) but never overlap,
 * or one person would be counted twice.
 */
export function ageBracketProblem(brackets: AgeRange[]): string | null {
  if (brackets.length === 0) return "Indiquez au moins une tranche d'âge.";
  for (const b of brackets) {
    if (!Number.isInteger(b.minAge) || !Number.isInteger(b.maxAge) || b.minAge < 0 || b.maxAge > 120) {
      return "Les âges d'une tranche sont des nombres entiers entre 0 et 120.";
    }
    if (b.minAge > b.maxAge)
      return `La tranche ${b.minAge}–${b.maxAge} ans est inversée : l'âge mini doit être inférieur ou égal à l'âge maxi.`;
  }
  const sorted = [...brackets].sort((x, y) => x.minAge - y.minAge || x.maxAge - y.maxAge);
  let prev: AgeRange | undefined;
  for (const cur of sorted) {
    if (prev && cur.minAge <= prev.maxAge) {
      return `Les tranches ${prev.minAge}–${prev.maxAge} ans et ${cur.minAge}–${cur.maxAge} ans se chevauchent.`;
    }
    prev = cur;
  }
  return null;
}

/** The bracket an age falls in, or null when it falls in a gap. */
export function bracketOf<T extends AgeRange>(age: number, brackets: T[]): T | null {
  return brackets.find((b) => age >= b.minAge && age <= b.maxAge) ?? null;
}
