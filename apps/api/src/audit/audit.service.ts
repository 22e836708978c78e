import { Injectable } from '@nestjs/common';
import { AUDIT_ACTIONS, AuditEntry as AuditEntryDto, Page } from '@pointage/contracts';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database.service';
import { TenantContext } from '../tenancy/tenant-context';
import { AuditEntry } from './entities/audit-entry.entity';

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

  async list(filter: { structureId?: number | null; page: number; pageSize: number; action?: string }): Promise<Page<AuditEntryDto>> {
    const qb = this.db.manager
      .createQueryBuilder(AuditEntry, 'a')
      .leftJoinAndSelect('a.structure', 's')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize);
    if (filter.structureId !== undefined && filter.structureId !== null) qb.andWhere('a.structureId = :sid', { sid: filter.structureId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    const [rows, total] = await qb.getManyAndCount();
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        structureId: r.structureId,
        structureName: r.structure?.name ?? null,
        actorLabel: r.actorLabel,
        actorRole: r.actorRole,
        actingAs: r.actingAs,
        action: r.action,
        actionLabel: AUDIT_ACTIONS[r.action] ?? r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        details: r.details,
        ip: r.ip,
      })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }
}
