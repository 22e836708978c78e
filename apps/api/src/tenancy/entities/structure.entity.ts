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

  /** Shown on the kiosk home page. */
  @Column({ type: 'text', nullable: true })
  welcomeMessage!: string | null;

  /** Resized logo shown on the kiosk and on documents (file in DATA_DIR/uploads). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  logoFile!: string | null;

  @Column({ type: 'integer', nullable: true })
  logoWidth!: number | null;

  @Column({ type: 'integer', nullable: true })
  logoHeight!: number | null;

  /** The uploaded original, kept to resize again without losing quality. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  logoOriginalFile!: string | null;

  @Column({ type: 'integer', nullable: true })
  logoOriginalWidth!: number | null;

  @Column({ type: 'integer', nullable: true })
  logoOriginalHeight!: number | null;

  /** The kiosk's present counter counts attendance recorded after this instant. */
  @Column(instantColumn({ nullable: true }))
  counterResetAt!: Date | null;

  /**
   * GDPR retention: families inactive for this many years are listed for
   * anonymisation (0 = off). "Inactive" is defined in decision 9.
   */
  @Column({ type: 'integer', default: 3 })
  retentionYears!: number;

  /**
   * Bumped in the transaction of every change to the structure's slots, so
   * that each replica's in-memory calendar (slots/slot-calendar.ts) sees the
   * change at once.
   */
  @Column({ type: 'integer', default: 0 })
  slotsVersion!: number;
}
