import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendanceSlotIndex1795926940755 implements MigrationInterface {
  name = 'AttendanceSlotIndex1795926940755';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX `IDX_dc83e0f81a2fc3ffdde4e60ff1` ON `attendance` (`slot_id`)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // MariaDB now enforces the slot foreign key with this index (it dropped its own):
    // the key must go while the index is dropped, then come back (with an index of its own).
    await queryRunner.query('ALTER TABLE `attendance` DROP FOREIGN KEY `FK_dc83e0f81a2fc3ffdde4e60ff13`');
    await queryRunner.query('DROP INDEX `IDX_dc83e0f81a2fc3ffdde4e60ff1` ON `attendance`');
    await queryRunner.query(
      'ALTER TABLE `attendance` ADD CONSTRAINT `FK_dc83e0f81a2fc3ffdde4e60ff13` FOREIGN KEY (`slot_id`) REFERENCES `slot`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
  }
}
