import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTempDatabase } from '../../test/mariadb';
import { testDialect } from '../../test/harness';
import { describeSchema } from '../../test/schema';
import { createDataSource } from './data-source';

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
