import { ConflictException } from '@nestjs/common';
import { DuplicateMatch, KIOSK_DUPLICATE_MESSAGE } from '@pointage/contracts';
import { formatFrenchDate, searchKey } from '@pointage/domain';
import { Brackets } from 'typeorm';
import { TenantTransaction } from '../tenancy/tenancy.service';
import { ScopedRepository } from '../tenancy/scoped-repository';
import { Member } from './entities/member.entity';
import { rawLocalDate } from '../database/raw-values';
import { french } from '../common/errors';

/** What identifies a person across families: normalised "nom prénom" and birth date. */
export interface PersonKey {
  lastName: string;
  firstName: string;
  birthDate: string;
}

export function personSearchName(p: { lastName: string; firstName: string }): string {
  return searchKey(`${p.lastName} ${p.firstName}`);
}

/**
 * Members of the structure (anonymised families left out: their identity is
 * erased) who have the normalised name and the birth date of one of `people`.
 * One statement, on the (structure_id, search_name) index.
 */
export async function findDuplicates(
  members: ScopedRepository<Member>,
  people: PersonKey[],
  excludeFamilyId?: number,
): Promise<DuplicateMatch[]> {
  if (people.length === 0) return [];
  const keys = people.map((p) => ({ name: personSearchName(p), birth: p.birthDate }));
  const rows = await members
    .query('m', (qb) =>
      qb
        .innerJoin('m.family', 'f')
        .andWhere('f.anonymisedAt IS NULL')
        .andWhere('f.id <> :exclude', { exclude: excludeFamilyId ?? 0 })
        .andWhere(
          new Brackets((or) => {
            keys.forEach((k, i) =>
              or.orWhere(`(m.searchName = :n${i} AND m.birthDate = :b${i})`, { [`n${i}`]: k.name, [`b${i}`]: k.birth }),
            );
          }),
        ),
    )
    .select([
      'm.id AS id',
      'm.family_id AS family_id',
      'f.name AS family_name',
      'm.last_name AS last_name',
      'm.first_name AS first_name',
      'm.search_name AS search_name',
      'm.birth_date AS birth_date',
    ])
    .orderBy('m.id', 'ASC')
    .getRawMany<Record<string, unknown>>();
  const matches: DuplicateMatch[] = [];
  keys.forEach((k, memberIndex) => {
    for (const r of rows) {
      const birthDate = rawLocalDate(r['birth_date']);
      if (String(r['search_name']) !== k.name || birthDate !== k.birth) continue;
      matches.push({
        memberIndex,
        memberId: Number(r['id']),
        familyId: Number(r['family_id']),
        familyName: String(r['family_name']),
        lastName: String(r['last_name']),
        firstName: String(r['first_name']),
        birthDate,
      });
    }
  });
  return matches;
}

/**
 * Refuses a new family whose members match somebody already registered,
 * unless the caller confirmed. Called once the new family is written and
 * validated (so that an invalid form is told what is wrong first), in the same
 * transaction: the refusal rolls it back. The kiosk never learns who matched;
 * the back office is told the family (and lists them with POST /families/duplicates).
 */
export async function assertNoDuplicates(
  tx: TenantTransaction,
  newFamilyId: number,
  people: PersonKey[],
  confirmed: boolean | undefined,
  audience: 'kiosk' | 'admin',
): Promise<void> {
  if (confirmed) return;
  const matches = await findDuplicates(tx.repo(Member), people, newFamilyId);
  if (matches.length === 0) return;
  const first = matches[0];
  const message =
    audience === 'kiosk'
      ? KIOSK_DUPLICATE_MESSAGE
      : `Doublon possible : ${first.firstName} ${first.lastName}, né(e) le ${formatFrenchDate(first.birthDate)}, est déjà inscrit(e) dans la famille « ${first.familyName} ». Vérifiez avant de créer cette famille, ou confirmez.`;
  throw new ConflictException(french(message, { code: 'possible-duplicate' }));
}
