import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RefKind } from '@pointage/contracts';
import { boolColumn } from '../../database/column-types';
import { Structure } from '../../tenancy/entities/structure.entity';

/**
 * An entry of one of a structure's reference lists (sexes, cities, statuses,
 * social minima, family-quotient brackets). Entries in use are deactivated,
 * never deleted.
 */
@Entity('ref_item')
@Index(['structureId', 'kind', 'label'], { unique: true })
@Index(['structureId', 'kind', 'position'])
export class RefItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  structureId!: number;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure;

  @Column({ type: 'varchar', length: 20 })
  kind!: RefKind;

  @Column({ type: 'varchar', length: 80 })
  label!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column(boolColumn(true))
  active!: boolean;

  /** Statuses only: the entry describes a child (Enfant à charge, Enfant gardé). */
  @Column(boolColumn(false))
  isChild!: boolean;

  /** Stable meaning for statistics whatever the label ('rsa', 'grandmother', ...). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  code!: string | null;
}
