import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { MergeFamiliesResponse } from '@pointage/contracts';
import { In } from 'typeorm';
import { Attendance } from '../attendance/entities/attendance.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Account } from '../auth/entities/account.entity';
import { PasswordResetToken } from '../auth/entities/password-reset-token.entity';
import { Tenancy, TenantTransaction } from '../tenancy/tenancy.service';
import { Family } from './entities/family.entity';
import { Member } from './entities/member.entity';
import { FamiliesService } from './families.service';
import { personSearchName } from './family-duplicates';
import { french } from '../common/errors';

const FAMILY_NOT_FOUND = 'Famille introuvable.';
const ANONYMISED = 'Fusion impossible : une famille anonymisée ne peut pas être fusionnée.';

/**
 * Merges two families of the structure (decision 9): the absorbed family's
 * members and attendance move to the kept family; a member who is the same
 * person as a kept member (same normalised name and birth date) is joined to
 * that member — attendance re-pointed, one row kept per slot — then deleted.
 * The absorbed family's own login is deleted, member logins follow their
 * member; the absorbed family is deleted. One transaction, audited.
 */
@Injectable()
export class FamilyMergeService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly families: FamiliesService,
    private readonly clock: Clock,
  ) {}

  async merge(keptId: number, absorbedId: number): Promise<MergeFamiliesResponse> {
    if (keptId === absorbedId) throw new BadRequestException(french('Choisissez deux familles différentes à fusionner.'));
    const counts = await this.tenancy.transaction(async (tx) => {
      // Both read first, in id order (the same order for two opposite merges at once).
      const [first, second] = [keptId, absorbedId].sort((x, y) => x - y);
      const byId = new Map<number, Family>();
      for (const id of [first, second]) byId.set(id, await tx.repo(Family).get(id, FAMILY_NOT_FOUND));
      const kept = byId.get(keptId) as Family;
      const absorbed = byId.get(absorbedId) as Family;
      if (kept.anonymisedAt || absorbed.anonymisedAt) throw new ConflictException(french(ANONYMISED));
      return this.mergeIn(tx, kept, absorbed);
    });
    return { family: await this.families.detail(keptId), ...counts };
  }

  private async mergeIn(tx: TenantTransaction, kept: Family, absorbed: Family): Promise<Omit<MergeFamiliesResponse, 'family'>> {
    const members = tx.repo(Member);
    const attendance = tx.repo(Attendance);
    const keptMembers = await members.find({ where: { familyId: kept.id }, order: { id: 'ASC' } });
    const absorbedMembers = await members.find({ where: { familyId: absorbed.id }, order: { id: 'ASC' } });
    const accounts = await tx.em.findBy(Account, { structureId: tx.structureId, role: 'family', familyId: In([kept.id, absorbed.id]) });
    const now = this.clock.now();
    const result = { movedMembers: 0, joinedMembers: 0, movedAttendance: 0, droppedAttendance: 0, movedAccounts: 0, deletedAccounts: 0 };
    const deleteAccounts = async (ids: number[]) => {
      if (!ids.length) return;
      await tx.em.delete(PasswordResetToken, { accountId: In(ids) });
      await tx.em.delete(Account, { id: In(ids) });
      result.deletedAccounts += ids.length;
    };

    const joined: { from: number; to: number }[] = [];
    for (const m of absorbedMembers) {
      const same = keptMembers.find((k) => personSearchName(k) === personSearchName(m) && k.birthDate === m.birthDate);
      const login = accounts.find((a) => a.memberId === m.id);
      if (!same) {
        await members.update({ id: m.id }, { familyId: kept.id, updatedAt: now });
        result.movedAttendance += await attendance.update({ memberId: m.id }, { familyId: kept.id });
        if (login) {
          await tx.em.update(Account, { id: login.id }, { familyId: kept.id });
          await tx.em.increment(Account, { id: login.id }, 'tokenVersion', 1);
          result.movedAccounts++;
        }
        result.movedMembers++;
        continue;
      }
      // The same person: one attendance per slot (the unique (member, slot) index); the kept member's row stays.
      const keptSlots = (await attendance.find({ where: { memberId: same.id }, select: { slotId: true } })).map((a) => a.slotId);
      const rows = await attendance.find({ where: { memberId: m.id }, select: { id: true, slotId: true } });
      const keptSet = new Set(keptSlots);
      const drop = rows.filter((r) => keptSet.has(r.slotId)).map((r) => r.id);
      const move = rows.filter((r) => !keptSet.has(r.slotId)).map((r) => r.id);
      for (const ids of chunks(drop, 500)) result.droppedAttendance += await attendance.delete({ id: In(ids) });
      for (const ids of chunks(move, 500))
        result.movedAttendance += await attendance.update({ id: In(ids) }, { memberId: same.id, familyId: kept.id });
      // The earliest registration is the person's; archived only if both were.
      await members.update(
        { id: same.id },
        {
          registeredOn: m.registeredOn < same.registeredOn ? m.registeredOn : same.registeredOn,
          archived: same.archived && m.archived,
          updatedAt: now,
        },
      );
      if (login) {
        const keptLogin = accounts.find((a) => a.memberId === same.id);
        if (keptLogin) await deleteAccounts([login.id]);
        else {
          await tx.em.update(Account, { id: login.id }, { familyId: kept.id, memberId: same.id });
          await tx.em.increment(Account, { id: login.id }, 'tokenVersion', 1);
          result.movedAccounts++;
        }
      }
      joined.push({ from: m.id, to: same.id });
      result.joinedMembers++;
    }
    if (joined.length) await members.delete({ id: In(joined.map((j) => j.from)) });
    // The absorbed family's own login goes (the kept family keeps its login); nothing else is left on it.
    await deleteAccounts(
      (await tx.em.findBy(Account, { structureId: tx.structureId, role: 'family', familyId: absorbed.id })).map((a) => a.id),
    );
    await tx.repo(Family).delete({ id: absorbed.id });
    // Merged with a real family, the kept one is real: removing the demo data must never take real people with it.
    await tx.repo(Family).update({ id: kept.id }, { updatedAt: now, ...(kept.demo && !absorbed.demo ? { demo: false } : {}) });
    await this.audit.record(tx.em, {
      action: 'family.merged',
      targetType: 'family',
      targetId: kept.id,
      details: { absorbedFamilyId: absorbed.id, joined, ...result },
    });
    return result;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
