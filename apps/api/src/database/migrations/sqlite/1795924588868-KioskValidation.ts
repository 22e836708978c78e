import { MigrationInterface, QueryRunner } from 'typeorm';

export class KioskValidation1795924588868 implements MigrationInterface {
  name = 'KioskValidation1795924588868';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "kiosk_validation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "key" varchar(64) NOT NULL, "claim" varchar(36) NOT NULL, "family_id" integer NOT NULL, "result" text, "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_7a0752c440ab8a7ea2ab147058" ON "kiosk_validation" ("created_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_8fa19469ed5a39f6051671b247" ON "kiosk_validation" ("structure_id", "key") ');
    await queryRunner.query('DROP INDEX "IDX_7a0752c440ab8a7ea2ab147058"');
    await queryRunner.query('DROP INDEX "IDX_8fa19469ed5a39f6051671b247"');
    await queryRunner.query(
      'CREATE TABLE "temporary_kiosk_validation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "key" varchar(64) NOT NULL, "claim" varchar(36) NOT NULL, "family_id" integer NOT NULL, "result" text, "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_56f3ca3b314e7de027d99fbcead" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_kiosk_validation"("id", "structure_id", "key", "claim", "family_id", "result", "created_at") SELECT "id", "structure_id", "key", "claim", "family_id", "result", "created_at" FROM "kiosk_validation"',
    );
    await queryRunner.query('DROP TABLE "kiosk_validation"');
    await queryRunner.query('ALTER TABLE "temporary_kiosk_validation" RENAME TO "kiosk_validation"');
    await queryRunner.query('CREATE INDEX "IDX_7a0752c440ab8a7ea2ab147058" ON "kiosk_validation" ("created_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_8fa19469ed5a39f6051671b247" ON "kiosk_validation" ("structure_id", "key") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_8fa19469ed5a39f6051671b247"');
    await queryRunner.query('DROP INDEX "IDX_7a0752c440ab8a7ea2ab147058"');
    await queryRunner.query('ALTER TABLE "kiosk_validation" RENAME TO "temporary_kiosk_validation"');
    await queryRunner.query(
      'CREATE TABLE "kiosk_validation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "key" varchar(64) NOT NULL, "claim" varchar(36) NOT NULL, "family_id" integer NOT NULL, "result" text, "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "kiosk_validation"("id", "structure_id", "key", "claim", "family_id", "result", "created_at") SELECT "id", "structure_id", "key", "claim", "family_id", "result", "created_at" FROM "temporary_kiosk_validation"',
    );
    await queryRunner.query('DROP TABLE "temporary_kiosk_validation"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_8fa19469ed5a39f6051671b247" ON "kiosk_validation" ("structure_id", "key") ');
    await queryRunner.query('CREATE INDEX "IDX_7a0752c440ab8a7ea2ab147058" ON "kiosk_validation" ("created_at") ');
    await queryRunner.query('DROP INDEX "IDX_8fa19469ed5a39f6051671b247"');
    await queryRunner.query('DROP INDEX "IDX_7a0752c440ab8a7ea2ab147058"');
    await queryRunner.query('DROP TABLE "kiosk_validation"');
  }
}
