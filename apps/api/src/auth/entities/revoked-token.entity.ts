import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { instantColumn } from '../../database/column-types';

/**
 * A token ended before its expiry (logout, end of acting), by its `jti`. Kept
 * in the database, not in memory, so that every replica refuses it. Rows are
 * useless once the token would have expired anyway and are pruned then.
 */
@Entity('revoked_token')
export class RevokedToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  jti!: string;

  @Index()
  @Column(instantColumn())
  expiresAt!: Date;
}
