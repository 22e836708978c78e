import { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedThrottleAndSlotsVersion1796044761203 implements MigrationInterface {
  name = 'SharedThrottleAndSlotsVersion1796044761203';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "throttle_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "bucket" varchar(24) NOT NULL, "key_hash" varchar(64) NOT NULL, "at" datetime(3) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_throttle_event_bucket_key_at" ON "throttle_event" ("bucket", "key_hash", "at") ');
    await queryRunner.query(
      'CREATE TABLE "throttle_key" ("bucket" varchar(24) NOT NULL, "key_hash" varchar(64) NOT NULL, "at" datetime(3) NOT NULL, PRIMARY KEY ("bucket", "key_hash"))',
    );
    await queryRunner.query('DROP INDEX "IDX_65898d188590fbd9e5f6657fcb"');
    await queryRunner.query(
      'CREATE TABLE "temporary_structure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(60) NOT NULL, "time_zone" varchar(60) NOT NULL DEFAULT (\'Europe/Paris\'), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "welcome_message" text, "logo_file" varchar(100), "logo_width" integer, "logo_height" integer, "logo_original_file" varchar(100), "logo_original_width" integer, "logo_original_height" integer, "counter_reset_at" datetime(3), "retention_years" integer NOT NULL DEFAULT (3), "slots_version" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_structure"("id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at", "retention_years") SELECT "id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at", "retention_years" FROM "structure"',
    );
    await queryRunner.query('DROP TABLE "structure"');
    await queryRunner.query('ALTER TABLE "temporary_structure" RENAME TO "structure"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_65898d188590fbd9e5f6657fcb"');
    await queryRunner.query('ALTER TABLE "structure" RENAME TO "temporary_structure"');
    await queryRunner.query(
      'CREATE TABLE "structure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(60) NOT NULL, "time_zone" varchar(60) NOT NULL DEFAULT (\'Europe/Paris\'), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "welcome_message" text, "logo_file" varchar(100), "logo_width" integer, "logo_height" integer, "logo_original_file" varchar(100), "logo_original_width" integer, "logo_original_height" integer, "counter_reset_at" datetime(3), "retention_years" integer NOT NULL DEFAULT (3))',
    );
    await queryRunner.query(
      'INSERT INTO "structure"("id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at", "retention_years") SELECT "id", "name", "slug", "time_zone", "active", "created_at", "welcome_message", "logo_file", "logo_width", "logo_height", "logo_original_file", "logo_original_width", "logo_original_height", "counter_reset_at", "retention_years" FROM "temporary_structure"',
    );
    await queryRunner.query('DROP TABLE "temporary_structure"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug") ');
    await queryRunner.query('DROP TABLE "throttle_key"');
    await queryRunner.query('DROP INDEX "IDX_throttle_event_bucket_key_at"');
    await queryRunner.query('DROP TABLE "throttle_event"');
  }
}
