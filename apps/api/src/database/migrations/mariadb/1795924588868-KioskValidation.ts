import { MigrationInterface, QueryRunner } from 'typeorm';

export class KioskValidation1795924588868 implements MigrationInterface {
  name = 'KioskValidation1795924588868';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `kiosk_validation` (`id` int NOT NULL AUTO_INCREMENT, `structure_id` int NOT NULL, `key` varchar(64) NOT NULL, `claim` varchar(36) NOT NULL, `family_id` int NOT NULL, `result` text NULL, `created_at` datetime(3) NOT NULL, INDEX `IDX_7a0752c440ab8a7ea2ab147058` (`created_at`), UNIQUE INDEX `IDX_8fa19469ed5a39f6051671b247` (`structure_id`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `kiosk_validation` ADD CONSTRAINT `FK_56f3ca3b314e7de027d99fbcead` FOREIGN KEY (`structure_id`) REFERENCES `structure`(`id`) ON DELETE RESTRICT ON UPDATE RESTRICT',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `kiosk_validation` DROP FOREIGN KEY `FK_56f3ca3b314e7de027d99fbcead`');
    await queryRunner.query('DROP INDEX `IDX_8fa19469ed5a39f6051671b247` ON `kiosk_validation`');
    await queryRunner.query('DROP INDEX `IDX_7a0752c440ab8a7ea2ab147058` ON `kiosk_validation`');
    await queryRunner.query('DROP TABLE `kiosk_validation`');
  }
}
