import { MigrationInterface, QueryRunner } from 'typeorm';

export class DemoData1796042615854 implements MigrationInterface {
  name = 'DemoData1796042615854';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `family` ADD `demo` tinyint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE `slot` ADD `demo` tinyint NOT NULL DEFAULT 0');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `slot` DROP COLUMN `demo`');
    await queryRunner.query('ALTER TABLE `family` DROP COLUMN `demo`');
  }
}
