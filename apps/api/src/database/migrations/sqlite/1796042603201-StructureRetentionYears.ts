import { MigrationInterface, QueryRunner } from 'typeorm';

export class StructureRetentionYears1796042603201 implements MigrationInterface {
  name = 'StructureRetentionYears1796042603201';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_65898d188590fbd9e5f6657fcb"');
    await queryRunner.query(
      'CREATE TABLE "temporary_structure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(60) NOT NULL, "time_zone" varchar(60) NOT NULL DEFAULT (\'Europe/Paris\'), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "welcome_message" text, "logo_file" varchar(100), "logo_width" integer, "logo_height" integer, "logo_original_file" varchar(100), "logo_original_width" integer, "logo_original_height" integer, "counter_reset_at" datetime(3), "retention_years" integer NOT NULL DEFAULT (3))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_structure"("id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at") SELECT "id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at" FROM "structure"',
    );
    await queryRunner.query('DROP TABLE "structure"');
    await queryRunner.query('ALTER TABLE "temporary_structure" RENAME TO "structure"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_65898d188590fbd9e5f6657fcb"');
    await queryRunner.query('ALTER TABLE "structure" RENAME TO "temporary_structure"');
    await queryRunner.query(
      'CREATE TABLE "structure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(60) NOT NULL, "time_zone" varchar(60) NOT NULL DEFAULT (\'Europe/Paris\'), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "welcome_message" text, "logo_file" varchar(100), "logo_width" integer, "logo_height" integer, "logo_original_file" varchar(100), "logo_original_width" integer, "logo_original_height" integer, "counter_reset_at" datetime(3))',
    );
    await queryRunner.query(
      'INSERT INTO "structure"("id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at") SELECT "id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at" FROM "temporary_structure"',
    );
    await queryRunner.query('DROP TABLE "temporary_structure"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug") ');
  }
}
