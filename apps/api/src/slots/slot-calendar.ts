import { Injectable } from '@nestjs/common';
import type { ScopedRepository } from '../tenancy/scoped-repository';
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
 * today's slots and they change only when an admin generates or deletes slots
 * (SlotsService invalidates the structure then). One process serves an
 * installation, so the cache is never stale after a change made through the API;
 * a change made behind its back (seed, SQL) shows within a minute.
 */
@Injectable()
export class SlotCalendar {
  private readonly days = new Map<string, { at: number; slots: DaySlot[] }>();

  async slotsOn(repo: ScopedRepository<Slot>, date: string): Promise<DaySlot[]> {
    const key = `${repo.structureId}|${date}`;
    const hit = this.days.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.slots;
    const rows = await repo.find({ where: { date }, select: { id: true, date: true, startMinute: true, endMinute: true, structureId: true }, order: { startMinute: 'ASC' } });
    const slots = rows.map((s) => ({ id: s.id, date: s.date, startMinute: s.startMinute, endMinute: s.endMinute }));
    if (this.days.size > 10_000) this.days.clear();
    this.days.set(key, { at: Date.now(), slots });
    return slots;
  }

  invalidate(structureId: number): void {
    for (const key of [...this.days.keys()]) if (key.startsWith(`${structureId}|`)) this.days.delete(key);
  }
}
