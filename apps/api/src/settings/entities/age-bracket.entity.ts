import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Structure } from '../../tenancy/entities/structure.entity';

/** An age bracket of the statistics (0–2, 3–6, …), inclusive bounds in whole years. */
@Entity('age_bracket')
@Index(['structureId', 'position'])
export class AgeBracket {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  structureId!: number;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure;

  @Column({ type: 'integer' })
  minAge!: number;

  @Column({ type: 'integer' })
  maxAge!: number;

  @Column({ type: 'integer' })
  position!: number;
}
