import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceCounterIndex1795932380907 implements MigrationInterface {
  name = 'AttendanceCounterIndex1795932380907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // MariaDB may use the old index for the structure foreign key: create the new one first.
    await queryRunner.query(
      'CREATE INDEX `IDX_64bd2bc9d1e86f9d614598d144` ON `attendance` (`structure_id`, `slot_id`, `member_id`, `created_at`)',
    );
    await queryRunner.query('DROP INDEX `IDX_3a5359d29f22851facc4e4764e` ON `attendance`');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `IDX_3a5359d29f22851facc4e4764e` ON `attendance` (`structure_id`, `slot_id`)');
    await queryRunner.query('DROP INDEX `IDX_64bd2bc9d1e86f9d614598d144` ON `attendance`');
  }
}
