import { Injectable } from '@nestjs/common';
import type { DemoDataInfo, DemoDataRemoval } from '@pointage/contracts';
import { In } from 'typeorm';
import { Attendance } from '../attendance/entities/attendance.entity';
import { AuditService } from '../audit/audit.service';
import { Account } from '../auth/entities/account.entity';
import { PasswordResetToken } from '../auth/entities/password-reset-token.entity';
import { Family } from '../families/entities/family.entity';
import { Member } from '../families/entities/member.entity';
import { SlotCalendar } from '../slots/slot-calendar';
import { Slot } from '../slots/entities/slot.entity';
import { ScopedRepository } from '../tenancy/scoped-repository';
import { Tenancy } from '../tenancy/tenancy.service';

/**
 * The demo data of a local install's first start (families and slots flagged `demo`).
 * Everything in a demo family is demo: its members, logins and attendance. A demo
 * slot is removed unless a real family checked in to it: it is then kept, as a real
 * slot, because attendance is never lost.
 */
@Injectable()
export class DemoDataService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly calendar: SlotCalendar,
  ) {}

  async info(): Promise<DemoDataInfo> {
    const families = this.tenancy.repo(Family);
    const ids = (await families.find({ where: { demo: true }, select: { id: true, structureId: true } })).map((f) => f.id);
    return {
      families: ids.length,
      members: ids.length ? await this.tenancy.repo(Member).count({ familyId: In(ids) }) : 0,
      slots: await this.tenancy.repo(Slot).count({ demo: true }),
      attendance: ids.length ? await this.tenancy.repo(Attendance).count({ familyId: In(ids) }) : 0,
    };
  }

  /** Removes all of it in one transaction, audited. */
  async remove(): Promise<DemoDataRemoval> {
    const result = await this.tenancy.transaction(async (tx) => {
      const familyIds = (await tx.repo(Family).find({ where: { demo: true }, select: { id: true, structureId: true } })).map((f) => f.id);
      let attendance = 0;
      let members = 0;
      if (familyIds.length) {
        attendance = await tx.repo(Attendance).delete({ familyId: In(familyIds) });
        const accounts = await tx.em.find(Account, {
          where: { structureId: tx.structureId, familyId: In(familyIds) },
          select: { id: true },
        });
        if (accounts.length) {
          const accountIds = accounts.map((a) => a.id);
          await tx.em.delete(PasswordResetToken, { accountId: In(accountIds) });
          await tx.em.delete(Account, { structureId: tx.structureId, id: In(accountIds) });
        }
        members = await tx.repo(Member).delete({ familyId: In(familyIds) });
        await tx.repo(Family).delete({ id: In(familyIds), demo: true });
      }
      const kept = await this.slotsWithAttendance(tx.repo(Attendance));
      if (kept.length) await tx.repo(Slot).update({ id: In(kept), demo: true }, { demo: false });
      const slots = await tx.repo(Slot).delete({ demo: true });
      await this.calendar.changed(tx.em, tx.structureId);
      const removal: DemoDataRemoval = { families: familyIds.length, members, slots, attendance, keptSlots: kept.length };
      await this.audit.record(tx.em, {
        action: 'demo.removed',
        targetType: 'structure',
        targetId: tx.structureId,
        details: { ...removal },
      });
      return removal;
    });
    this.calendar.invalidate(this.tenancy.structureId());
    return result;
  }

  /** Demo slots that still hold attendance (of real families, once the demo families' is gone). */
  private async slotsWithAttendance(attendance: ScopedRepository<Attendance>): Promise<number[]> {
    const rows = await attendance
      .query('a', (qb) => qb.select('DISTINCT a.slotId', 'slotId').innerJoin('a.slot', 's').andWhere('s.demo = :demo', { demo: true }))
      .getRawMany<{ slotId: number | string }>();
    return rows.map((r) => Number(r.slotId));
  }
}
