import { BadRequestException, Injectable } from '@nestjs/common';
import { setImmediate } from 'node:timers/promises';
import {
  ATTENDANCE_LIST_COLUMNS,
  ATTENDANCE_LIST_LIMITS,
  AttendanceListColumn,
  AttendanceListPage,
  AttendanceListRow,
} from '@pointage/contracts';
import { addYears, ageAt, formatFrenchDate, formatHm, formatTimeRange, isValidLocalDate, zonedPartsCache } from '@pointage/domain';
import { Slot } from '../slots/entities/slot.entity';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { AttendanceListSql, ListRecord, ListScope, orderBy } from './attendance-list.sql';
import { AttendanceListDto } from './dto/attendance-list.dto';
import { french } from '../common/errors';

/** A list request checked against the caller's structure. */
export interface ResolvedList {
  scope: ListScope;
  columns: AttendanceListColumn[];
  sort: AttendanceListColumn | undefined;
  order: string;
  structure: { id: number; name: string; slug: string; timeZone: string };
  slot: { id: number; label: string } | null;
}

function badField(field: string, message: string): BadRequestException {
  return new BadRequestException(french(message, { field }));
}

/** "du 02/03/2026 au 31/03/2026", "le 02/03/2026", "le 02/03/2026, créneau 09:30 – 12:00" */
export function listPeriodLabel(list: Pick<ResolvedList, 'scope' | 'slot'>): string {
  const { from, to } = list.scope;
  const period = from === to ? `le ${formatFrenchDate(from)}` : `du ${formatFrenchDate(from)} au ${formatFrenchDate(to)}`;
  return list.slot ? `${period}, créneau ${list.slot.label}` : period;
}

/**
 * LISTE DE PRÉSENCE: the attendance of a day (one slot or all) or a period,
 * with each member's attributes as at check-in and the age at the attendance's
 * date; sorted and paged for the screen, read by chunks for the exports.
 */
@Injectable()
export class AttendanceListService {
  constructor(private readonly tenancy: Tenancy) {}

  async resolve(dto: AttendanceListDto): Promise<ResolvedList> {
    const to = dto.to ?? dto.from;
    if (!isValidLocalDate(to)) throw badField('to', `La date de fin « ${to} » n'est pas une date valide.`);
    if (to < dto.from) throw badField('to', 'La date de fin est avant la date de début.');
    if (addYears(dto.from, ATTENDANCE_LIST_LIMITS.maxYears) <= to) {
      throw badField('to', `La période dépasse ${ATTENDANCE_LIST_LIMITS.maxYears} ans : choisissez une période plus courte.`);
    }
    const unknown = (dto.columns ?? []).find((c) => !(ATTENDANCE_LIST_COLUMNS as readonly string[]).includes(c));
    if (unknown !== undefined) {
      throw badField('columns', `Colonne inconnue : « ${unknown} ». Colonnes possibles : ${ATTENDANCE_LIST_COLUMNS.join(', ')}.`);
    }
    const asked = new Set(dto.columns ?? ATTENDANCE_LIST_COLUMNS);
    const columns = ATTENDANCE_LIST_COLUMNS.filter((c) => asked.has(c));

    const sid = this.tenancy.structureId();
    const s = await this.tenancy.reader().em.findOneByOrFail(Structure, { id: sid });
    let slot: ResolvedList['slot'] = null;
    if (dto.slotId !== undefined) {
      if (to !== dto.from)
        throw badField('slotId', "Le choix d'un créneau n'est possible que pour un seul jour : laissez la date de fin vide.");
      const found = await this.tenancy.repo(Slot).findOneBy({ id: dto.slotId });
      if (!found) throw badField('slotId', "Ce créneau n'existe pas dans votre structure.");
      if (found.date !== dto.from) throw badField('slotId', `Ce créneau n'est pas un créneau du ${formatFrenchDate(dto.from)}.`);
      slot = { id: found.id, label: formatTimeRange(found.startMinute, found.endMinute) };
    }
    return {
      scope: { from: dto.from, to, slotId: slot?.id ?? null },
      columns,
      sort: dto.sort,
      order: orderBy(dto.sort, dto.order),
      structure: { id: s.id, name: s.name, slug: s.slug, timeZone: s.timeZone },
      slot,
    };
  }

  private sql(): AttendanceListSql {
    const reader = this.tenancy.reader();
    return new AttendanceListSql(reader.em, reader.structureId);
  }

  async page(dto: AttendanceListDto): Promise<AttendanceListPage> {
    const list = await this.resolve(dto);
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    const sql = this.sql();
    const total = await sql.count(list.scope);
    const rows = total > (page - 1) * pageSize ? await sql.page(list.scope, list.order, pageSize, (page - 1) * pageSize) : [];
    const clock = zonedPartsCache(list.structure.timeZone);
    return {
      items: rows.map((r) => toRow(r, clock)),
      total,
      page,
      pageSize,
      from: list.scope.from,
      to: list.scope.to,
      slot: list.slot,
    };
  }

  async count(list: ResolvedList): Promise<number> {
    return this.sql().count(list.scope);
  }

  /**
   * Every row of the list in its order, by chunks (exports): the ordered ids are
   * read once, then the rows of each chunk by primary key, so no statement
   * holds the database (or, on SQLite, the event loop) for long.
   */
  async *chunks(list: ResolvedList, size = 500): AsyncGenerator<AttendanceListRow[]> {
    const sql = this.sql();
    const ids = await sql.orderedIds(list.scope, list.order, list.sort);
    const labels = await sql.labels();
    const clock = zonedPartsCache(list.structure.timeZone);
    for (let i = 0; i < ids.length; i += size) {
      const records = await sql.byIds(ids.slice(i, i + size), labels);
      yield records.map((r) => toRow(r, clock));
      // Let the event loop breathe between chunks: other requests (the kiosks) are served in between.
      await setImmediate();
    }
  }
}

export function toRow(r: ListRecord, clock: (instant: Date) => { minutes: number }): AttendanceListRow {
  return {
    id: r.id,
    date: r.date,
    slotId: r.slotId,
    slot: formatTimeRange(r.start, r.end),
    memberId: r.memberId,
    lastName: r.lastName,
    firstName: r.firstName,
    familyId: r.familyId,
    family: r.family,
    sex: r.sex,
    age: ageAt(r.birthDate, r.date),
    status: r.status,
    city: r.city,
    minima: r.minima,
    qf: r.qf,
    arrival: formatHm(clock(r.arrivedAt).minutes),
    source: r.source,
  };
}
