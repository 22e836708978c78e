import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { boolColumn, instantColumn, localDateColumn } from '../../database/column-types';
import { Structure } from '../../tenancy/entities/structure.entity';

/**
 * An opening slot: a calendar day and a time range in the structure's local
 * time (minutes since midnight, so that hours of opening are plain SQL).
 */
@Entity('slot')
@Index(['structureId', 'date', 'startMinute', 'endMinute'], { unique: true })
export class Slot {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  structureId!: number;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure;

  @Column(localDateColumn())
  date!: string;

  @Column({ type: 'integer' })
  startMinute!: number;

  @Column({ type: 'integer' })
  endMinute!: number;

  @Column(instantColumn())
  createdAt!: Date;

  /** Created by the first local start's demo data; becomes real (false) when the demo data is removed while real attendance is in it. */
  @Column(boolColumn(false))
  demo!: boolean;
}
