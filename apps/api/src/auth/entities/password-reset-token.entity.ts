import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/column-types';
import { Account } from './account.entity';

/** A single-use, time-limited password reset link. Only the SHA-256 of the token is stored. */
@Entity('password_reset_token')
export class PasswordResetToken {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column(instantColumn())
  expiresAt!: Date;

  @Column(instantColumn({ nullable: true }))
  usedAt!: Date | null;

  @Column(instantColumn())
  createdAt!: Date;
}
