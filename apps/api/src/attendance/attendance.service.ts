import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  ActingResponse,
  AttendanceRow,
  AttendanceSheet,
  CounterInfo,
  DayAttendance,
  KioskStatus,
  PresentNow,
  RetroAttendanceResponse,
} from '@pointage/contracts';
import { chooseSlot, formatHm, retroArrivalProblem, zonedParts, zonedToInstant } from '@pointage/domain';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Account } from '../auth/entities/account.entity';
import { TokenService } from '../auth/token.service';
import { Database } from '../database/database.service';
import { Family } from '../families/entities/family.entity';
import { Member } from '../families/entities/member.entity';
import { Clock } from '../common/clock';
import { Uploads } from '../settings/uploads';
import { StructureSettingsService } from '../settings/structure-settings.service';
import { Slot } from '../slots/entities/slot.entity';
import { DaySlot, SlotCalendar } from '../slots/slot-calendar';
import { minutesOf, toSlotDto } from '../slots/slots.service';
import { Structure } from '../tenancy/entities/structure.entity';
import { isMissingParent, isUniqueViolation, retrying } from '../database/driver-errors';
import { ScopedRepository } from '../tenancy/scoped-repository';
import { Tenancy } from '../tenancy/tenancy.service';
import { TenantContext } from '../tenancy/tenant-context';
import { AttendanceInsert, CheckInSql, MemberRow } from './check-in.sql';
import { Attendance } from './entities/attendance.entity';
import { french } from '../common/errors';

/** Another transaction recorded the same member in the same slot first: try again. */
export class ConcurrentCheckIn extends Error {}

export const SLOT_DELETED = "Ce créneau vient d'être supprimé : rechargez la page.";

/** The members to record, all of the caller's structure (and family, at the kiosk), or 404. */
export async function membersToRecord(
  sql: CheckInSql,
  memberIds: number[],
  slotId: number,
  how: { familyId?: number; includeArchived?: boolean },
): Promise<MemberRow[]> {
  if (memberIds.length === 0) throw new BadRequestException(french('Cochez au moins une personne présente.'));
  const members = await sql.members(how.familyId ?? null, memberIds, slotId);
  if (members.length !== memberIds.length) throw new NotFoundException(french('Membre introuvable.'));
  if (!how.includeArchived && members.some((m) => m.archived))
    throw new BadRequestException(french('Un membre archivé ne peut pas être pointé à la borne.'));
  return members;
}

/**
 * Attendance: the kiosk (status, sheet, counter), acting for a family,
 * back-in-time entries and removals. The kiosk's VALIDER is CheckInService
 * (check-in.service.ts), which chooses its slot here (slotNow, timeZoneOf).
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly context: TenantContext,
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly settings: StructureSettingsService,
    private readonly clock: Clock,
    private readonly calendar: SlotCalendar,
  ) {}

  /** The caller's structure's time zone (carried by the principal, read once per request). Shared with CheckInService. */
  async timeZoneOf(p: { timeZone?: string | null }): Promise<string> {
    return p.timeZone ?? (await this.structure(this.tenancy.structureId())).timeZone;
  }

  private async structure(id: number): Promise<Structure> {
    return this.db.manager.findOneByOrFail(Structure, { id });
  }

  /** The slot check-ins go to now in this structure, and whether it has started. Shared with CheckInService. */
  async slotNow(
    slots: ScopedRepository<Slot>,
    timeZone: string,
    now = this.clock.now(),
  ): Promise<{ slot: DaySlot; current: boolean } | null> {
    const { date: today, minutes } = zonedParts(now, timeZone);
    const todays = await this.calendar.slotsOn(slots, today);
    const chosen = chooseSlot(
      todays.map((s) => ({ slot: s, start: s.startMinute, end: s.endMinute })),
      minutes,
    );
    return chosen ? { slot: chosen.slot.slot, current: chosen.current } : null;
  }

  /**
   * People marked present in today's slots since the last reset (computed, so
   * it survives restarts). Two indexed lookups — today's slots, then their
   * attendance — rather than a join that would read the structure's whole history.
   */
  private async counter(
    slots: ScopedRepository<Slot>,
    attendance: ScopedRepository<Attendance>,
    today: string,
    resetAt: Date | null,
  ): Promise<number> {
    const ids = (await this.calendar.slotsOn(slots, today)).map((s) => s.id);
    if (ids.length === 0) return 0;
    const row = await attendance
      .query('a', (qb) => {
        qb.select('COUNT(DISTINCT a.member_id)', 'n').where('a.slotId IN (:...ids)', { ids });
        if (resetAt) qb.andWhere('a.createdAt >= :resetAt', { resetAt });
        return qb;
      })
      .getRawOne<{ n: number | string }>();
    return Number(row?.n ?? 0);
  }

  // ---------------------------------------------------------------- kiosk

  async kioskStatus(slug: string): Promise<KioskStatus> {
    const s = await this.settings.activeStructureBySlug(slug);
    const now = this.clock.now();
    const chosen = await this.slotNow(this.tenancy.publicRepo(s.id, Slot), s.timeZone, now);
    const { date: today, minutes } = zonedParts(now, s.timeZone);
    return {
      structure: {
        name: s.name,
        slug: s.slug,
        welcomeMessage: s.welcomeMessage ?? '',
        logoUrl: s.logoFile ? Uploads.publicUrl(s.logoFile) : null,
        timeZone: s.timeZone,
      },
      today,
      now: formatHm(minutes),
      slot: chosen
        ? { id: chosen.slot.id, start: formatHm(chosen.slot.startMinute), end: formatHm(chosen.slot.endMinute), current: chosen.current }
        : null,
      closed: chosen === null,
      counter: await this.counter(this.tenancy.publicRepo(s.id, Slot), this.tenancy.publicRepo(s.id, Attendance), today, s.counterResetAt),
    };
  }

  async sheet(): Promise<AttendanceSheet> {
    const p = this.context.principal();
    const familyId = p.familyId as number;
    const timeZone = await this.timeZoneOf(p);
    const family = await this.tenancy.repo(Family).get(familyId, 'Famille introuvable.');
    const members = await this.tenancy.repo(Member).find({ where: { familyId, archived: false }, order: { id: 'ASC' } });
    const chosen = await this.slotNow(this.tenancy.repo(Slot), timeZone);
    const present = new Set<number>();
    if (chosen && members.length) {
      const rows = await this.tenancy.repo(Attendance).find({
        where: { slotId: chosen.slot.id, memberId: In(members.map((m) => m.id)) },
        select: { memberId: true, id: true, structureId: true },
      });
      for (const r of rows) present.add(r.memberId);
    }
    return {
      familyId,
      familyName: family.name,
      slot: chosen
        ? { id: chosen.slot.id, date: chosen.slot.date, start: formatHm(chosen.slot.startMinute), end: formatHm(chosen.slot.endMinute) }
        : null,
      members: members.map((m) => ({
        id: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        avatar: m.avatar,
        present: present.has(m.id),
      })),
    };
  }

  private rowsFor(
    slotId: number,
    members: MemberRow[],
    how: { arrivedAt: Date; source: Attendance['source']; recordedBy: number; validationKey: string | null },
  ): AttendanceInsert[] {
    const createdAt = this.clock.now();
    return members.map((m) => ({
      slotId,
      memberId: m.id,
      familyId: m.familyId,
      sexId: m.sexId,
      cityId: m.cityId,
      statusId: m.statusId,
      minimaId: m.minimaId,
      qfId: m.qfId,
      arrivedAt: how.arrivedAt,
      source: how.source,
      recordedBy: how.recordedBy,
      createdAt,
      validationKey: how.validationKey,
    }));
  }

  /**
   * Records attendance of members in a slot, with the snapshot of their
   * statistical attributes. Members already present are counted, not
   * duplicated. Plain INSERTs on purpose: MariaDB's INSERT IGNORE would turn a
   * foreign-key failure (the slot deleted meanwhile) into a silent no-op, i.e.
   * a lost check-in; here it fails the transaction instead.
   */
  private async record(
    sql: CheckInSql,
    slotId: number,
    members: MemberRow[],
    how: { arrivedAt: Date; source: Attendance['source']; recordedBy: number },
  ): Promise<{ recorded: number; alreadyPresent: number }> {
    const missing = members.filter((m) => !m.present);
    try {
      await sql.insert(this.rowsFor(slotId, missing, { ...how, validationKey: null }));
    } catch (e) {
      if (isMissingParent(e)) throw new ConflictException(french(SLOT_DELETED));
      if (isUniqueViolation(e)) throw new ConcurrentCheckIn();
      throw e;
    }
    return { recorded: missing.length, alreadyPresent: members.length - missing.length };
  }

  /** Runs a check-in transaction again when another one recorded the same member meanwhile. */
  private retryConcurrent<T>(work: () => Promise<T>): Promise<T> {
    return retrying(work, { attempts: 5, when: (e) => e instanceof ConcurrentCheckIn });
  }

  // ---------------------------------------------------------------- back office

  async counterInfo(): Promise<CounterInfo> {
    const s = await this.structure(this.tenancy.structureId());
    const today = zonedParts(this.clock.now(), s.timeZone).date;
    return {
      counter: await this.counter(this.tenancy.repo(Slot), this.tenancy.repo(Attendance), today, s.counterResetAt),
      resetAt: s.counterResetAt?.toISOString() ?? null,
      kioskPath: `/k/${s.slug}`,
    };
  }

  /** The counter starts again from zero; no attendance is deleted. */
  async resetCounter(): Promise<CounterInfo> {
    const id = this.tenancy.structureId();
    await this.db.transaction(async (em) => {
      await em.update(Structure, { id }, { counterResetAt: this.clock.now() });
      await this.audit.record(em, { action: 'attendance.counter_reset', targetType: 'structure', targetId: id });
    });
    return this.counterInfo();
  }

  /** A family token for an admin at the desk (a child came without its parents' password). */
  async actForFamily(familyId: number): Promise<ActingResponse> {
    const p = this.context.principal();
    const family = await this.tenancy.repo(Family).get(familyId, 'Famille introuvable.');
    if (family.archived || family.anonymisedAt)
      throw new ConflictException(french('Cette famille est archivée : désarchivez-la pour la pointer.'));
    const account = await this.db.manager.findOneByOrFail(Account, { id: p.accountId });
    await this.audit.recordAlone({ action: 'acting.start', targetType: 'family', targetId: familyId, details: { as: 'family' } });
    return this.tokens.issue(
      {
        accountId: account.id,
        accountRole: account.role,
        login: account.email,
        displayName: account.displayName,
        role: 'family',
        structureId: p.structureId,
        structureName: p.structureName,
        familyId,
        acting: true,
        actingAs: `famille ${family.name}`,
      },
      account.tokenVersion,
    );
  }

  /** Who is here now: the slot open at this minute and the members checked in to it, earliest first. */
  async presentNow(): Promise<PresentNow> {
    const s = await this.structure(this.tenancy.structureId());
    const now = this.clock.now();
    const { date: today } = zonedParts(now, s.timeZone);
    const chosen = await this.slotNow(this.tenancy.repo(Slot), s.timeZone, now);
    if (!chosen?.current) return { today, slot: null, members: [] };
    const slot = chosen.slot;
    const rows = await this.tenancy.repo(Attendance).find({
      where: { slotId: slot.id },
      relations: { member: true, family: true },
      order: { arrivedAt: 'ASC', id: 'ASC' },
    });
    return {
      today,
      slot: { id: slot.id, start: formatHm(slot.startMinute), end: formatHm(slot.endMinute) },
      members: rows.map((a) => ({
        memberId: a.memberId,
        firstName: a.member?.firstName ?? '',
        lastName: a.member?.lastName ?? '',
        familyName: a.family?.name ?? '',
        arrivedAt: a.arrivedAt.toISOString(),
        arrival: formatHm(zonedParts(a.arrivedAt, s.timeZone).minutes),
      })),
    };
  }

  async day(date: string): Promise<DayAttendance> {
    const s = await this.structure(this.tenancy.structureId());
    const slots = await this.tenancy.repo(Slot).find({ where: { date }, order: { startMinute: 'ASC' } });
    const rows = slots.length
      ? await this.tenancy.repo(Attendance).find({
          where: { slotId: In(slots.map((x) => x.id)) },
          relations: { member: true, family: true },
          order: { arrivedAt: 'ASC', id: 'ASC' },
        })
      : [];
    const toRow = (a: Attendance): AttendanceRow => ({
      id: a.id,
      slotId: a.slotId,
      memberId: a.memberId,
      familyId: a.familyId,
      familyName: a.family?.name ?? '',
      lastName: a.member?.lastName ?? '',
      firstName: a.member?.firstName ?? '',
      arrivedAt: a.arrivedAt.toISOString(),
      arrival: formatHm(zonedParts(a.arrivedAt, s.timeZone).minutes),
      source: a.source,
    });
    return {
      date,
      slots: slots.map((slot) => {
        const attendance = rows.filter((r) => r.slotId === slot.id).map(toRow);
        return { ...toSlotDto(slot, attendance.length), attendance };
      }),
    };
  }

  /** Back in time: attendance for a slot that has started; arrival defaults to the slot's start. */
  async retro(slotId: number, memberIds: number[], arrivalTime?: string): Promise<RetroAttendanceResponse> {
    const p = this.context.principal();
    const s = await this.structure(this.tenancy.structureId());
    return this.retryConcurrent(() =>
      this.tenancy.transaction(async (tx) => {
        const slot = await tx.repo(Slot).get(slotId, 'Créneau introuvable.');
        const now = this.clock.now();
        if (zonedToInstant(slot.date, slot.startMinute, s.timeZone) > now) {
          throw new BadRequestException(
            french("Ce créneau n'a pas encore commencé : la saisie après coup est réservée aux créneaux passés ou en cours."),
          );
        }
        const minutes = arrivalTime === undefined ? slot.startMinute : minutesOf(arrivalTime, "heure d'arrivée");
        const outside = retroArrivalProblem(minutes, { start: slot.startMinute, end: slot.endMinute });
        if (outside) throw new BadRequestException(french(outside));
        const arrivedAt = zonedToInstant(slot.date, minutes, s.timeZone);
        if (arrivedAt > now) throw new BadRequestException(french("L'heure d'arrivée ne peut pas être dans le futur."));
        const ids = [...new Set(memberIds)].sort((a, b) => a - b);
        const sql = new CheckInSql(tx);
        const members = await membersToRecord(sql, ids, slot.id, { includeArchived: true });
        const result = await this.record(sql, slot.id, members, { arrivedAt, source: 'retro', recordedBy: p.accountId });
        await this.audit.record(tx.em, {
          action: 'attendance.retro',
          targetType: 'slot',
          targetId: slotId,
          details: { date: slot.date, members: ids, recorded: result.recorded, arrival: formatHm(minutes) },
        });
        const message =
          result.recorded === 0
            ? 'Aucune nouvelle présence : ces personnes étaient déjà pointées.'
            : `${result.recorded} présence${result.recorded > 1 ? 's enregistrées' : ' enregistrée'}${result.alreadyPresent ? ` (${result.alreadyPresent} déjà pointée${result.alreadyPresent > 1 ? 's' : ''})` : ''}.`;
        return { ...result, message };
      }),
    );
  }

  /** Removes an attendance entered by mistake, with the reason, in the audit log. */
  async remove(attendanceId: number, reason: string): Promise<void> {
    await this.tenancy.transaction(async (tx) => {
      const a = await tx.repo(Attendance).get(attendanceId, 'Présence introuvable.', { relations: { slot: true } });
      await tx.repo(Attendance).delete({ id: attendanceId });
      await this.audit.record(tx.em, {
        action: 'attendance.removed',
        targetType: 'member',
        targetId: a.memberId,
        details: { attendanceId, slotId: a.slotId, date: a.slot?.date, reason: reason.trim() },
      });
    });
  }
}
