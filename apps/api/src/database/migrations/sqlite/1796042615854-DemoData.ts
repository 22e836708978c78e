import { MigrationInterface, QueryRunner } from 'typeorm';

export class DemoData1796042615854 implements MigrationInterface {
  name = 'DemoData1796042615854';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_d6aab83d737b43aeab96b86817"');
    await queryRunner.query(
      'CREATE TABLE "temporary_family" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "name" varchar(100) NOT NULL, "search_name" varchar(100) NOT NULL, "qf_id" integer NOT NULL, "minima_id" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "anonymised_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "demo" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_ccad98c1fee9689889d14d5e317" FOREIGN KEY ("minima_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_d366f736dfae777b18131c64fdf" FOREIGN KEY ("qf_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_1fe65cb8a7dd44905eacbd32b30" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_family"("id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at") SELECT "id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at" FROM "family"',
    );
    await queryRunner.query('DROP TABLE "family"');
    await queryRunner.query('ALTER TABLE "temporary_family" RENAME TO "family"');
    await queryRunner.query('CREATE INDEX "IDX_d6aab83d737b43aeab96b86817" ON "family" ("structure_id", "search_name") ');
    await queryRunner.query('DROP INDEX "IDX_dd31a3e127decc691823994f02"');
    await queryRunner.query(
      'CREATE TABLE "temporary_slot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "date" date NOT NULL, "start_minute" integer NOT NULL, "end_minute" integer NOT NULL, "created_at" datetime(3) NOT NULL, "demo" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_1747f61e0c07a730b5d8532b982" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_slot"("id", "structure_id", "date", "start_minute", "end_minute", "created_at") SELECT "id", "structure_id", "date", "start_minute", "end_minute", "created_at" FROM "slot"',
    );
    await queryRunner.query('DROP TABLE "slot"');
    await queryRunner.query('ALTER TABLE "temporary_slot" RENAME TO "slot"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_dd31a3e127decc691823994f02" ON "slot" ("structure_id", "date", "start_minute", "end_minute") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_dd31a3e127decc691823994f02"');
    await queryRunner.query('ALTER TABLE "slot" RENAME TO "temporary_slot"');
    await queryRunner.query(
      'CREATE TABLE "slot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "date" date NOT NULL, "start_minute" integer NOT NULL, "end_minute" integer NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_1747f61e0c07a730b5d8532b982" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "slot"("id", "structure_id", "date", "start_minute", "end_minute", "created_at") SELECT "id", "structure_id", "date", "start_minute", "end_minute", "created_at" FROM "temporary_slot"',
    );
    await queryRunner.query('DROP TABLE "temporary_slot"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_dd31a3e127decc691823994f02" ON "slot" ("structure_id", "date", "start_minute", "end_minute") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d6aab83d737b43aeab96b86817"');
    await queryRunner.query('ALTER TABLE "family" RENAME TO "temporary_family"');
    await queryRunner.query(
      'CREATE TABLE "family" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "name" varchar(100) NOT NULL, "search_name" varchar(100) NOT NULL, "qf_id" integer NOT NULL, "minima_id" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "anonymised_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_ccad98c1fee9689889d14d5e317" FOREIGN KEY ("minima_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_d366f736dfae777b18131c64fdf" FOREIGN KEY ("qf_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_1fe65cb8a7dd44905eacbd32b30" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "family"("id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at") SELECT "id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at" FROM "temporary_family"',
    );
    await queryRunner.query('DROP TABLE "temporary_family"');
    await queryRunner.query('CREATE INDEX "IDX_d6aab83d737b43aeab96b86817" ON "family" ("structure_id", "search_name") ');
  }
}
