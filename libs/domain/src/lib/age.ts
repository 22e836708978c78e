import { LocalDate } from './local-date';

/**
 * Age in whole years at `reference` for somebody born on `birth`.
 * Born on 29 February: the birthday is taken on 28 February in common years
 * (the usual civil reading in France for age thresholds).
 */
export function ageAt(birth: LocalDate, reference: LocalDate): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ry, rm, rd] = reference.split('-').map(Number);
  let age = ry - by;
  const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const birthdayDay = bm === 2 && bd === 29 && !isLeap(ry) ? 28 : bd;
  if (rm < bm || (rm === bm && rd < birthdayDay)) age -= 1;
  return age;
}
