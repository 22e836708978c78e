import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/column-types';
import { Structure } from '../../tenancy/entities/structure.entity';

/**
 * The idempotency record of one VALIDER press at the kiosk: its client key and
 * the answer it got. A retried or doubled request with the same key gets the
 * same answer and records nothing more. Kept a few days.
 */
@Entity('kiosk_validation')
@Index(['structureId', 'key'], { unique: true })
@Index(['createdAt'])
export class KioskValidation {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  structureId!: number;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  /** Which request holds the key (set by the request that inserted the row). */
  @Column({ type: 'varchar', length: 36 })
  claim!: string;

  @Column({ type: 'integer' })
  familyId!: number;

  /** The JSON answer, written in the same transaction as the attendance rows. */
  @Column({ type: 'text', nullable: true })
  result!: string | null;

  @Column(instantColumn())
  createdAt!: Date;
}
