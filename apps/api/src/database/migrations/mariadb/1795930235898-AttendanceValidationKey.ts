import { MigrationInterface, QueryRunner } from 'typeorm';
import { KioskValidation1795924588868 } from './1795924588868-KioskValidation';

export class AttendanceValidationKey1795930235898 implements MigrationInterface {
  name = 'AttendanceValidationKey1795930235898';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The idempotency key moved onto the attendance rows: the kiosk_validation table goes.
    await new KioskValidation1795924588868().down(queryRunner);
    await queryRunner.query('ALTER TABLE `attendance` ADD `validation_key` varchar(64) NULL');
    await queryRunner.query('CREATE INDEX `IDX_e62a92be3e820ceb8370d318af` ON `attendance` (`validation_key`, `structure_id`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `IDX_e62a92be3e820ceb8370d318af` ON `attendance`');
    await queryRunner.query('ALTER TABLE `attendance` DROP COLUMN `validation_key`');
    await new KioskValidation1795924588868().up(queryRunner);
  }
}
