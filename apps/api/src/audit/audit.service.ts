import { BadRequestException, Injectable } from '@nestjs/common';
import { AUDIT_ACTIONS, AuditEntry as AuditEntryDto, Page } from '@pointage/contracts';
import { addDays, searchKey, zonedToInstant } from '@pointage/domain';
import { EntityManager } from 'typeorm';
import { Account } from '../auth/entities/account.entity';
import { Database } from '../database/database.service';
import { Family } from '../families/entities/family.entity';
import { Member } from '../families/entities/member.entity';
import { Slot } from '../slots/entities/slot.entity';
import { Structure } from '../tenancy/entities/structure.entity';
import { TenantContext } from '../tenancy/tenant-context';
import { detailLabel, ResolvedTarget, targetLabel } from './audit-labels';
import { AuditEntry } from './entities/audit-entry.entity';
import { rawLocalDate } from '../database/raw-values';
import { french } from '../common/errors';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

export interface AuditListFilter {
  structureId?: number | null;
  page: number;
  pageSize: number;
  action?: string;
  /** A person's name: the target family or member, or the actor's login. */
  search?: string;
  /** 'YYYY-MM-DD', in the structure's time zone, both included. */
  from?: string;
  to?: string;
  /** Name the targets (the structure admin's own log only). */
  names?: boolean;
}

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string | number | null;
  /** Short facts (ids, counts, reasons) — never passwords, tokens or personal details. */
  details?: Record<string, unknown> | string;
  /** Set when there is no authenticated caller (login attempts, reset links, first start). */
  actor?: { accountId: number | null; label: string; role: string | null };
  structureId?: number | null;
}

/**
 * Writes the audit log. Call it with the EntityManager of the transaction that
 * makes the change, so the change and its trace are committed together.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly context: TenantContext,
  ) {}

  async record(em: EntityManager, record: AuditRecord): Promise<void> {
    const principal = this.context.optionalPrincipal();
    const entry = em.create(AuditEntry, {
      // The log records when an action really happened: the server's time, not the Clock (which tests move).
      // eslint-disable-next-line no-restricted-syntax -- audit entries carry the real time of the server
      at: new Date(),
      structureId: record.structureId !== undefined ? record.structureId : (principal?.structureId ?? null),
      actorAccountId: record.actor ? record.actor.accountId : (principal?.accountId ?? null),
      actorLabel: (record.actor ? record.actor.label : (principal?.login ?? 'système')).slice(0, 254),
      actorRole: record.actor ? record.actor.role : (principal?.accountRole ?? null),
      actingAs: record.actor ? null : principal?.acting ? (principal.actingAs ?? null) : null,
      action: record.action,
      targetType: record.targetType ?? null,
      targetId: record.targetId === undefined || record.targetId === null ? null : String(record.targetId),
      details: record.details === undefined ? null : typeof record.details === 'string' ? record.details : JSON.stringify(record.details),
      ip: this.context.ip(),
    });
    await em.save(AuditEntry, entry);
  }

  /** Records in a transaction of its own (for events that change nothing else, e.g. a failed login). */
  recordAlone(record: AuditRecord): Promise<void> {
    return this.db.transaction((em) => this.record(em, record));
  }

  /**
   * A page of the log, newest first. With `names` (the structure admin's own
   * log), the targets are named by joins bound to that structure (family,
   * member and its family, slot, account); an anonymised family is only
   * "famille anonymisée". Filters: action, a person's name (target or actor),
   * and a date range read in the structure's time zone.
   */
  async list(filter: AuditListFilter): Promise<Page<AuditEntryDto>> {
    const sid = filter.structureId ?? null;
    const names = filter.names === true && sid !== null;
    const qb = this.db.manager.createQueryBuilder(AuditEntry, 'a').leftJoin('a.structure', 's');
    if (names) {
      // The id as text, to meet audit_entry.target_id. On MariaDB the cast takes the connection's
      // collation and the column its table's (the database's default, whatever it was created
      // with): an explicit COLLATE wins over both, else "Illegal mix of collations" (a 500).
      const idText = (alias: string) =>
        this.db.dialect === 'mariadb' ? `CAST(${alias}.id AS CHAR) COLLATE utf8mb4_unicode_ci` : `CAST(${alias}.id AS CHAR)`;
      // Every joined row is bound to the caller's structure: another structure's ids name nothing.
      qb.leftJoin(Family, 'f', `a.targetType = 'family' AND f.structureId = :sid AND ${idText('f')} = a.targetId`)
        .leftJoin(Member, 'm', `a.targetType = 'member' AND m.structureId = :sid AND ${idText('m')} = a.targetId`)
        .leftJoin(Family, 'mf', 'mf.structureId = :sid AND mf.id = m.familyId')
        .leftJoin(Slot, 'sl', `a.targetType = 'slot' AND sl.structureId = :sid AND ${idText('sl')} = a.targetId`)
        .leftJoin(Account, 'acc', `a.targetType = 'account' AND acc.structureId = :sid AND ${idText('acc')} = a.targetId`)
        .setParameter('sid', sid);
    }
    if (sid !== null) qb.andWhere('a.structureId = :entrySid', { entrySid: sid });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    const search = filter.search ? searchKey(filter.search) : '';
    if (search) {
      const like = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const actor = `%${filter.search
        ?.trim()
        .toLowerCase()
        .replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const people = names
        ? " OR f.searchName LIKE :like ESCAPE '!' OR m.searchName LIKE :like ESCAPE '!' OR mf.searchName LIKE :like ESCAPE '!'"
        : '';
      qb.andWhere(`(LOWER(a.actorLabel) LIKE :actor ESCAPE '!'${people})`, { like, actor });
    }
    if (filter.from || filter.to) {
      const timeZone =
        sid !== null ? ((await this.db.manager.findOneBy(Structure, { id: sid }))?.timeZone ?? DEFAULT_TIME_ZONE) : DEFAULT_TIME_ZONE;
      if (filter.from && filter.to && filter.from > filter.to)
        throw new BadRequestException(french('La date de début doit précéder la date de fin.'));
      if (filter.from) qb.andWhere('a.at >= :fromAt', { fromAt: zonedToInstant(filter.from, 0, timeZone) });
      if (filter.to) qb.andWhere('a.at < :toAt', { toAt: zonedToInstant(addDays(filter.to, 1), 0, timeZone) });
    }
    const total = await qb.getCount();
    qb.addSelect('s.name', 'structure_name');
    if (names) {
      qb.addSelect('f.name', 'f_name')
        .addSelect('f.anonymisedAt', 'f_anonymised_at')
        .addSelect('m.firstName', 'm_first_name')
        .addSelect('m.lastName', 'm_last_name')
        .addSelect('mf.name', 'mf_name')
        .addSelect('mf.anonymisedAt', 'mf_anonymised_at')
        .addSelect('sl.date', 'sl_date')
        .addSelect('sl.startMinute', 'sl_start')
        .addSelect('sl.endMinute', 'sl_end')
        .addSelect('acc.email', 'acc_email');
    }
    // The joins match one row at most per entry: plain OFFSET/LIMIT pages.
    const { entities, raw } = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getRawAndEntities();
    const byId = new Map<number, Record<string, unknown>>(raw.map((r: Record<string, unknown>) => [Number(r['a_id']), r]));
    const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    const int = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
    return {
      items: entities.map((r) => {
        const x = byId.get(r.id) ?? {};
        const slotDate = x['sl_date'] === null || x['sl_date'] === undefined ? null : rawLocalDate(x['sl_date']);
        const target: ResolvedTarget = {
          familyName: str(x['f_name']),
          familyAnonymised: x['f_anonymised_at'] !== null && x['f_anonymised_at'] !== undefined,
          memberFirstName: str(x['m_first_name']),
          memberLastName: str(x['m_last_name']),
          memberFamilyName: str(x['mf_name']),
          memberFamilyAnonymised: x['mf_anonymised_at'] !== null && x['mf_anonymised_at'] !== undefined,
          slotDate,
          slotStart: int(x['sl_start']),
          slotEnd: int(x['sl_end']),
          accountEmail: str(x['acc_email']),
          structureName: r.targetType === 'structure' && r.targetId === String(r.structureId) ? str(x['structure_name']) : null,
        };
        return {
          id: r.id,
          at: r.at.toISOString(),
          structureId: r.structureId,
          structureName: str(x['structure_name']),
          actorLabel: r.actorLabel,
          actorRole: r.actorRole,
          actingAs: r.actingAs,
          action: r.action,
          actionLabel: AUDIT_ACTIONS[r.action] ?? r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          targetLabel: names ? targetLabel(r.targetType, r.targetId, target) : [r.targetType, r.targetId].filter(Boolean).join(' ') || '—',
          detail: detailLabel(r.action, r.details),
          details: r.details,
          ip: r.ip,
        };
      }),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }
}
