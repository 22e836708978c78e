import { MigrationInterface, QueryRunner } from 'typeorm';

export class StructureRetentionYears1796042603201 implements MigrationInterface {
  name = 'StructureRetentionYears1796042603201';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `structure` ADD `retention_years` int NOT NULL DEFAULT '3'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `structure` DROP COLUMN `retention_years`');
  }
}
