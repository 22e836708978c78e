import { MigrationInterface, QueryRunner } from 'typeorm';

export class FamiliesAndAttendance1795922750163 implements MigrationInterface {
  name = 'FamiliesAndAttendance1795922750163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "family_id" integer NOT NULL, "last_name" varchar(100) NOT NULL, "first_name" varchar(100) NOT NULL, "search_name" varchar(201) NOT NULL, "sex_id" integer NOT NULL, "birth_date" date NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "avatar" varchar(30), "registered_on" date NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_615c5d82207a6ccf6e1b301109" ON "member" ("family_id") ');
    await queryRunner.query('CREATE INDEX "IDX_b6b857d28ed3f21e86e81e600a" ON "member" ("structure_id", "search_name") ');
    await queryRunner.query(
      'CREATE TABLE "family" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "name" varchar(100) NOT NULL, "search_name" varchar(100) NOT NULL, "qf_id" integer NOT NULL, "minima_id" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "anonymised_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_d6aab83d737b43aeab96b86817" ON "family" ("structure_id", "search_name") ');
    await queryRunner.query(
      'CREATE TABLE "slot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "date" date NOT NULL, "start_minute" integer NOT NULL, "end_minute" integer NOT NULL, "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_dd31a3e127decc691823994f02" ON "slot" ("structure_id", "date", "start_minute", "end_minute") ',
    );
    await queryRunner.query(
      'CREATE TABLE "attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "slot_id" integer NOT NULL, "member_id" integer NOT NULL, "family_id" integer NOT NULL, "arrived_at" datetime(3) NOT NULL, "sex_id" integer NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "source" varchar(10) NOT NULL, "recorded_by" integer, "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_4718257a77218bf58dab718add" ON "attendance" ("family_id") ');
    await queryRunner.query('CREATE INDEX "IDX_3a5359d29f22851facc4e4764e" ON "attendance" ("structure_id", "slot_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_b2a15ece48c3cd74f3b05f1952" ON "attendance" ("member_id", "slot_id") ');
    await queryRunner.query(
      'CREATE TABLE "funder_logo" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "file" varchar(100) NOT NULL, "alt" varchar(120) NOT NULL, "position" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL)',
    );
    await queryRunner.query('DROP INDEX "IDX_65898d188590fbd9e5f6657fcb"');
    await queryRunner.query(
      'CREATE TABLE "temporary_structure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(60) NOT NULL, "time_zone" varchar(60) NOT NULL DEFAULT (\'Europe/Paris\'), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "welcome_message" text, "logo_file" varchar(100), "logo_width" integer, "logo_height" integer, "logo_original_file" varchar(100), "logo_original_width" integer, "logo_original_height" integer, "counter_reset_at" datetime(3))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_structure"("id", "name", "slug", "time_zone", "active", "created_at") SELECT "id", "name", "slug", "time_zone", "active", "created_at" FROM "structure"',
    );
    await queryRunner.query('DROP TABLE "structure"');
    await queryRunner.query('ALTER TABLE "temporary_structure" RENAME TO "structure"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug") ');
    await queryRunner.query('DROP INDEX "IDX_08f6e9d8fb57d12e6a87af8295"');
    await queryRunner.query(
      'CREATE TABLE "temporary_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "realm" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(200) NOT NULL, "structure_id" integer, "family_id" integer, "token_version" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "password_changed_at" datetime(3) NOT NULL, "last_login_at" datetime(3), "member_id" integer, CONSTRAINT "FK_479f6a2f4bcb29a838705d8535b" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_account"("id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at") SELECT "id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at" FROM "account"',
    );
    await queryRunner.query('DROP TABLE "account"');
    await queryRunner.query('ALTER TABLE "temporary_account" RENAME TO "account"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_08f6e9d8fb57d12e6a87af8295" ON "account" ("realm", "email") ');
    await queryRunner.query('DROP INDEX "IDX_615c5d82207a6ccf6e1b301109"');
    await queryRunner.query('DROP INDEX "IDX_b6b857d28ed3f21e86e81e600a"');
    await queryRunner.query(
      'CREATE TABLE "temporary_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "family_id" integer NOT NULL, "last_name" varchar(100) NOT NULL, "first_name" varchar(100) NOT NULL, "search_name" varchar(201) NOT NULL, "sex_id" integer NOT NULL, "birth_date" date NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "avatar" varchar(30), "registered_on" date NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_8a4fe6ccd1b8ab71cf2aaa03331" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_615c5d82207a6ccf6e1b3011091" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_46f726344b9765a4530d337cc61" FOREIGN KEY ("sex_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_05d1b47fc06ca4c331ab048f8ed" FOREIGN KEY ("city_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_784d1a02d5886e56fec9dd33abe" FOREIGN KEY ("status_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_7201e27439ed094698452231c25" FOREIGN KEY ("minima_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_accad820e7e33721f8a06fdda80" FOREIGN KEY ("qf_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_member"("id", "structure_id", "family_id", "last_name", "first_name", "search_name", "sex_id", "birth_date", "city_id", "status_id", "minima_id", "qf_id", "avatar", "registered_on", "archived", "created_at", "updated_at") SELECT "id", "structure_id", "family_id", "last_name", "first_name", "search_name", "sex_id", "birth_date", "city_id", "status_id", "minima_id", "qf_id", "avatar", "registered_on", "archived", "created_at", "updated_at" FROM "member"',
    );
    await queryRunner.query('DROP TABLE "member"');
    await queryRunner.query('ALTER TABLE "temporary_member" RENAME TO "member"');
    await queryRunner.query('CREATE INDEX "IDX_615c5d82207a6ccf6e1b301109" ON "member" ("family_id") ');
    await queryRunner.query('CREATE INDEX "IDX_b6b857d28ed3f21e86e81e600a" ON "member" ("structure_id", "search_name") ');
    await queryRunner.query('DROP INDEX "IDX_d6aab83d737b43aeab96b86817"');
    await queryRunner.query(
      'CREATE TABLE "temporary_family" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "name" varchar(100) NOT NULL, "search_name" varchar(100) NOT NULL, "qf_id" integer NOT NULL, "minima_id" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "anonymised_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_1fe65cb8a7dd44905eacbd32b30" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_d366f736dfae777b18131c64fdf" FOREIGN KEY ("qf_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_ccad98c1fee9689889d14d5e317" FOREIGN KEY ("minima_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_family"("id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at") SELECT "id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at" FROM "family"',
    );
    await queryRunner.query('DROP TABLE "family"');
    await queryRunner.query('ALTER TABLE "temporary_family" RENAME TO "family"');
    await queryRunner.query('CREATE INDEX "IDX_d6aab83d737b43aeab96b86817" ON "family" ("structure_id", "search_name") ');
    await queryRunner.query('DROP INDEX "IDX_dd31a3e127decc691823994f02"');
    await queryRunner.query(
      'CREATE TABLE "temporary_slot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "date" date NOT NULL, "start_minute" integer NOT NULL, "end_minute" integer NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_1747f61e0c07a730b5d8532b982" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_slot"("id", "structure_id", "date", "start_minute", "end_minute", "created_at") SELECT "id", "structure_id", "date", "start_minute", "end_minute", "created_at" FROM "slot"',
    );
    await queryRunner.query('DROP TABLE "slot"');
    await queryRunner.query('ALTER TABLE "temporary_slot" RENAME TO "slot"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_dd31a3e127decc691823994f02" ON "slot" ("structure_id", "date", "start_minute", "end_minute") ',
    );
    await queryRunner.query('DROP INDEX "IDX_4718257a77218bf58dab718add"');
    await queryRunner.query('DROP INDEX "IDX_3a5359d29f22851facc4e4764e"');
    await queryRunner.query('DROP INDEX "IDX_b2a15ece48c3cd74f3b05f1952"');
    await queryRunner.query(
      'CREATE TABLE "temporary_attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "slot_id" integer NOT NULL, "member_id" integer NOT NULL, "family_id" integer NOT NULL, "arrived_at" datetime(3) NOT NULL, "sex_id" integer NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "source" varchar(10) NOT NULL, "recorded_by" integer, "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_71dfef744d08647bd0f5ad2c09a" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_dc83e0f81a2fc3ffdde4e60ff13" FOREIGN KEY ("slot_id") REFERENCES "slot" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_52d9db0d044b7bcc372147cf5ea" FOREIGN KEY ("member_id") REFERENCES "member" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_4718257a77218bf58dab718add4" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_f6682eeb2a0001c96fd99fc2680" FOREIGN KEY ("sex_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_8f6c99e777793a7964dfc736176" FOREIGN KEY ("city_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_e73feb292a5993a8643ce9deb8a" FOREIGN KEY ("status_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_516bf7b564965ab42da0be23070" FOREIGN KEY ("minima_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_937983de50f93b72dd50594e404" FOREIGN KEY ("qf_id") REFERENCES "ref_item" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_attendance"("id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at") SELECT "id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at" FROM "attendance"',
    );
    await queryRunner.query('DROP TABLE "attendance"');
    await queryRunner.query('ALTER TABLE "temporary_attendance" RENAME TO "attendance"');
    await queryRunner.query('CREATE INDEX "IDX_4718257a77218bf58dab718add" ON "attendance" ("family_id") ');
    await queryRunner.query('CREATE INDEX "IDX_3a5359d29f22851facc4e4764e" ON "attendance" ("structure_id", "slot_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_b2a15ece48c3cd74f3b05f1952" ON "attendance" ("member_id", "slot_id") ');
    await queryRunner.query('DROP INDEX "IDX_08f6e9d8fb57d12e6a87af8295"');
    await queryRunner.query(
      'CREATE TABLE "temporary_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "realm" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(200) NOT NULL, "structure_id" integer, "family_id" integer, "token_version" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "password_changed_at" datetime(3) NOT NULL, "last_login_at" datetime(3), "member_id" integer, CONSTRAINT "FK_479f6a2f4bcb29a838705d8535b" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_a66a0f13ecb49b5f7d04bbbb75f" FOREIGN KEY ("family_id") REFERENCES "family" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_982244edcfcee80f14f2bef945a" FOREIGN KEY ("member_id") REFERENCES "member" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_account"("id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at", "member_id") SELECT "id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at", "member_id" FROM "account"',
    );
    await queryRunner.query('DROP TABLE "account"');
    await queryRunner.query('ALTER TABLE "temporary_account" RENAME TO "account"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_08f6e9d8fb57d12e6a87af8295" ON "account" ("realm", "email") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_08f6e9d8fb57d12e6a87af8295"');
    await queryRunner.query('ALTER TABLE "account" RENAME TO "temporary_account"');
    await queryRunner.query(
      'CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "realm" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(200) NOT NULL, "structure_id" integer, "family_id" integer, "token_version" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "password_changed_at" datetime(3) NOT NULL, "last_login_at" datetime(3), "member_id" integer, CONSTRAINT "FK_479f6a2f4bcb29a838705d8535b" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "account"("id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at", "member_id") SELECT "id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at", "member_id" FROM "temporary_account"',
    );
    await queryRunner.query('DROP TABLE "temporary_account"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_08f6e9d8fb57d12e6a87af8295" ON "account" ("realm", "email") ');
    await queryRunner.query('DROP INDEX "IDX_b2a15ece48c3cd74f3b05f1952"');
    await queryRunner.query('DROP INDEX "IDX_3a5359d29f22851facc4e4764e"');
    await queryRunner.query('DROP INDEX "IDX_4718257a77218bf58dab718add"');
    await queryRunner.query('ALTER TABLE "attendance" RENAME TO "temporary_attendance"');
    await queryRunner.query(
      'CREATE TABLE "attendance" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "slot_id" integer NOT NULL, "member_id" integer NOT NULL, "family_id" integer NOT NULL, "arrived_at" datetime(3) NOT NULL, "sex_id" integer NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "source" varchar(10) NOT NULL, "recorded_by" integer, "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "attendance"("id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at") SELECT "id", "structure_id", "slot_id", "member_id", "family_id", "arrived_at", "sex_id", "city_id", "status_id", "minima_id", "qf_id", "source", "recorded_by", "created_at" FROM "temporary_attendance"',
    );
    await queryRunner.query('DROP TABLE "temporary_attendance"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_b2a15ece48c3cd74f3b05f1952" ON "attendance" ("member_id", "slot_id") ');
    await queryRunner.query('CREATE INDEX "IDX_3a5359d29f22851facc4e4764e" ON "attendance" ("structure_id", "slot_id") ');
    await queryRunner.query('CREATE INDEX "IDX_4718257a77218bf58dab718add" ON "attendance" ("family_id") ');
    await queryRunner.query('DROP INDEX "IDX_dd31a3e127decc691823994f02"');
    await queryRunner.query('ALTER TABLE "slot" RENAME TO "temporary_slot"');
    await queryRunner.query(
      'CREATE TABLE "slot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "date" date NOT NULL, "start_minute" integer NOT NULL, "end_minute" integer NOT NULL, "created_at" datetime(3) NOT NULL)',
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
      'CREATE TABLE "family" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "name" varchar(100) NOT NULL, "search_name" varchar(100) NOT NULL, "qf_id" integer NOT NULL, "minima_id" integer NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "anonymised_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "family"("id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at") SELECT "id", "structure_id", "name", "search_name", "qf_id", "minima_id", "archived", "anonymised_at", "created_at", "updated_at" FROM "temporary_family"',
    );
    await queryRunner.query('DROP TABLE "temporary_family"');
    await queryRunner.query('CREATE INDEX "IDX_d6aab83d737b43aeab96b86817" ON "family" ("structure_id", "search_name") ');
    await queryRunner.query('DROP INDEX "IDX_b6b857d28ed3f21e86e81e600a"');
    await queryRunner.query('DROP INDEX "IDX_615c5d82207a6ccf6e1b301109"');
    await queryRunner.query('ALTER TABLE "member" RENAME TO "temporary_member"');
    await queryRunner.query(
      'CREATE TABLE "member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "family_id" integer NOT NULL, "last_name" varchar(100) NOT NULL, "first_name" varchar(100) NOT NULL, "search_name" varchar(201) NOT NULL, "sex_id" integer NOT NULL, "birth_date" date NOT NULL, "city_id" integer NOT NULL, "status_id" integer NOT NULL, "minima_id" integer NOT NULL, "qf_id" integer NOT NULL, "avatar" varchar(30), "registered_on" date NOT NULL, "archived" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "member"("id", "structure_id", "family_id", "last_name", "first_name", "search_name", "sex_id", "birth_date", "city_id", "status_id", "minima_id", "qf_id", "avatar", "registered_on", "archived", "created_at", "updated_at") SELECT "id", "structure_id", "family_id", "last_name", "first_name", "search_name", "sex_id", "birth_date", "city_id", "status_id", "minima_id", "qf_id", "avatar", "registered_on", "archived", "created_at", "updated_at" FROM "temporary_member"',
    );
    await queryRunner.query('DROP TABLE "temporary_member"');
    await queryRunner.query('CREATE INDEX "IDX_b6b857d28ed3f21e86e81e600a" ON "member" ("structure_id", "search_name") ');
    await queryRunner.query('CREATE INDEX "IDX_615c5d82207a6ccf6e1b301109" ON "member" ("family_id") ');
    await queryRunner.query('DROP INDEX "IDX_08f6e9d8fb57d12e6a87af8295"');
    await queryRunner.query('ALTER TABLE "account" RENAME TO "temporary_account"');
    await queryRunner.query(
      'CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "realm" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(200) NOT NULL, "structure_id" integer, "family_id" integer, "token_version" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "password_changed_at" datetime(3) NOT NULL, "last_login_at" datetime(3), CONSTRAINT "FK_479f6a2f4bcb29a838705d8535b" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "account"("id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at") SELECT "id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at" FROM "temporary_account"',
    );
    await queryRunner.query('DROP TABLE "temporary_account"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_08f6e9d8fb57d12e6a87af8295" ON "account" ("realm", "email") ');
    await queryRunner.query('DROP INDEX "IDX_65898d188590fbd9e5f6657fcb"');
    await queryRunner.query('ALTER TABLE "structure" RENAME TO "temporary_structure"');
    await queryRunner.query(
      'CREATE TABLE "structure" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(100) NOT NULL, "slug" varchar(60) NOT NULL, "time_zone" varchar(60) NOT NULL DEFAULT (\'Europe/Paris\'), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "structure"("id", "name", "slug", "time_zone", "active", "created_at") SELECT "id", "name", "slug", "time_zone", "active", "created_at" FROM "temporary_structure"',
    );
    await queryRunner.query('DROP TABLE "temporary_structure"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_65898d188590fbd9e5f6657fcb" ON "structure" ("slug") ');
    await queryRunner.query('DROP TABLE "funder_logo"');
    await queryRunner.query('DROP INDEX "IDX_b2a15ece48c3cd74f3b05f1952"');
    await queryRunner.query('DROP INDEX "IDX_3a5359d29f22851facc4e4764e"');
    await queryRunner.query('DROP INDEX "IDX_4718257a77218bf58dab718add"');
    await queryRunner.query('DROP TABLE "attendance"');
    await queryRunner.query('DROP INDEX "IDX_dd31a3e127decc691823994f02"');
    await queryRunner.query('DROP TABLE "slot"');
    await queryRunner.query('DROP INDEX "IDX_d6aab83d737b43aeab96b86817"');
    await queryRunner.query('DROP TABLE "family"');
    await queryRunner.query('DROP INDEX "IDX_b6b857d28ed3f21e86e81e600a"');
    await queryRunner.query('DROP INDEX "IDX_615c5d82207a6ccf6e1b301109"');
    await queryRunner.query('DROP TABLE "member"');
  }
}
