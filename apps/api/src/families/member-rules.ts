import { BadRequestException } from '@nestjs/common';
import type { RefKind } from '@pointage/contracts';
import { isValidLocalDate, zonedParts } from '@pointage/domain';
import { In } from 'typeorm';
import { RefItem } from '../settings/entities/ref-item.entity';
import type { ScopedRepository } from '../tenancy/scoped-repository';
import { french } from '../common/errors';

export const STAT_FIELDS = ['sexId', 'cityId', 'statusId', 'minimaId', 'qfId'] as const;
export type StatField = (typeof STAT_FIELDS)[number];

export const FIELD_KIND: Record<StatField, RefKind> = {
  sexId: 'sex',
  cityId: 'city',
  statusId: 'status',
  minimaId: 'minima',
  qfId: 'qf',
};

const FIELD_LABEL: Record<StatField, string> = {
  sexId: 'sexe',
  cityId: 'ville de résidence',
  statusId: 'statut',
  minimaId: 'minima sociaux',
  qfId: 'quotient familial',
};

/**
 * Checks that each reference id given belongs to the caller's structure and to
 * the right list, and is active — unless it is the value the record already
 * has (a deactivated entry stays on existing members). An id of another
 * structure is "unknown": the scoped lookup does not find it.
 */
export async function checkReferences(
  items: ScopedRepository<RefItem>,
  values: Partial<Record<StatField, number>>,
  current: Partial<Record<StatField, number>> = {},
): Promise<Map<number, RefItem>> {
  const ids = Object.values(values).filter((v): v is number => typeof v === 'number');
  const found = ids.length ? await items.findBy({ id: In(ids) }) : [];
  const byId = new Map(found.map((i) => [i.id, i]));
  for (const field of STAT_FIELDS) {
    const id = values[field];
    if (id === undefined) continue;
    const item = byId.get(id);
    if (!item || item.kind !== FIELD_KIND[field]) {
      throw new BadRequestException(french(`La valeur choisie pour « ${FIELD_LABEL[field]} » est inconnue.`));
    }
    if (!item.active && current[field] !== id) {
      throw new BadRequestException(
        french(`« ${item.label} » n'est plus proposé pour « ${FIELD_LABEL[field]} » : choisissez une autre valeur.`),
      );
    }
  }
  return byId;
}

/** Birth dates: an existing date, not in the future (structure's local today at `now`, the Clock's instant), not before 1900. */
export function checkBirthDate(birthDate: string, timeZone: string, now: Date): void {
  if (!isValidLocalDate(birthDate)) throw new BadRequestException(french('La date de naissance n’est pas une date valide.'));
  if (birthDate < '1900-01-01') throw new BadRequestException(french('La date de naissance ne peut pas être avant le 01/01/1900.'));
  if (birthDate > zonedParts(now, timeZone).date)
    throw new BadRequestException(french('La date de naissance ne peut pas être dans le futur.'));
}

/** Registration dates: an existing date, not in the future. */
export function checkRegistrationDate(date: string, timeZone: string, now: Date): void {
  if (date < '1900-01-01' || date > zonedParts(now, timeZone).date) {
    throw new BadRequestException(french("La date d'inscription ne peut pas être dans le futur."));
  }
}
