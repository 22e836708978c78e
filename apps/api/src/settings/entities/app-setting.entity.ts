import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Installation-wide settings of the super-admin (funder footer, ...), as key/value pairs. */
@Entity('app_setting')
export class AppSetting {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
