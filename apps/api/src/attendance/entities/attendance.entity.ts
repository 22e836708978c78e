import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/column-types';
import { Family } from '../../families/entities/family.entity';
import { Member } from '../../families/entities/member.entity';
import { RefItem } from '../../settings/entities/ref-item.entity';
import { Slot } from '../../slots/entities/slot.entity';
import { Structure } from '../../tenancy/entities/structure.entity';

/**
 * One member present in one slot. Keeps a snapshot of the member's statistical
 * attributes at check-in, so reports do not change when a family moves or is
 * anonymised. Foreign keys are RESTRICT: a member, family or slot with
 * attendance cannot be deleted, by any code path.
 */
@Entity('attendance')
@Index(['memberId', 'slotId'], { unique: true })
// Covers the kiosk counter (distinct members of today's slots since the reset) without
// reading the rows: today's slot may hold hundreds of rows in a busy centre.
@Index(['structureId', 'slotId', 'memberId', 'createdAt'])
// The foreign key from attendance to slot is checked on every slot deletion: SQLite
// does not index foreign keys by itself (MariaDB does), so without this index each
// deleted slot would scan the whole attendance table.
@Index(['slotId'])
@Index(['familyId'])
// Key first: the planner must prefer it to (structure_id, slot_id) for the lookup of a repeated request.
@Index(['validationKey', 'structureId'])
export class Attendance {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  structureId!: number;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure;

  @Column({ type: 'integer' })
  slotId!: number;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id' })
  slot?: Slot;

  @Column({ type: 'integer' })
  memberId!: number;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ type: 'integer' })
  familyId!: number;

  @ManyToOne(() => Family, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'family_id' })
  family?: Family;

  /** Arrival instant (UTC). */
  @Column(instantColumn())
  arrivedAt!: Date;

  // Snapshot of the statistical attributes at check-in.
  @Column({ type: 'integer' })
  sexId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'sex_id' })
  sex?: RefItem;

  @Column({ type: 'integer' })
  cityId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'city_id' })
  city?: RefItem;

  @Column({ type: 'integer' })
  statusId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'status_id' })
  status?: RefItem;

  @Column({ type: 'integer' })
  minimaId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'minima_id' })
  minima?: RefItem;

  @Column({ type: 'integer' })
  qfId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'qf_id' })
  qf?: RefItem;

  /** kiosk (the family), acting (an admin for the family), retro (back in time). */
  @Column({ type: 'varchar', length: 10 })
  source!: 'kiosk' | 'acting' | 'retro';

  /** The account that recorded it (the family's, or the admin's). No foreign key: accounts may go. */
  @Column({ type: 'integer', nullable: true })
  recordedBy!: number | null;

  @Column(instantColumn())
  createdAt!: Date;

  /**
   * The kiosk's idempotency key of the VALIDER press that recorded this row: a
   * retried request with the same key finds its rows here and gets the same answer.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  validationKey!: string | null;
}
