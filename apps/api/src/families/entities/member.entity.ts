import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { boolColumn, instantColumn, localDateColumn } from '../../database/column-types';
import { RefItem } from '../../settings/entities/ref-item.entity';
import { Structure } from '../../tenancy/entities/structure.entity';
import { Family } from './family.entity';

/**
 * A person of a family. Statistical attributes point to the structure's
 * reference lists. A member with attendance is archived, never deleted
 * (foreign key from attendance, RESTRICT).
 */
@Entity('member')
@Index(['structureId', 'searchName'])
@Index(['familyId'])
export class Member {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  structureId!: number;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure;

  @Column({ type: 'integer' })
  familyId!: number;

  @ManyToOne(() => Family, (f) => f.members, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'family_id' })
  family?: Family;

  @Column({ type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ type: 'varchar', length: 100 })
  firstName!: string;

  /** "nom prénom", lower-case and accent-free, for search. */
  @Column({ type: 'varchar', length: 201 })
  searchName!: string;

  @Column({ type: 'integer' })
  sexId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'sex_id' })
  sex?: RefItem;

  @Column(localDateColumn())
  birthDate!: string;

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

  @Column({ type: 'varchar', length: 30, nullable: true })
  avatar!: string | null;

  @Column(localDateColumn())
  registeredOn!: string;

  @Column(boolColumn(false))
  archived!: boolean;

  @Column(instantColumn())
  createdAt!: Date;

  @Column(instantColumn())
  updatedAt!: Date;
}
