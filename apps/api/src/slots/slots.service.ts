import { BadRequestException, Injectable } from '@nestjs/common';
import { DeleteSlotsResponse, GenerateSlotsResponse, SlotDay, SlotDto } from '@pointage/contracts';
import {
  conflictWithExisting,
  expandSlots,
  formatFrenchDayDate,
  formatHm,
  isoWeekday,
  MinuteRange,
  parseHm,
  parsePeriod,
  parseRanges,
} from '@pointage/domain';
import { Between, In } from 'typeorm';
import { isStillReferenced, retrying } from '../database/driver-errors';
import { Attendance } from '../attendance/entities/attendance.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Tenancy, TenantTransaction } from '../tenancy/tenancy.service';
import { DeleteSlotsDto, GenerateSlotsDto } from './dto/slots.dto';
import { Slot } from './entities/slot.entity';
import { SlotCalendar } from './slot-calendar';
import { rawLocalDate } from '../database/raw-values';
import { french } from '../common/errors';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export function toSlotDto(s: Slot, attendanceCount = 0): SlotDto {
  return { id: s.id, date: s.date, start: formatHm(s.startMinute), end: formatHm(s.endMinute), attendanceCount };
}

/** GESTION DES CRÉNEAUX of the caller's structure. */
@Injectable()
export class SlotsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly calendar: SlotCalendar,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates one slot per matching day and range in one transaction, in bulk.
   * Identical existing slots are skipped; a new range overlapping a different
   * existing slot of the same day is refused (it would make hours and the
   * kiosk's current slot ambiguous).
   */
  async generate(dto: GenerateSlotsDto): Promise<GenerateSlotsResponse> {
    const period = parsePeriod(dto.from, dto.to);
    if (typeof period === 'string') throw new BadRequestException(french(period));
    const ranges = parseRanges(dto.ranges);
    if (typeof ranges === 'string') throw new BadRequestException(french(ranges));
    const [from, to] = period;
    const planned = expandSlots(from, to, dto.weekdays, ranges);
    if (planned.length === 0)
      throw new BadRequestException(french("Aucun jour choisi ne tombe dans cette période : aucun créneau n'a été créé."));

    const { created, existing } = await this.tenancy.transaction(async (tx) => {
      const slots = tx.repo(Slot);
      const present = await slots.find({
        where: { date: Between(from, to) },
        select: { id: true, date: true, startMinute: true, endMinute: true, structureId: true },
      });
      const existingPlanned = present.map((s) => ({ date: s.date, start: s.startMinute, end: s.endMinute }));
      const conflict = conflictWithExisting(planned, existingPlanned);
      if (conflict) throw new BadRequestException(french(conflict));
      const known = new Set(existingPlanned.map((s) => `${s.date}|${s.start}|${s.end}`));
      const now = this.clock.now();
      const fresh = planned.filter((p) => !known.has(`${p.date}|${p.start}|${p.end}`));
      // Rows another request inserted meanwhile are skipped by the unique index.
      await slots.insertMany(
        fresh.map((p) => ({ date: p.date, startMinute: p.start, endMinute: p.end, createdAt: now })),
        { ignoreDuplicates: true, chunk: 1000 },
      );
      const after = await slots.count({ date: Between(from, to) });
      const createdCount = after - present.length;
      await this.calendar.changed(tx.em, tx.structureId);
      await this.audit.record(tx.em, {
        action: 'slots.generated',
        targetType: 'slots',
        targetId: `${from}..${to}`,
        details: { created: createdCount, weekdays: dto.weekdays, ranges: dto.ranges },
      });
      return { created: createdCount, existing: planned.length - fresh.length };
    });
    this.calendar.invalidate(this.tenancy.structureId());
    let message = `${plural(created, 'créneau créé', 'créneaux créés')} avec succès`;
    if (created === 0) message = 'Aucun nouveau créneau : ils existaient tous déjà';
    if (existing > 0 && created > 0) message += ` (${plural(existing, 'existait déjà', 'existaient déjà')})`;
    return { created, existing, message };
  }

  /** The slots of a period (one year at most), grouped by day, with their attendance counts. */
  async list(from: string, to: string): Promise<SlotDay[]> {
    const period = parsePeriod(from, to, 367);
    if (typeof period === 'string') throw new BadRequestException(french(period.replace('5 ans', 'un an')));
    const rows: { id: number; date: string | Date; start_minute: number; end_minute: number; n: number | string }[] = await this.tenancy
      .repo(Slot)
      .query('s', (qb) =>
        qb
          .leftJoin(Attendance, 'a', 'a.slot_id = s.id')
          .select(['s.id AS id', 's.date AS date', 's.start_minute AS start_minute', 's.end_minute AS end_minute'])
          .addSelect('COUNT(a.id)', 'n')
          .where('s.date BETWEEN :from AND :to', { from: period[0], to: period[1] })
          .groupBy('s.id')
          .addGroupBy('s.date')
          .addGroupBy('s.start_minute')
          .addGroupBy('s.end_minute')
          .orderBy('s.date', 'ASC')
          .addOrderBy('s.start_minute', 'ASC'),
      )
      .getRawMany();
    const days = new Map<string, SlotDto[]>();
    for (const r of rows) {
      const date = rawLocalDate(r.date);
      const dto: SlotDto = {
        id: Number(r.id),
        date,
        start: formatHm(Number(r.start_minute)),
        end: formatHm(Number(r.end_minute)),
        attendanceCount: Number(r.n),
      };
      days.set(date, [...(days.get(date) ?? []), dto]);
    }
    return [...days.entries()].map(([date, slots]) => ({ date, slots }));
  }

  /**
   * Deletes the matching slots, except on days that have any attendance: those
   * days keep their slots and are named in the answer. A check-in landing
   * meanwhile makes the foreign key refuse the delete: the whole thing is then
   * evaluated again, so attendance is never lost.
   */
  async delete(dto: DeleteSlotsDto): Promise<DeleteSlotsResponse> {
    const period = parsePeriod(dto.from, dto.to);
    if (typeof period === 'string') throw new BadRequestException(french(period));
    let within: MinuteRange | null = null;
    if (dto.start !== undefined || dto.end !== undefined) {
      const parsed = parseRanges([{ start: dto.start ?? '', end: dto.end ?? '' }]);
      if (typeof parsed === 'string')
        throw new BadRequestException(
          french(
            dto.start === undefined || dto.end === undefined ? "Indiquez l'heure de début et l'heure de fin, ou aucune des deux." : parsed,
          ),
        );
      within = parsed[0];
    }
    const weekdays = new Set(dto.weekdays);
    // A check-in landing meanwhile makes the foreign key refuse the delete: evaluate again.
    const result = await retrying(() => this.tenancy.transaction((tx) => this.deleteOnce(tx, period[0], period[1], weekdays, within)), {
      attempts: 4,
      when: isStillReferenced,
    });
    this.calendar.invalidate(this.tenancy.structureId());
    return result;
  }

  private async deleteOnce(
    tx: TenantTransaction,
    from: string,
    to: string,
    weekdays: Set<number>,
    within: MinuteRange | null,
  ): Promise<DeleteSlotsResponse> {
    const slots = tx.repo(Slot);
    const matching = (
      await slots.find({
        where: { date: Between(from, to) },
        select: { id: true, date: true, startMinute: true, endMinute: true, structureId: true },
      })
    ).filter((s) => weekdays.has(isoWeekday(s.date)) && (!within || (s.startMinute >= within.start && s.endMinute <= within.end)));
    const dates = [...new Set(matching.map((s) => s.date))];
    const keptDays = new Set<string>();
    for (let i = 0; i < dates.length; i += 500) {
      const rows: { date: string | Date }[] = await tx
        .repo(Attendance)
        .query('a', (qb) =>
          qb
            .innerJoin('a.slot', 's')
            .select('DISTINCT s.date', 'date')
            .where('s.date IN (:...dates)', { dates: dates.slice(i, i + 500) }),
        )
        .getRawMany();
      for (const r of rows) keptDays.add(rawLocalDate(r.date));
    }
    const ids = matching.filter((s) => !keptDays.has(s.date)).map((s) => s.id);
    for (let i = 0; i < ids.length; i += 500) await slots.delete({ id: In(ids.slice(i, i + 500)) });
    const kept = [...keptDays].sort();
    if (ids.length) await this.calendar.changed(tx.em, tx.structureId);
    await this.audit.record(tx.em, {
      action: 'slots.deleted',
      targetType: 'slots',
      targetId: `${from}..${to}`,
      details: { deleted: ids.length, keptDays: kept.length },
    });
    const parts = [ids.length === 0 ? 'Aucun créneau supprimé.' : `${plural(ids.length, 'créneau supprimé', 'créneaux supprimés')}.`];
    const named = kept.slice(0, 10).map((d) => `Les créneaux du ${formatFrenchDayDate(d)} ont des présences : non supprimés.`);
    parts.push(...named);
    if (kept.length > 10) parts.push(`Et ${kept.length - 10} autres jours avec des présences : non supprimés.`);
    return { deleted: ids.length, keptDays: kept, message: parts.join(' ') };
  }
}

/** Minutes of 'HH:MM', or a 400 with a French reason. */
export function minutesOf(value: string, label: string): number {
  const m = parseHm(value);
  if (m === null)
    throw new BadRequestException(french(`« ${value} » n'est pas une heure valide pour « ${label} » (hh:mm, de 00:00 à 23:59).`));
  return m;
}
