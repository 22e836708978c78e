import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { instantColumn } from '../../database/column-types';
import { Structure } from '../../tenancy/entities/structure.entity';

/**
 * One audited action: who (the real account, and whom it acted as), what, on
 * which record, when, from which IP. No foreign key to the account: accounts of
 * deleted families go, their traces stay (with the label written at the time).
 */
@Entity('audit_entry')
@Index(['structureId', 'at'])
@Index(['targetType', 'targetId'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index()
  @Column(instantColumn())
  at!: Date;

  @Column({ type: 'integer', nullable: true })
  structureId!: number | null;

  @ManyToOne(() => Structure, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'structure_id' })
  structure?: Structure | null;

  @Column({ type: 'integer', nullable: true })
  actorAccountId!: number | null;

  @Column({ type: 'varchar', length: 254 })
  actorLabel!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  actingAs!: string | null;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  targetType!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  targetId!: string | null;

  @Column({ type: 'text', nullable: true })
  details!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
