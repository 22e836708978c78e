import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '../database/database.service';
import type { ScopedRepository } from '../tenancy/scoped-repository';
import { Structure } from '../tenancy/entities/structure.entity';
import { TenantContext } from '../tenancy/tenant-context';
import { Slot } from './entities/slot.entity';

export interface DaySlot {
  id: number;
  date: string;
  startMinute: number;
  endMinute: number;
}

const TTL_MS = 60_000;

/**
 * The slots of a day, kept in memory for a minute: every kiosk request needs
 * today's slots and they change only when an admin generates or deletes slots.
 *
 * Several replicas may serve one database (decision 10), so a change made
 * through another process must show at once: every change to a structure's
 * slots bumps `structure.slots_version` in its own transaction (`changed()`),
 * and each use reads that version (a primary-key read, or the one the token
 * check of the request already read with the structure) before trusting the
 * cached day. The version is read before the slots, so a change committed in
 * between costs at most one more reload, never a stale answer. A change made
 * behind the API's back (seed, SQL) shows within a minute.
 */
@Injectable()
export class SlotCalendar {
  private readonly days = new Map<string, { at: number; version: number; slots: DaySlot[] }>();

  constructor(
    private readonly db: Database,
    private readonly context: TenantContext,
  ) {}

  async slotsOn(repo: ScopedRepository<Slot>, date: string): Promise<DaySlot[]> {
    const key = `${repo.structureId}|${date}`;
    const version = await this.version(repo.structureId);
    const hit = this.days.get(key);
    // Cache age (elapsed time), not a business instant: Date.now(), not the Clock.
    if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) return hit.slots;
    const rows = await repo.find({
      where: { date },
      select: { id: true, date: true, startMinute: true, endMinute: true, structureId: true },
      order: { startMinute: 'ASC' },
    });
    const slots = rows.map((s) => ({ id: s.id, date: s.date, startMinute: s.startMinute, endMinute: s.endMinute }));
    if (this.days.size > 10_000) this.days.clear();
    this.days.set(key, { at: Date.now(), version, slots });
    return slots;
  }

  private async version(structureId: number): Promise<number> {
    // A signed-in request has it already: the token check read the structure row (one query).
    const principal = this.context.optionalPrincipal();
    if (principal?.structureId === structureId && principal.slotsVersion !== undefined) return principal.slotsVersion;
    const rows: { v: number | string }[] = await this.db.manager.query('SELECT slots_version AS v FROM structure WHERE id = ?', [
      structureId,
    ]);
    return rows.length ? Number(rows[0].v) : -1;
  }

  /** To call inside the transaction that changes the structure's slots: every replica reloads them. */
  async changed(em: EntityManager, structureId: number): Promise<void> {
    await em.increment(Structure, { id: structureId }, 'slotsVersion', 1);
  }

  /** This process's copy, dropped at once after a change (the version does it for the other replicas). */
  invalidate(structureId: number): void {
    for (const key of [...this.days.keys()]) if (key.startsWith(`${structureId}|`)) this.days.delete(key);
  }
}
