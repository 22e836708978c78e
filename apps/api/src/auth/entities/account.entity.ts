import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@pointage/contracts';
import { boolColumn, instantColumn } from '../../database/column-types';
import { Family } from '../../families/entities/family.entity';
import { Member } from '../../families/entities/member.entity';
import { Structure } from '../../tenancy/entities/structure.entity';

/** Back-office logins live in one realm; family logins are unique per structure. */
export const STAFF_REALM = 'staff';
export function familyRealm(structureId: number): string {
  return `s${structureId}`;
}

/**
 * A login: super-admin (no structure), admin (one structure) or family (one
 * family of one structure; an adult member may have a login of their own).
 */
@Entity('account')
@Index(['realm', 'email'], { unique: true })
export class Account {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** Normalised (NFC, trimmed, lower-case) e-mail: the login. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 20 })
  realm!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'integer', nullable: true })
  structureId!: number | null;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure | null;

  /** The family this login opens (role family). */
  @Column({ type: 'integer', nullable: true })
  familyId!: number | null;

  @ManyToOne(() => Family, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'family_id' })
  family?: Family | null;

  /** Set when the login is an adult member's own (it opens the same family sheet). */
  @Column({ type: 'integer', nullable: true })
  memberId!: number | null;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'member_id' })
  member?: Member | null;

  /** Incremented on every password change or reset: older tokens stop working. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;

  @Column(boolColumn(true))
  active!: boolean;

  @Column(instantColumn())
  createdAt!: Date;

  @Column(instantColumn())
  passwordChangedAt!: Date;

  @Column(instantColumn({ nullable: true }))
  lastLoginAt!: Date | null;
}
