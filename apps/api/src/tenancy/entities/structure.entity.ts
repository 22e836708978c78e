import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { boolColumn, instantColumn } from '../../database/column-types';

/** A social centre's ludothèque: the tenant that owns every other piece of data. */
@Entity('structure')
export class Structure {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  @Column({ type: 'varchar', length: 60, default: 'Europe/Paris' })
  timeZone!: string;

  @Column(boolColumn(true))
  active!: boolean;

  @Column(instantColumn())
  createdAt!: Date;
}
