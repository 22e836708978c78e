import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A funder's logo shown in the footer of every page and document (installation-wide). */
@Entity('funder_logo')
export class FunderLogo {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  file!: string;

  @Column({ type: 'varchar', length: 120 })
  alt!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;
}
