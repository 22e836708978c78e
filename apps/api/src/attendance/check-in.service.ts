import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { ATTENDANCE_THANKS, ValidateAttendanceResponse } from '@pointage/contracts';
import { formatHm } from '@pointage/domain';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Database } from '../database/database.service';
import { isLostRace, isMissingParent, isUniqueViolation } from '../database/driver-errors';
import { Slot } from '../slots/entities/slot.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { TenantContext } from '../tenancy/tenant-context';
import { AttendanceService, ConcurrentCheckIn, membersToRecord, SLOT_DELETED } from './attendance.service';
import { CheckInFaults } from './check-in-faults';
import { CheckInSql } from './check-in.sql';
import { french } from '../common/errors';

export const KIOSK_CLOSED = "La ludothèque est fermée : aucun créneau n'est ouvert ou à venir aujourd'hui.";

/**
 * Another check-in of the same members won the race: it recorded one of them first
 * (unique (member, slot) index), or InnoDB chose this statement as a deadlock victim
 * (two check-ins of the same members at once can lock the unique index in opposite
 * orders). Either way the statement was rolled back whole, so it is safe to evaluate
 * the request again.
 */
function lostRace(e: unknown): boolean {
  return isUniqueViolation(e) || isLostRace(e);
}

/**
 * The kiosk check-in (VALIDER, decisions 0005 and 0006): nothing a family
 * validated is lost, and a key records once. Each validation is one statement
 * (or one transaction when an admin acts for the family), keyed by the client,
 * with a unique (member, slot) index underneath. The hand-written SQL is in
 * check-in.sql.ts; the slot of the moment is chosen by AttendanceService.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly tenancy: Tenancy,
    private readonly context: TenantContext,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly faults: CheckInFaults,
  ) {}

  /**
   * VALIDER at the kiosk: one INSERT … SELECT of the members asked, each row
   * carrying the client's key — atomic by itself, no transaction round trips on
   * MariaDB. A key this family already used answers from the rows it recorded,
   * whatever the time: a retry sent after its slot ended (next slot, closed
   * kiosk) records nothing again. Every insert of this path checks the key in
   * the same statement, so a retry racing its original cannot record twice
   * either. A concurrent duplicate trips the unique (member, slot) index and is
   * evaluated again. When an admin acts for the family, the rows and the audit
   * line are written in one transaction.
   */
  async validate(key: string, memberIds: number[]): Promise<ValidateAttendanceResponse> {
    const p = this.context.principal();
    const familyId = p.familyId as number;
    const structureId = this.tenancy.structureId();
    const ids = [...new Set(memberIds)].sort((a, b) => a - b);
    if (ids.length === 0) throw new BadRequestException(french('Cochez au moins une personne présente.'));
    const timeZone = await this.attendance.timeZoneOf(p);
    const reader = new CheckInSql({ em: this.db.manager, structureId });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const now = this.clock.now();
      const chosen = await this.attendance.slotNow(this.tenancy.repo(Slot), timeZone, now);
      if (attempt === 1 && chosen && !p.acting) {
        // The common case in one statement: every member asked is new in this slot, and the key is new.
        const recorded = await this.recordAllAtOnce(structureId, familyId, ids, chosen.slot.id, now, p.accountId, key);
        if (recorded === ids.length) return this.validationResponse(chosen.slot, recorded, ids.length);
        // Nothing recorded: a retried request, somebody present already, or a wrong id; the long way says which.
      }
      // A repeated request (even after its slot ended): answer what its key recorded.
      const earlier = await reader.byKey(key, familyId);
      if (earlier) {
        const slot =
          earlier.slotId === chosen?.slot.id ? chosen.slot : await this.tenancy.repo(Slot).get(earlier.slotId, 'Créneau introuvable.');
        return this.validationResponse(slot, earlier.recorded, ids.length);
      }
      if (!chosen) throw new ConflictException(french(KIOSK_CLOSED));
      const members = await membersToRecord(reader, ids, chosen.slot.id, { familyId });
      const missing = members.filter((m) => !m.present).map((m) => m.id);
      // Everybody was there already.
      if (missing.length === 0) return this.validationResponse(chosen.slot, 0, ids.length);
      await this.faults.beforeWrite();
      const how = {
        slotId: chosen.slot.id,
        arrivedAt: now,
        source: p.acting ? 'acting' : 'kiosk',
        recordedBy: p.accountId,
        createdAt: this.clock.now(),
        validationKey: key,
      } as const;
      try {
        const recorded = p.acting
          ? await this.tenancy
              .transaction(async (tx) => {
                const n = await new CheckInSql(tx).insertFamilyMembers(familyId, missing, how);
                if (n !== missing.length) throw new ConcurrentCheckIn();
                await this.audit.record(tx.em, {
                  action: 'attendance.validated',
                  targetType: 'family',
                  targetId: familyId,
                  details: { slotId: chosen.slot.id, members: ids, recorded: n },
                });
                return n;
              })
              .catch((e: unknown) => {
                if (e instanceof ConcurrentCheckIn) return 0;
                throw e;
              })
          : await this.db.atomic((em) => new CheckInSql({ em, structureId }).insertFamilyMembers(familyId, missing, how));
        if (recorded === missing.length) return this.validationResponse(chosen.slot, recorded, ids.length);
        // Nothing recorded: the key was used meanwhile (a concurrent retry) or a member changed: look again.
      } catch (e) {
        if (isMissingParent(e)) throw new ConflictException(french(SLOT_DELETED));
        // Somebody recorded one of these members meanwhile: look again.
        if (!lostRace(e)) throw e;
      }
    }
    throw new ConflictException(french('Validation déjà en cours : patientez un instant.', { code: 'validation-in-progress' }));
  }

  /**
   * Records every member asked, at the kiosk, in one INSERT … SELECT (see
   * CheckInSql.insertFamilyMembers): all of them or none. Returns how many rows
   * it recorded; 0 when a member is already present in the slot, an id is not
   * a non-archived member of the family, or the family already used this key.
   */
  private async recordAllAtOnce(
    structureId: number,
    familyId: number,
    ids: number[],
    slotId: number,
    now: Date,
    accountId: number,
    key: string,
  ): Promise<number> {
    await this.faults.beforeWrite();
    try {
      return await this.db.atomic((em) =>
        new CheckInSql({ em, structureId }).insertFamilyMembers(familyId, ids, {
          slotId,
          arrivedAt: now,
          source: 'kiosk',
          recordedBy: accountId,
          createdAt: this.clock.now(),
          validationKey: key,
        }),
      );
    } catch (e) {
      if (isMissingParent(e)) throw new ConflictException(french(SLOT_DELETED));
      if (lostRace(e)) return 0;
      throw e;
    }
  }

  private validationResponse(
    slot: { id: number; date: string; startMinute: number; endMinute: number },
    recorded: number,
    asked: number,
  ): ValidateAttendanceResponse {
    return {
      recorded,
      alreadyPresent: asked - recorded,
      slot: { id: slot.id, date: slot.date, start: formatHm(slot.startMinute), end: formatHm(slot.endMinute) },
      message: ATTENDANCE_THANKS,
    };
  }
}
