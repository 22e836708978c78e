import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { boolColumn, instantColumn } from '../../database/column-types';
import { RefItem } from '../../settings/entities/ref-item.entity';
import { Structure } from '../../tenancy/entities/structure.entity';
import { Member } from './member.entity';

/** A household that uses the ludothèque; its login is an Account (role family). */
@Entity('family')
@Index(['structureId', 'searchName'])
export class Family {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  structureId!: number;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Lower-case, accent-free name for search ("Müller" is found by "muller"). */
  @Column({ type: 'varchar', length: 100 })
  searchName!: string;

  /** Household family-quotient bracket and social minima, applied to members by the family form. */
  @Column({ type: 'integer' })
  qfId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'qf_id' })
  qf?: RefItem;

  @Column({ type: 'integer' })
  minimaId!: number;

  @ManyToOne(() => RefItem, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'minima_id' })
  minima?: RefItem;

  @Column(boolColumn(false))
  archived!: boolean;

  /** Fictional family of the first local start's demo data (removed all at once from the admin home). */
  @Column(boolColumn(false))
  demo!: boolean;

  @Column(instantColumn({ nullable: true }))
  anonymisedAt!: Date | null;

  @Column(instantColumn())
  createdAt!: Date;

  @Column(instantColumn())
  updatedAt!: Date;

  @OneToMany(() => Member, (m) => m.family)
  members?: Member[];
}
