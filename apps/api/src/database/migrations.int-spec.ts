import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTempDatabase } from '../../test/mariadb';
import { testDialect } from '../../test/harness';
import { describeSchema } from '../../test/schema';
import { createDataSource, dataSourceOptions } from './data-source';
import { MARIADB_MIGRATIONS } from './migrations/mariadb';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

async function migratedSqlite(): Promise<{ ds: DataSource; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'pointage-mig-'));
  const ds = createDataSource({ type: 'sqlite', path: join(dir, 'm.sqlite') });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return {
    ds,
    cleanup: async () => {
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function migratedMariaDb(): Promise<{ ds: DataSource; cleanup: () => Promise<void> }> {
  const db = await createTempDatabase('mig');
  const ds = createDataSource({ type: 'mariadb', url: db.url });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return {
    ds,
    cleanup: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}

const dialect = testDialect();

describe(`migrations on ${dialect}`, () => {
  let subject: { ds: DataSource; cleanup: () => Promise<void> };

  beforeAll(async () => {
    subject = dialect === 'sqlite' ? await migratedSqlite() : await migratedMariaDb();
  });
  afterAll(() => subject.cleanup());

  it('create a schema that matches the entities exactly (nothing left for TypeORM to change)', async () => {
    const pending = await subject.ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied and recorded', async () => {
    expect(await subject.ds.showMigrations()).toBe(false);
    const executed: unknown[] = await subject.ds.query('SELECT * FROM migrations');
    expect(executed.length).toBe(subject.ds.migrations.length);
    expect(executed.length).toBeGreaterThan(0);
  });

  it('give every table a primary key (Galera replicates only tables that have one; docs/deployment.md)', async () => {
    const tables: { t: string }[] =
      dialect === 'sqlite'
        ? await subject.ds.query("SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        : await subject.ds.query(
            "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'",
          );
    expect(tables.length).toBeGreaterThan(10);
    const withoutKey: string[] = [];
    for (const { t } of tables) {
      const hasKey =
        dialect === 'sqlite'
          ? ((await subject.ds.query(`PRAGMA table_info("${t}")`)) as { pk: number }[]).some((c) => Number(c.pk) > 0)
          : (
              (await subject.ds.query(
                "SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_TYPE = 'PRIMARY KEY'",
                [t],
              )) as unknown[]
            ).length === 1;
      if (!hasKey) withoutKey.push(t);
    }
    expect(withoutKey).toEqual([]);
  });

  it('can be reverted down to an empty schema and re-applied', async () => {
    for (let i = 0; i < subject.ds.migrations.length; i++) await subject.ds.undoLastMigration({ transaction: 'each' });
    const empty = await describeSchema(subject.ds);
    expect(Object.keys(empty.tables)).toEqual([]);
    await subject.ds.runMigrations({ transaction: 'each' });
    expect(await subject.ds.showMigrations()).toBe(false);
  });

  if (dialect === 'mariadb') {
    it('produce the same tables, columns, indexes and foreign keys as the SQLite migrations', async () => {
      const sqlite = await migratedSqlite();
      try {
        const fromSqlite = await describeSchema(sqlite.ds);
        const fromMariaDb = await describeSchema(subject.ds);
        expect(Object.keys(fromMariaDb.tables).length).toBeGreaterThan(0);
        expect(fromMariaDb).toEqual(fromSqlite);
        // Both dialects know the same migration names, in the same order.
        expect(subject.ds.migrations.map((m) => m.name?.replace(/\d+$/, ''))).toEqual(
          sqlite.ds.migrations.map((m) => m.name?.replace(/\d+$/, '')),
        );
      } finally {
        await sqlite.cleanup();
      }
    });
  }

  if (dialect === 'sqlite') {
    it('run with foreign keys enforced and the WAL journal', async () => {
      const [{ foreign_keys }] = await subject.ds.query('PRAGMA foreign_keys');
      const [{ journal_mode }] = await subject.ds.query('PRAGMA journal_mode');
      expect(foreign_keys).toBe(1);
      expect(journal_mode).toBe('wal');
    });
  }
});

describe(`upgrading a ${dialect} database that holds data`, () => {
  it('keeps the rows of earlier migrations through the later ones (table rebuilds included)', async () => {
    const all = dialect === 'sqlite' ? SQLITE_MIGRATIONS : MARIADB_MIGRATIONS;
    const dir = mkdtempSync(join(tmpdir(), 'pointage-upg-'));
    const temp = dialect === 'mariadb' ? await createTempDatabase('upg') : null;
    const db = temp ? ({ type: 'mariadb', url: temp.url } as const) : ({ type: 'sqlite', path: join(dir, 'u.sqlite') } as const);
    try {
      // The first two migrations (Init, Identity) with data written by a 0.1 version of the app.
      const old = new DataSource({ ...dataSourceOptions(db), migrations: all.slice(0, 2) });
      await old.initialize();
      await old.runMigrations({ transaction: 'each' });
      await old.query(
        "INSERT INTO structure (id, name, slug, time_zone, active, created_at) VALUES (1, 'Ludothèque', 'ludotheque', 'Europe/Paris', 1, '2026-01-01 10:00:00')",
      );
      await old.query(
        'INSERT INTO account (id, role, email, realm, password_hash, display_name, structure_id, family_id, token_version, active, created_at, password_changed_at) ' +
          "VALUES (1, 'admin', 'admin@ludotheque.local', 'staff', 'x', 'Équipe', 1, NULL, 3, 1, '2026-01-01 10:00:00', '2026-01-01 10:00:00')",
      );
      await old.query(
        "INSERT INTO ref_item (structure_id, kind, label, position, active, is_child, code) VALUES (1, 'city', 'Lille', 0, 1, 0, NULL)",
      );
      await old.destroy();

      const upgraded = new DataSource({ ...dataSourceOptions(db), migrations: all });
      await upgraded.initialize();
      await upgraded.runMigrations({ transaction: 'each' });
      const accounts: { email: string; token_version: number; structure_id: number }[] = await upgraded.query(
        'SELECT email, token_version, structure_id FROM account',
      );
      expect(accounts.map((a) => ({ ...a, token_version: Number(a.token_version), structure_id: Number(a.structure_id) }))).toEqual([
        { email: 'admin@ludotheque.local', token_version: 3, structure_id: 1 },
      ]);
      const cities: { label: string }[] = await upgraded.query("SELECT label FROM ref_item WHERE kind = 'city'");
      expect(cities).toEqual([{ label: 'Lille' }]);
      // Foreign keys are enforced after the rebuilds.
      await expect(upgraded.query('UPDATE account SET structure_id = 999 WHERE id = 1')).rejects.toThrow(/foreign key|FOREIGN KEY/i);
      await upgraded.destroy();
    } finally {
      await temp?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
