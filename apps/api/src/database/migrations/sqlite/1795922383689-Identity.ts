import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795922383689 implements MigrationInterface {
  name = 'Identity1795922383689';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(3) NOT NULL, "structure_id" integer, "actor_account_id" integer, "actor_label" varchar(254) NOT NULL, "actor_role" varchar(20), "acting_as" varchar(200), "action" varchar(60) NOT NULL, "target_type" varchar(40), "target_id" varchar(40), "details" text, "ip" varchar(64))',
    );
    await queryRunner.query('CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_7a9e4f0b7b7717598108a7a66d" ON "audit_entry" ("target_type", "target_id") ');
    await queryRunner.query('CREATE INDEX "IDX_639061e5915e0425672f1c7251" ON "audit_entry" ("structure_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "realm" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(200) NOT NULL, "structure_id" integer, "family_id" integer, "token_version" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "password_changed_at" datetime(3) NOT NULL, "last_login_at" datetime(3))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_08f6e9d8fb57d12e6a87af8295" ON "account" ("realm", "email") ');
    await queryRunner.query(
      'CREATE TABLE "password_reset_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_a802f319abf4af2432d629dfe5" ON "password_reset_token" ("token_hash") ');
    await queryRunner.query(
      'CREATE TABLE "age_bracket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "min_age" integer NOT NULL, "max_age" integer NOT NULL, "position" integer NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_1d14fbf86065855098daecf77a" ON "age_bracket" ("structure_id", "position") ');
    await queryRunner.query(
      'CREATE TABLE "ref_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "kind" varchar(20) NOT NULL, "label" varchar(80) NOT NULL, "position" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "is_child" boolean NOT NULL DEFAULT (0), "code" varchar(30))',
    );
    await queryRunner.query('CREATE INDEX "IDX_fcb792e512815eabdb6430744e" ON "ref_item" ("structure_id", "kind", "position") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_ef76afb6e057198aeb47e2b98f" ON "ref_item" ("structure_id", "kind", "label") ');
    await queryRunner.query('DROP INDEX "IDX_9d18bd4a32fc0cd8ff82b12037"');
    await queryRunner.query('DROP INDEX "IDX_7a9e4f0b7b7717598108a7a66d"');
    await queryRunner.query('DROP INDEX "IDX_639061e5915e0425672f1c7251"');
    await queryRunner.query(
      'CREATE TABLE "temporary_audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(3) NOT NULL, "structure_id" integer, "actor_account_id" integer, "actor_label" varchar(254) NOT NULL, "actor_role" varchar(20), "acting_as" varchar(200), "action" varchar(60) NOT NULL, "target_type" varchar(40), "target_id" varchar(40), "details" text, "ip" varchar(64), CONSTRAINT "FK_37cf5aebcc64ba9d2a58ac94aad" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_audit_entry"("id", "at", "structure_id", "actor_account_id", "actor_label", "actor_role", "acting_as", "action", "target_type", "target_id", "details", "ip") SELECT "id", "at", "structure_id", "actor_account_id", "actor_label", "actor_role", "acting_as", "action", "target_type", "target_id", "details", "ip" FROM "audit_entry"',
    );
    await queryRunner.query('DROP TABLE "audit_entry"');
    await queryRunner.query('ALTER TABLE "temporary_audit_entry" RENAME TO "audit_entry"');
    await queryRunner.query('CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry" ("at") ');
    await queryRunner.query('CREATE INDEX "IDX_7a9e4f0b7b7717598108a7a66d" ON "audit_entry" ("target_type", "target_id") ');
    await queryRunner.query('CREATE INDEX "IDX_639061e5915e0425672f1c7251" ON "audit_entry" ("structure_id", "at") ');
    await queryRunner.query('DROP INDEX "IDX_08f6e9d8fb57d12e6a87af8295"');
    await queryRunner.query(
      'CREATE TABLE "temporary_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "realm" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(200) NOT NULL, "structure_id" integer, "family_id" integer, "token_version" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "password_changed_at" datetime(3) NOT NULL, "last_login_at" datetime(3), CONSTRAINT "FK_479f6a2f4bcb29a838705d8535b" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_account"("id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at") SELECT "id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at" FROM "account"',
    );
    await queryRunner.query('DROP TABLE "account"');
    await queryRunner.query('ALTER TABLE "temporary_account" RENAME TO "account"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_08f6e9d8fb57d12e6a87af8295" ON "account" ("realm", "email") ');
    await queryRunner.query('DROP INDEX "IDX_a802f319abf4af2432d629dfe5"');
    await queryRunner.query(
      'CREATE TABLE "temporary_password_reset_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_4a4ecaa68c52c3120b09bf818e9" FOREIGN KEY ("account_id") REFERENCES "account" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_password_reset_token"("id", "account_id", "token_hash", "expires_at", "used_at", "created_at") SELECT "id", "account_id", "token_hash", "expires_at", "used_at", "created_at" FROM "password_reset_token"',
    );
    await queryRunner.query('DROP TABLE "password_reset_token"');
    await queryRunner.query('ALTER TABLE "temporary_password_reset_token" RENAME TO "password_reset_token"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_a802f319abf4af2432d629dfe5" ON "password_reset_token" ("token_hash") ');
    await queryRunner.query('DROP INDEX "IDX_1d14fbf86065855098daecf77a"');
    await queryRunner.query(
      'CREATE TABLE "temporary_age_bracket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "min_age" integer NOT NULL, "max_age" integer NOT NULL, "position" integer NOT NULL, CONSTRAINT "FK_6a0d9d3ecbacd4c3cb5e5559e17" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_age_bracket"("id", "structure_id", "min_age", "max_age", "position") SELECT "id", "structure_id", "min_age", "max_age", "position" FROM "age_bracket"',
    );
    await queryRunner.query('DROP TABLE "age_bracket"');
    await queryRunner.query('ALTER TABLE "temporary_age_bracket" RENAME TO "age_bracket"');
    await queryRunner.query('CREATE INDEX "IDX_1d14fbf86065855098daecf77a" ON "age_bracket" ("structure_id", "position") ');
    await queryRunner.query('DROP INDEX "IDX_fcb792e512815eabdb6430744e"');
    await queryRunner.query('DROP INDEX "IDX_ef76afb6e057198aeb47e2b98f"');
    await queryRunner.query(
      'CREATE TABLE "temporary_ref_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "kind" varchar(20) NOT NULL, "label" varchar(80) NOT NULL, "position" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "is_child" boolean NOT NULL DEFAULT (0), "code" varchar(30), CONSTRAINT "FK_92b8a92d2faf95a15356e1069ba" FOREIGN KEY ("structure_id") REFERENCES "structure" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_ref_item"("id", "structure_id", "kind", "label", "position", "active", "is_child", "code") SELECT "id", "structure_id", "kind", "label", "position", "active", "is_child", "code" FROM "ref_item"',
    );
    await queryRunner.query('DROP TABLE "ref_item"');
    await queryRunner.query('ALTER TABLE "temporary_ref_item" RENAME TO "ref_item"');
    await queryRunner.query('CREATE INDEX "IDX_fcb792e512815eabdb6430744e" ON "ref_item" ("structure_id", "kind", "position") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_ef76afb6e057198aeb47e2b98f" ON "ref_item" ("structure_id", "kind", "label") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_ef76afb6e057198aeb47e2b98f"');
    await queryRunner.query('DROP INDEX "IDX_fcb792e512815eabdb6430744e"');
    await queryRunner.query('ALTER TABLE "ref_item" RENAME TO "temporary_ref_item"');
    await queryRunner.query(
      'CREATE TABLE "ref_item" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "kind" varchar(20) NOT NULL, "label" varchar(80) NOT NULL, "position" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "is_child" boolean NOT NULL DEFAULT (0), "code" varchar(30))',
    );
    await queryRunner.query(
      'INSERT INTO "ref_item"("id", "structure_id", "kind", "label", "position", "active", "is_child", "code") SELECT "id", "structure_id", "kind", "label", "position", "active", "is_child", "code" FROM "temporary_ref_item"',
    );
    await queryRunner.query('DROP TABLE "temporary_ref_item"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_ef76afb6e057198aeb47e2b98f" ON "ref_item" ("structure_id", "kind", "label") ');
    await queryRunner.query('CREATE INDEX "IDX_fcb792e512815eabdb6430744e" ON "ref_item" ("structure_id", "kind", "position") ');
    await queryRunner.query('DROP INDEX "IDX_1d14fbf86065855098daecf77a"');
    await queryRunner.query('ALTER TABLE "age_bracket" RENAME TO "temporary_age_bracket"');
    await queryRunner.query(
      'CREATE TABLE "age_bracket" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "structure_id" integer NOT NULL, "min_age" integer NOT NULL, "max_age" integer NOT NULL, "position" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "age_bracket"("id", "structure_id", "min_age", "max_age", "position") SELECT "id", "structure_id", "min_age", "max_age", "position" FROM "temporary_age_bracket"',
    );
    await queryRunner.query('DROP TABLE "temporary_age_bracket"');
    await queryRunner.query('CREATE INDEX "IDX_1d14fbf86065855098daecf77a" ON "age_bracket" ("structure_id", "position") ');
    await queryRunner.query('DROP INDEX "IDX_a802f319abf4af2432d629dfe5"');
    await queryRunner.query('ALTER TABLE "password_reset_token" RENAME TO "temporary_password_reset_token"');
    await queryRunner.query(
      'CREATE TABLE "password_reset_token" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "created_at" datetime(3) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "password_reset_token"("id", "account_id", "token_hash", "expires_at", "used_at", "created_at") SELECT "id", "account_id", "token_hash", "expires_at", "used_at", "created_at" FROM "temporary_password_reset_token"',
    );
    await queryRunner.query('DROP TABLE "temporary_password_reset_token"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_a802f319abf4af2432d629dfe5" ON "password_reset_token" ("token_hash") ');
    await queryRunner.query('DROP INDEX "IDX_08f6e9d8fb57d12e6a87af8295"');
    await queryRunner.query('ALTER TABLE "account" RENAME TO "temporary_account"');
    await queryRunner.query(
      'CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "role" varchar(20) NOT NULL, "email" varchar(254) NOT NULL, "realm" varchar(20) NOT NULL, "password_hash" varchar(255) NOT NULL, "display_name" varchar(200) NOT NULL, "structure_id" integer, "family_id" integer, "token_version" integer NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "created_at" datetime(3) NOT NULL, "password_changed_at" datetime(3) NOT NULL, "last_login_at" datetime(3))',
    );
    await queryRunner.query(
      'INSERT INTO "account"("id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at") SELECT "id", "role", "email", "realm", "password_hash", "display_name", "structure_id", "family_id", "token_version", "active", "created_at", "password_changed_at", "last_login_at" FROM "temporary_account"',
    );
    await queryRunner.query('DROP TABLE "temporary_account"');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_08f6e9d8fb57d12e6a87af8295" ON "account" ("realm", "email") ');
    await queryRunner.query('DROP INDEX "IDX_639061e5915e0425672f1c7251"');
    await queryRunner.query('DROP INDEX "IDX_7a9e4f0b7b7717598108a7a66d"');
    await queryRunner.query('DROP INDEX "IDX_9d18bd4a32fc0cd8ff82b12037"');
    await queryRunner.query('ALTER TABLE "audit_entry" RENAME TO "temporary_audit_entry"');
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(3) NOT NULL, "structure_id" integer, "actor_account_id" integer, "actor_label" varchar(254) NOT NULL, "actor_role" varchar(20), "acting_as" varchar(200), "action" varchar(60) NOT NULL, "target_type" varchar(40), "target_id" varchar(40), "details" text, "ip" varchar(64))',
    );
    await queryRunner.query(
      'INSERT INTO "audit_entry"("id", "at", "structure_id", "actor_account_id", "actor_label", "actor_role", "acting_as", "action", "target_type", "target_id", "details", "ip") SELECT "id", "at", "structure_id", "actor_account_id", "actor_label", "actor_role", "acting_as", "action", "target_type", "target_id", "details", "ip" FROM "temporary_audit_entry"',
    );
    await queryRunner.query('DROP TABLE "temporary_audit_entry"');
    await queryRunner.query('CREATE INDEX "IDX_639061e5915e0425672f1c7251" ON "audit_entry" ("structure_id", "at") ');
    await queryRunner.query('CREATE INDEX "IDX_7a9e4f0b7b7717598108a7a66d" ON "audit_entry" ("target_type", "target_id") ');
    await queryRunner.query('CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry" ("at") ');
    await queryRunner.query('DROP INDEX "IDX_ef76afb6e057198aeb47e2b98f"');
    await queryRunner.query('DROP INDEX "IDX_fcb792e512815eabdb6430744e"');
    await queryRunner.query('DROP TABLE "ref_item"');
    await queryRunner.query('DROP INDEX "IDX_1d14fbf86065855098daecf77a"');
    await queryRunner.query('DROP TABLE "age_bracket"');
    await queryRunner.query('DROP INDEX "IDX_a802f319abf4af2432d629dfe5"');
    await queryRunner.query('DROP TABLE "password_reset_token"');
    await queryRunner.query('DROP INDEX "IDX_08f6e9d8fb57d12e6a87af8295"');
    await queryRunner.query('DROP TABLE "account"');
    await queryRunner.query('DROP INDEX "IDX_639061e5915e0425672f1c7251"');
    await queryRunner.query('DROP INDEX "IDX_7a9e4f0b7b7717598108a7a66d"');
    await queryRunner.query('DROP INDEX "IDX_9d18bd4a32fc0cd8ff82b12037"');
    await queryRunner.query('DROP TABLE "audit_entry"');
  }
}
