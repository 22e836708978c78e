import { DataSource } from 'typeorm';

/**
 * A dialect-neutral description of a database schema, to check that the
 * migrations of SQLite and of MariaDB build the same thing.
 */
export interface SchemaDescription {
  tables: Record<
    string,
    {
      columns: Record<string, { type: string; nullable: boolean }>;
      primaryKey: string[];
      indexes: Record<string, { unique: boolean; columns: string[] }>;
      foreignKeys: string[];
    }
  >;
}

const IGNORED_TABLES = new Set(['migrations', 'typeorm_metadata']);

/** Maps each dialect's spelling of a type to one name. */
export function normaliseType(raw: string): string {
  const t = raw.toLowerCase().trim();
  if (/^(int|integer)(\(\d+\))?( unsigned)?$/.test(t)) return 'integer';
  if (/^(tinyint|boolean)(\(\d+\))?$/.test(t)) return 'boolean';
  if (/^bigint/.test(t)) return 'bigint';
  if (/^smallint/.test(t)) return 'smallint';
  if (/^(double|float|real)/.test(t)) return 'real';
  const varchar = /^(?:varchar|character varying)\((\d+)\)$/.exec(t);
  if (varchar) return `varchar(${varchar[1]})`;
  if (/^(text|mediumtext|longtext|clob)$/.test(t)) return 'text';
  if (/^(blob|mediumblob|longblob)$/.test(t)) return 'blob';
  return t;
}

function normaliseRule(rule: string): string {
  const r = rule.toUpperCase();
  return r === 'NO ACTION' ? 'RESTRICT' : r;
}

export async function describeSchema(ds: DataSource): Promise<SchemaDescription> {
  return ds.options.type === 'better-sqlite3' ? describeSqlite(ds) : describeMariaDb(ds);
}

async function describeSqlite(ds: DataSource): Promise<SchemaDescription> {
  const out: SchemaDescription = { tables: {} };
  const tables: { name: string }[] = await ds.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  for (const { name } of tables) {
    if (IGNORED_TABLES.has(name)) continue;
    const cols: { name: string; type: string; notnull: number; pk: number }[] = await ds.query(`PRAGMA table_info("${name}")`);
    const table: SchemaDescription['tables'][string] = { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] };
    for (const c of cols) {
      table.columns[c.name] = { type: normaliseType(c.type), nullable: c.notnull === 0 && c.pk === 0 };
    }
    table.primaryKey = cols
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const idx: { name: string; unique: number; origin: string }[] = await ds.query(`PRAGMA index_list("${name}")`);
    for (const i of idx) {
      if (i.origin === 'pk') continue;
      const info: { name: string; seqno: number }[] = await ds.query(`PRAGMA index_info("${i.name}")`);
      table.indexes[i.name] = { unique: i.unique === 1, columns: info.sort((a, b) => a.seqno - b.seqno).map((x) => x.name) };
    }
    const fks: { id: number; seq: number; table: string; from: string; to: string; on_delete: string; on_update: string }[] =
      await ds.query(`PRAGMA foreign_key_list("${name}")`);
    const byId = new Map<number, typeof fks>();
    for (const f of fks) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
    for (const group of byId.values()) {
      group.sort((a, b) => a.seq - b.seq);
      table.foreignKeys.push(
        `(${group.map((g) => g.from).join(',')}) -> ${group[0].table}(${group.map((g) => g.to).join(',')}) ON DELETE ${normaliseRule(group[0].on_delete)} ON UPDATE ${normaliseRule(group[0].on_update)}`,
      );
    }
    table.foreignKeys.sort();
    out.tables[name] = table;
  }
  return out;
}

async function describeMariaDb(ds: DataSource): Promise<SchemaDescription> {
  const out: SchemaDescription = { tables: {} };
  const [{ db }]: { db: string }[] = await ds.query('SELECT DATABASE() AS db');
  const cols: { t: string; c: string; ct: string; n: string; k: string }[] = await ds.query(
    `SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE ct, IS_NULLABLE n, COLUMN_KEY k FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [db],
  );
  for (const c of cols) {
    if (IGNORED_TABLES.has(c.t)) continue;
    const table = (out.tables[c.t] ??= { columns: {}, primaryKey: [], indexes: {}, foreignKeys: [] });
    table.columns[c.c] = { type: normaliseType(c.ct), nullable: c.n === 'YES' };
  }
  const fkRows: { t: string; name: string; c: string; rt: string; rc: string; del: string; upd: string; pos: number }[] = await ds.query(
    `SELECT k.TABLE_NAME t, k.CONSTRAINT_NAME name, k.COLUMN_NAME c, k.REFERENCED_TABLE_NAME rt, k.REFERENCED_COLUMN_NAME rc,
            r.DELETE_RULE del, r.UPDATE_RULE upd, k.ORDINAL_POSITION pos
     FROM information_schema.KEY_COLUMN_USAGE k
     JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
     WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [db],
  );
  const fkNames = new Set(fkRows.map((f) => `${f.t}.${f.name}`));
  const grouped = new Map<string, typeof fkRows>();
  for (const f of fkRows) grouped.set(`${f.t}.${f.name}`, [...(grouped.get(`${f.t}.${f.name}`) ?? []), f]);
  for (const group of grouped.values()) {
    const table = out.tables[group[0].t];
    if (!table) continue;
    table.foreignKeys.push(
      `(${group.map((g) => g.c).join(',')}) -> ${group[0].rt}(${group.map((g) => g.rc).join(',')}) ON DELETE ${normaliseRule(group[0].del)} ON UPDATE ${normaliseRule(group[0].upd)}`,
    );
  }
  const stats: { t: string; i: string; nu: number | string; c: string; s: number }[] = await ds.query(
    `SELECT TABLE_NAME t, INDEX_NAME i, NON_UNIQUE nu, COLUMN_NAME c, SEQ_IN_INDEX s FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [db],
  );
  for (const s of stats) {
    const table = out.tables[s.t];
    if (!table) continue;
    if (s.i === 'PRIMARY') {
      table.primaryKey.push(s.c);
      continue;
    }
    // InnoDB adds an index named after a foreign key that has none; SQLite does not.
    if (fkNames.has(`${s.t}.${s.i}`)) continue;
    const idx = (table.indexes[s.i] ??= { unique: Number(s.nu) === 0, columns: [] });
    idx.columns.push(s.c);
  }
  for (const t of Object.values(out.tables)) t.foreignKeys.sort();
  return out;
}
