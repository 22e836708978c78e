import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/column-types';

/**
 * One counted event of the login throttle (a failed login, a registration, a
 * reset mail…), shared by every replica of the API. `bucket` is the budget
 * (`login`, `login-ip`, …); `keyHash` the HMAC-SHA-256 of what it is counted
 * for (login + address, address, account): no login or address in clear.
 * Rows older than the window are pruned.
 */
@Entity('throttle_event')
@Index('IDX_throttle_event_bucket_key_at', ['bucket', 'keyHash', 'at'])
export class ThrottleEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 24 })
  bucket!: string;

  @Column({ type: 'varchar', length: 64 })
  keyHash!: string;

  @Column(instantColumn())
  at!: Date;
}

/**
 * One row per budget and key, locked (INSERT … ON DUPLICATE KEY UPDATE) by the
 * transaction that counts and adds events, so that two replicas cannot both
 * see "9 failures" and both let a 10th attempt through. `at` is its last use,
 * for pruning.
 */
@Entity('throttle_key')
export class ThrottleKey {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  bucket!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  keyHash!: string;

  @Column(instantColumn())
  at!: Date;
}
