import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { Dialect } from './data-source';

/**
 * A migration failed at start-up. Its message is the one line said to the person
 * who started Pointage (see startup-errors.ts): which migration, why, and whether
 * the database is as it was before it.
 */
export class MigrationFailedError extends Error {
  override name = 'MigrationFailedError';

  constructor(
    message: string,
    /** The migration that failed. */
    readonly migration: string,
    /** True when the schema was found identical to what it was before that migration. */
    readonly restored: boolean,
    readonly reason: unknown,
  ) {
    super(message);
  }
}

/** The shape of one table (or view): each part by name, as a comparable text. */
export interface TableShape {
  kind: string;
  columns: Record<string, string>;
  indexes: Record<string, string>;
  foreignKeys: Record<string, string>;
  /** MariaDB: CHECK constraints. SQLite: the table's CREATE statement. */
  other: Record<string, string>;
}

/** What a migration may change: tables, columns, indexes, foreign keys of the current database. */
export interface SchemaSnapshot {
  tables: Record<string, TableShape>;
}

type Queryable = Pick<QueryRunner, 'query'> | Pick<DataSource, 'query'>;

/** Reads the schema of the current database (MariaDB: information_schema; SQLite: sqlite_master and pragmas). */
export async function snapshotSchema(q: Queryable, dialect: Dialect): Promise<SchemaSnapshot> {
  return dialect === 'sqlite' ? snapshotSqlite(q) : snapshotMariaDb(q);
}

async function snapshotMariaDb(q: Queryable): Promise<SchemaSnapshot> {
  const tables: Record<string, TableShape> = {};
  const table = (name: string) => (tables[name] ??= { kind: 'table', columns: {}, indexes: {}, foreignKeys: {}, other: {} });
  const list: { t: string; k: string }[] = await q.query(
    'SELECT TABLE_NAME t, TABLE_TYPE k FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME',
  );
  for (const r of list) table(r.t).kind = r.k === 'VIEW' ? 'view' : 'table';
  const columns: { t: string; c: string; ty: string; n: string; d: string | null; e: string; co: string | null }[] = await q.query(
    `SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE ty, IS_NULLABLE n, COLUMN_DEFAULT d, EXTRA e, COLLATION_NAME co
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION`,
  );
  for (const c of columns) {
    table(c.t).columns[c.c] =
      `${c.ty}${c.n === 'YES' ? '' : ' NOT NULL'} DEFAULT ${c.d ?? 'NULL'}${c.e ? ` ${c.e}` : ''}${c.co ? ` ${c.co}` : ''}`;
  }
  const stats: { t: string; i: string; nu: number | string; c: string; sub: number | null }[] = await q.query(
    `SELECT TABLE_NAME t, INDEX_NAME i, NON_UNIQUE nu, COLUMN_NAME c, SUB_PART sub
     FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
  );
  const indexColumns = new Map<string, { t: string; i: string; unique: boolean; cols: string[] }>();
  for (const s of stats) {
    const key = `${s.t}\u0000${s.i}`;
    const idx = indexColumns.get(key) ?? { t: s.t, i: s.i, unique: Number(s.nu) === 0, cols: [] };
    idx.cols.push(s.sub ? `${s.c}(${s.sub})` : s.c);
    indexColumns.set(key, idx);
  }
  for (const idx of indexColumns.values()) table(idx.t).indexes[idx.i] = `${idx.unique ? 'UNIQUE ' : ''}(${idx.cols.join(', ')})`;
  const fks: { t: string; n: string; c: string; rt: string; rc: string; del: string; upd: string }[] = await q.query(
    `SELECT k.TABLE_NAME t, k.CONSTRAINT_NAME n, k.COLUMN_NAME c, k.REFERENCED_TABLE_NAME rt, k.REFERENCED_COLUMN_NAME rc,
            r.DELETE_RULE del, r.UPDATE_RULE upd
     FROM information_schema.KEY_COLUMN_USAGE k
     JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
       AND r.TABLE_NAME = k.TABLE_NAME
     WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
     ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
  );
  const fkParts = new Map<string, { t: string; n: string; cols: string[]; rt: string; rcols: string[]; del: string; upd: string }>();
  for (const f of fks) {
    const key = `${f.t}\u0000${f.n}`;
    const fk = fkParts.get(key) ?? { t: f.t, n: f.n, cols: [], rt: f.rt, rcols: [], del: f.del, upd: f.upd };
    fk.cols.push(f.c);
    fk.rcols.push(f.rc);
    fkParts.set(key, fk);
  }
  for (const fk of fkParts.values()) {
    table(fk.t).foreignKeys[fk.n] =
      `(${fk.cols.join(', ')}) REFERENCES ${fk.rt} (${fk.rcols.join(', ')}) ON DELETE ${fk.del} ON UPDATE ${fk.upd}`;
  }
  const checks: { t: string; n: string; c: string }[] = await q.query(
    'SELECT TABLE_NAME t, CONSTRAINT_NAME n, CHECK_CLAUSE c FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME',
  );
  for (const c of checks) table(c.t).other[c.n] = `CHECK (${c.c})`;
  return { tables };
}

async function snapshotSqlite(q: Queryable): Promise<SchemaSnapshot> {
  const tables: Record<string, TableShape> = {};
  const objects: { type: string; name: string; tbl: string; sql: string | null }[] = await q.query(
    "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type DESC, name",
  );
  for (const o of objects.filter((x) => x.type === 'table' || x.type === 'view')) {
    const shape: TableShape = { kind: o.type, columns: {}, indexes: {}, foreignKeys: {}, other: { definition: o.sql ?? '' } };
    const cols: { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[] = await q.query(
      `PRAGMA table_info("${o.name.replace(/"/g, '""')}")`,
    );
    for (const c of cols)
      shape.columns[c.name] = `${c.type}${c.notnull ? ' NOT NULL' : ''} DEFAULT ${c.dflt_value ?? 'NULL'}${c.pk ? ` PK${c.pk}` : ''}`;
    if (o.type === 'table') {
      const idx: { name: string; unique: number; origin: string }[] = await q.query(`PRAGMA index_list("${o.name.replace(/"/g, '""')}")`);
      for (const i of idx) {
        const info: { seqno: number; name: string | null }[] = await q.query(`PRAGMA index_info("${i.name.replace(/"/g, '""')}")`);
        const cols = info.sort((a, b) => a.seqno - b.seqno).map((x) => x.name ?? '<expression>');
        const sql = objects.find((x) => x.type === 'index' && x.name === i.name)?.sql;
        shape.indexes[i.name] = `${i.unique ? 'UNIQUE ' : ''}(${cols.join(', ')}) ${i.origin}${sql ? ` ${sql}` : ''}`;
      }
      const fks: { id: number; seq: number; table: string; from: string; to: string | null; on_delete: string; on_update: string }[] =
        await q.query(`PRAGMA foreign_key_list("${o.name.replace(/"/g, '""')}")`);
      const byId = new Map<number, typeof fks>();
      for (const f of fks) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
      for (const group of byId.values()) {
        group.sort((a, b) => a.seq - b.seq);
        const g = group[0];
        shape.foreignKeys[`(${group.map((x) => x.from).join(', ')})`] =
          `REFERENCES ${g.table} (${group.map((x) => x.to ?? '').join(', ')}) ON DELETE ${g.on_delete} ON UPDATE ${g.on_update}`;
      }
    }
    tables[o.name] = shape;
  }
  // Triggers belong to their table.
  for (const t of objects.filter((x) => x.type === 'trigger')) {
    if (tables[t.tbl]) tables[t.tbl].other[`trigger ${t.name}`] = t.sql ?? '';
  }
  return { tables };
}

const PART_LABEL: Record<'columns' | 'indexes' | 'foreignKeys' | 'other', string> = {
  columns: 'colonne',
  indexes: 'index',
  foreignKeys: 'clé étrangère',
  other: 'contrainte',
};

/** The differences between two snapshots, in French, one item each ([] when identical). */
export function describeDifferences(before: SchemaSnapshot, after: SchemaSnapshot): string[] {
  const out: string[] = [];
  const names = [...new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])].sort();
  for (const name of names) {
    const b = before.tables[name];
    const a = after.tables[name];
    if (!b) {
      out.push(`${a.kind === 'view' ? 'vue' : 'table'} « ${name} » ajoutée`);
      continue;
    }
    if (!a) {
      out.push(`${b.kind === 'view' ? 'vue' : 'table'} « ${name} » supprimée`);
      continue;
    }
    for (const part of ['columns', 'indexes', 'foreignKeys', 'other'] as const) {
      const keys = [...new Set([...Object.keys(b[part]), ...Object.keys(a[part])])].sort();
      for (const key of keys) {
        const was = b[part][key];
        const is = a[part][key];
        if (was === is) continue;
        const what =
          part === 'other' && key === 'definition' ? `définition de la table « ${name} »` : `${PART_LABEL[part]} « ${name}.${key} »`;
        const e = part === 'indexes' ? '' : 'e'; // un index, une colonne, une clé, une contrainte, une définition
        out.push(`${what} ${was === undefined ? `ajouté${e}` : is === undefined ? `supprimé${e}` : `modifié${e}`}`);
      }
    }
  }
  return out;
}

const q = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * MariaDB commits each DDL statement at once, so a migration that fails halfway
 * leaves its first statements applied. This removes what was added since
 * `before` — tables, columns, indexes, foreign keys and CHECK constraints — and
 * puts back indexes that MariaDB dropped by itself (the index of a foreign key
 * is silently dropped when another index can serve it). It cannot bring back
 * what was dropped or changed (a column, a table, a type): migrations are
 * additive first (docs/development.md). Returns what it removed, and the
 * statements that failed.
 */
export async function undoAdditions(ds: DataSource, before: SchemaSnapshot): Promise<{ undone: string[]; failed: string[] }> {
  const undone: string[] = [];
  const failed: string[] = [];
  const runner = ds.createQueryRunner();
  const run = async (sql: string, label?: string) => {
    try {
      await runner.query(sql);
      if (label) undone.push(label);
    } catch (e) {
      failed.push(`${sql} : ${(e as Error).message.split('\n')[0]}`);
    }
  };
  try {
    await runner.connect();
    await runner.query('SET FOREIGN_KEY_CHECKS = 0');
    let now = await snapshotMariaDb(runner);
    // 1. Tables and views that did not exist.
    for (const [name, shape] of Object.entries(now.tables)) {
      if (before.tables[name]) continue;
      await run(`DROP ${shape.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(name)}`, `${shape.kind === 'view' ? 'vue' : 'table'} « ${name} »`);
    }
    // 2. Foreign keys added to tables that existed (they may need the indexes and columns below).
    for (const [name, shape] of Object.entries(now.tables)) {
      const was = before.tables[name];
      if (!was) continue;
      for (const [fk, def] of Object.entries(shape.foreignKeys)) {
        if (was.foreignKeys[fk] === def) continue;
        await run(`ALTER TABLE ${q(name)} DROP FOREIGN KEY ${q(fk)}`, `clé étrangère « ${name}.${fk} »`);
      }
    }
    // 3. Indexes: put back those that went (when their columns are there), then drop those that came.
    //    One statement per table, so that a foreign key always keeps an index.
    now = await snapshotMariaDb(runner);
    for (const [name, shape] of Object.entries(now.tables)) {
      const was = before.tables[name];
      if (!was || was.kind !== 'table') continue;
      const clauses: string[] = [];
      const labels: string[] = [];
      for (const [idx, def] of Object.entries(was.indexes)) {
        if (shape.indexes[idx] === def || idx === 'PRIMARY') continue;
        const m = /^(UNIQUE )?\((.*)\)$/.exec(def);
        const cols = m ? m[2].split(', ') : [];
        if (!m || !cols.every((c) => shape.columns[c.replace(/\(\d+\)$/, '')] !== undefined)) continue;
        if (shape.indexes[idx] !== undefined) clauses.push(`DROP INDEX ${q(idx)}`);
        clauses.push(`ADD ${m[1] ? 'UNIQUE ' : ''}INDEX ${q(idx)} (${cols.map((c) => c.replace(/^([^(]+)/, (n) => q(n))).join(', ')})`);
        labels.push(`index « ${name}.${idx} » remis`);
      }
      for (const idx of Object.keys(shape.indexes)) {
        if (was.indexes[idx] !== undefined || idx === 'PRIMARY') continue;
        clauses.push(`DROP INDEX ${q(idx)}`);
        labels.push(`index « ${name}.${idx} »`);
      }
      if (clauses.length) await run(`ALTER TABLE ${q(name)} ${clauses.join(', ')}`, labels.join(', '));
    }
    // 4. Columns added to tables that existed.
    now = await snapshotMariaDb(runner);
    for (const [name, shape] of Object.entries(now.tables)) {
      const was = before.tables[name];
      if (!was || was.kind !== 'table') continue;
      const added = Object.keys(shape.columns).filter((c) => was.columns[c] === undefined);
      if (added.length) {
        await run(
          `ALTER TABLE ${q(name)} ${added.map((c) => `DROP COLUMN ${q(c)}`).join(', ')}`,
          added.map((c) => `colonne « ${name}.${c} »`).join(', '),
        );
      }
    }
    // 5. CHECK constraints that are still there (those of a dropped column went with it).
    now = await snapshotMariaDb(runner);
    for (const [name, shape] of Object.entries(now.tables)) {
      const was = before.tables[name];
      if (!was) continue;
      for (const c of Object.keys(shape.other)) {
        if (was.other[c] === undefined) await run(`ALTER TABLE ${q(name)} DROP CONSTRAINT ${q(c)}`, `contrainte « ${name}.${c} »`);
      }
    }
  } finally {
    await runner.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
    await runner.release();
  }
  return { undone, failed };
}

function reasonOf(error: unknown): string {
  const e = error as { message?: string; query?: string };
  // TypeORM's QueryFailedError repeats the driver's class name (SqliteError: …).
  const message = (e?.message ?? String(error))
    .split('\n')[0]
    .trim()
    .replace(/^[A-Za-z]+Error: /, '');
  const query = typeof e?.query === 'string' ? e.query.replace(/\s+/g, ' ').trim() : '';
  return query ? `${message} (requête : ${query.length > 200 ? `${query.slice(0, 200)}…` : query})` : message;
}

function listed(items: string[], max = 6): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} et ${items.length - max} autre(s)` : items.join(', ');
}

/**
 * Runs the pending migrations, each in a transaction ('each'). Before each
 * migration the schema is read; should the migration fail, the database is put
 * back as it was before it — SQLite rolls the transaction back; on MariaDB,
 * where DDL commits at once, what it added is removed (undoAdditions) — the
 * schema is read again and compared, and a MigrationFailedError says what
 * happened in one French line. The migrations that succeeded before it stay.
 */
export async function runMigrationsGuarded(ds: DataSource): Promise<void> {
  const dialect: Dialect = ds.options.type === 'better-sqlite3' || ds.options.type === 'sqlite' ? 'sqlite' : 'mariadb';
  const state: { current: { name: string; before: SchemaSnapshot } | null } = { current: null };
  const originals = new Map<MigrationInterface, MigrationInterface['up']>();
  for (const migration of ds.migrations) {
    const up = migration.up;
    originals.set(migration, up);
    migration.up = async (runner: QueryRunner) => {
      state.current = { name: migration.name ?? migration.constructor.name, before: await snapshotSchema(runner, dialect) };
      await up.call(migration, runner);
    };
  }
  try {
    await ds.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (!state.current) throw error;
    throw await afterFailure(ds, dialect, state.current, error);
  } finally {
    for (const [migration, up] of originals) migration.up = up;
  }
}

async function afterFailure(
  ds: DataSource,
  dialect: Dialect,
  failed: { name: string; before: SchemaSnapshot },
  error: unknown,
): Promise<Error> {
  const head = `La migration ${failed.name} a échoué : ${reasonOf(error)}.`;
  const tail = 'Pointage ne démarre pas : corrigez la cause (ou signalez le problème avec ce message), puis relancez-le.';
  let applied: string[];
  let remaining: string[];
  let undone: string[] = [];
  let failedUndo: string[] = [];
  try {
    applied = ((await ds.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[]).map((r) => r.name);
    // Recorded: it did go through (the failure came after); nothing to undo.
    if (applied.includes(failed.name)) return error as Error;
    if (dialect === 'mariadb') ({ undone, failed: failedUndo } = await undoAdditions(ds, failed.before));
    remaining = describeDifferences(failed.before, await snapshotSchema(ds, dialect));
  } catch (e) {
    return new MigrationFailedError(
      `${head} La base n'a pas pu être vérifiée ensuite (${reasonOf(e)}) : elle peut garder une partie de cette migration. ` +
        `Restaurez la sauvegarde faite avant la mise à jour (voir docs/deployment.md). ${tail}`,
      failed.name,
      false,
      error,
    );
  }
  const last = applied.at(-1) ?? 'aucune';
  if (remaining.length === 0) {
    const how =
      dialect === 'sqlite'
        ? 'transaction annulée'
        : undone.length
          ? `ce que la migration avait déjà ajouté a été retiré : ${listed(undone)}`
          : "la migration n'avait rien modifié";
    return new MigrationFailedError(
      `${head} La base est restée dans son état d'avant cette migration (${how} ; dernière migration appliquée : ${last}). ${tail}`,
      failed.name,
      true,
      error,
    );
  }
  return new MigrationFailedError(
    `${head} La base n'a pas pu être remise dans son état d'avant cette migration : ${listed(remaining)}` +
      `${failedUndo.length ? ` (échec de ${listed(failedUndo, 2)})` : ''}. ` +
      `Restaurez la sauvegarde faite avant la mise à jour (voir docs/deployment.md), puis signalez le problème. Pointage ne démarre pas.`,
    failed.name,
    false,
    error,
  );
}
