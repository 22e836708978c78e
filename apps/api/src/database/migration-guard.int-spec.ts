import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { testDialect } from '../../test/harness';
import { createTempDatabase, TempDatabase } from '../../test/mariadb';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source';
import { MigrationFailedError, runMigrationsGuarded, snapshotSchema } from './migration-guard';

/**
 * runMigrationsGuarded on small migrations of its own: a migration that adds
 * a table, columns, indexes, foreign keys and constraints and then fails leaves
 * the schema and the rows as they were before it (SQLite: the transaction;
 * MariaDB: what it added is removed, including the foreign-key index MariaDB
 * dropped by itself), so that the same migration, fixed, then runs; one that
 * dropped something says that the database could not be put back.
 * upgrade.int-spec.ts does the same with the real migrations and the built app.
 */
const dialect = testDialect();

const SQL = {
  sqlite: {
    base: [
      'CREATE TABLE "parent" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(20) NOT NULL)',
      'CREATE TABLE "child" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parent_id" integer NOT NULL REFERENCES "parent" ("id"))',
      'CREATE INDEX "IDX_child_parent" ON "child" ("parent_id")',
      `INSERT INTO "parent" ("name") VALUES ('un'), ('deux')`,
      'INSERT INTO "child" ("parent_id") VALUES (1), (1), (2)',
    ],
    additions: [
      'CREATE TABLE "extra" ("id" integer PRIMARY KEY NOT NULL, "parent_id" integer REFERENCES "parent" ("id"))',
      'ALTER TABLE "child" ADD "note" varchar(10)',
      'CREATE INDEX "IDX_child_parent_note" ON "child" ("parent_id", "note")',
      'CREATE UNIQUE INDEX "IDX_parent_name" ON "parent" ("name")',
      'CREATE TRIGGER "trg_parent" AFTER INSERT ON "parent" BEGIN SELECT 1; END',
      `UPDATE "child" SET "note" = 'x'`,
      'INSERT INTO "extra" ("id", "parent_id") VALUES (1, 1)',
    ],
    removal: 'ALTER TABLE "parent" DROP COLUMN "name"',
  },
  mariadb: {
    base: [
      'CREATE TABLE `parent` (`id` int NOT NULL AUTO_INCREMENT, `name` varchar(20) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
      // No index of its own: MariaDB creates one named after the key.
      'CREATE TABLE `child` (`id` int NOT NULL AUTO_INCREMENT, `parent_id` int NOT NULL, PRIMARY KEY (`id`), CONSTRAINT `FK_child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`)) ENGINE=InnoDB',
      "INSERT INTO `parent` (`name`) VALUES ('un'), ('deux')",
      'INSERT INTO `child` (`parent_id`) VALUES (1), (1), (2)',
    ],
    additions: [
      'CREATE TABLE `extra` (`id` int NOT NULL, `parent_id` int NULL, PRIMARY KEY (`id`), CONSTRAINT `FK_extra_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`)) ENGINE=InnoDB',
      'ALTER TABLE `child` ADD `note` varchar(10) NULL',
      // Can serve FK_child_parent: MariaDB silently drops that key's own index.
      'CREATE INDEX `IDX_child_parent_note` ON `child` (`parent_id`, `note`)',
      'CREATE UNIQUE INDEX `IDX_parent_name` ON `parent` (`name`)',
      'ALTER TABLE `parent` ADD CONSTRAINT `CHK_parent_name` CHECK (CHAR_LENGTH(`name`) > 0)',
      'ALTER TABLE `child` ADD `parent2_id` int NULL, ADD CONSTRAINT `FK_child_parent2` FOREIGN KEY (`parent2_id`) REFERENCES `parent` (`id`)',
      'ALTER TABLE `parent` ADD `flags` json NULL',
      "UPDATE `child` SET `note` = 'x'",
      'INSERT INTO `extra` (`id`, `parent_id`) VALUES (1, 1)',
    ],
    removal: 'ALTER TABLE `parent` DROP COLUMN `name`',
  },
}[dialect];

function migration(name: string, statements: string[], fail = false): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;
    async up(runner: QueryRunner): Promise<void> {
      for (const s of statements) await runner.query(s);
      if (fail) await runner.query('SELECT * FROM no_such_table');
    }
    async down(): Promise<void> {
      /* not used */
    }
  };
}

const Base = migration('Base1000000000001', SQL.base);
const Additions = (fail: boolean) => migration('Additions1000000000002', SQL.additions, fail);
const Removal = migration('Removal1000000000002', [SQL.removal], true);

describe(`runMigrationsGuarded (${dialect})`, () => {
  let dir: string;
  let tempDb: TempDatabase | null = null;
  let db: AppConfig['db'];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pointage-guard-'));
    if (dialect === 'mariadb') {
      tempDb = await createTempDatabase('guard');
      db = { type: 'mariadb', url: tempDb.url } as AppConfig['db'];
    } else {
      db = { type: 'sqlite', path: join(dir, 'guard.sqlite') } as AppConfig['db'];
    }
  });
  afterEach(async () => {
    await tempDb?.drop();
    tempDb = null;
    rmSync(dir, { recursive: true, force: true });
  });

  async function withMigrations<T>(migrations: (new () => MigrationInterface)[], work: (ds: DataSource) => Promise<T>): Promise<T> {
    const ds = new DataSource({ ...dataSourceOptions(db, { queryTimeout: false, migrations: true }), entities: [], migrations } as never);
    await ds.initialize();
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  }

  /** Schema (the guard's reading, and the engine's own CREATE statements), rows and migrations. */
  async function state(ds: DataSource) {
    const create: Record<string, string> = {};
    if (dialect === 'mariadb') {
      const tables: { t: string }[] = await ds.query(
        'SELECT TABLE_NAME t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY t',
      );
      for (const { t } of tables)
        create[t] = ((await ds.query(`SHOW CREATE TABLE \`${t}\``)) as Record<string, string>[])[0]['Create Table'];
    } else {
      for (const r of (await ds.query('SELECT name, sql FROM sqlite_master ORDER BY name')) as { name: string; sql: string }[])
        create[r.name] = r.sql;
    }
    return {
      schema: await snapshotSchema(ds, dialect),
      create,
      parent: await ds.query('SELECT * FROM parent ORDER BY id'),
      child: await ds.query('SELECT * FROM child ORDER BY id'),
      migrations: ((await ds.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((r) => r.name),
    };
  }

  it('undoes every addition of a failed migration, which then runs once fixed', async () => {
    const before = await withMigrations([Base], async (ds) => {
      await runMigrationsGuarded(ds);
      return state(ds);
    });
    expect(before.migrations).toEqual(['Base1000000000001']);

    const error = await withMigrations([Base, Additions(true)], (ds) =>
      runMigrationsGuarded(ds).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failure = error as MigrationFailedError;
    expect(failure.migration).toBe('Additions1000000000002');
    expect(failure.restored).toBe(true);
    expect(failure.message).toMatch(
      /^La migration Additions1000000000002 a échoué : .*no_such_table.*\. La base est restée dans son état d'avant cette migration \(.*dernière migration appliquée : Base1000000000001\)\. Pointage ne démarre pas/,
    );
    expect(failure.message).not.toContain('\n');
    if (dialect === 'mariadb') {
      expect(failure.message).toContain('table « extra »');
      expect(failure.message).toContain('index « child.FK_child_parent » remis');
    }
    await withMigrations([Base], async (ds) => expect(await state(ds)).toEqual(before));

    // The same migration without its fault: nothing of the first attempt is in its way.
    await withMigrations([Base, Additions(false)], async (ds) => {
      await runMigrationsGuarded(ds);
      const after = await state(ds);
      expect(after.migrations).toEqual(['Base1000000000001', 'Additions1000000000002']);
      expect(after.child).toEqual(
        before.child.map((c: object) => ({ ...c, note: 'x', ...(dialect === 'mariadb' ? { parent2_id: null } : {}) })),
      );
    });
  });

  it('says when a failed migration dropped something that cannot be put back', async () => {
    await withMigrations([Base], (ds) => runMigrationsGuarded(ds));
    const error = await withMigrations([Base, Removal], (ds) =>
      runMigrationsGuarded(ds).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    const failure = error as MigrationFailedError;
    if (dialect === 'sqlite') {
      // The transaction takes the drop back too.
      expect(failure.restored).toBe(true);
    } else {
      expect(failure.restored).toBe(false);
      expect(failure.message).toMatch(
        /^La migration Removal1000000000002 a échoué : .*\. La base n'a pas pu être remise dans son état d'avant cette migration : colonne « parent\.name » supprimée\. Restaurez la sauvegarde/,
      );
    }
  });
});
