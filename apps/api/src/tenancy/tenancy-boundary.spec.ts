import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';

/**
 * Tenancy lives in one place: structure-owned entities are read and written
 * through the scoped repositories of the tenancy module, never with the raw
 * EntityManager or a repository. This test reads the sources and fails on any
 * direct use outside the allowed folders.
 */
const SRC = join(__dirname, '..');
const ALLOWED = [/^tenancy\//, /^database\//, /\.spec\.ts$/, /\.int-spec\.ts$/];
const TESTS = [/\.spec\.ts$/, /\.int-spec\.ts$/];

/**
 * The only files that may hold hand-written SQL naming a structure-owned table
 * (the scoped repositories cannot see it). Each binds the caller's structure
 * itself; a new file needs a reviewed line here, with its reason.
 */
const RAW_SQL_ALLOWED: Record<string, string> = {
  'attendance/check-in.sql.ts': 'kiosk validation INSERT … SELECT: every table bound to structure_id = ? (decision 6)',
  'attendance-list/attendance-list.sql.ts': 'the list and its exports: every table bound to structure_id = ? or joined on a.structure_id',
  'statistics/statistics.sql.ts': 'the report statements: every table bound to structure_id = ? (decision 7)',
  'families/families.service.ts': 'correlated member subqueries inside a ScopedRepository.query() on family, keyed by the scoped f.id',
  'families/retention.service.ts':
    'inactive families: correlated member/attendance/account subqueries inside a ScopedRepository.query() on family, keyed by the scoped f.id',
  'auth/jwt.strategy.ts': "the per-request token check: the token's family, joined on f.structure_id = the token's structure",
};
/** Schema changes, not reads or writes for a caller. */
const RAW_SQL_IGNORED = [/^database\/migrations\//];

/** The source without its comments (prose says "from family" too). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('tenancy boundary', () => {
  let ds: DataSource;
  let owned: string[];
  let ownedTables: string[];

  beforeAll(async () => {
    ds = createDataSource({ type: 'sqlite', path: ':memory:' });
    await ds.initialize();
    owned = ds.entityMetadatas
      .filter((m) => m.columns.some((c) => c.propertyName === 'structureId' && !c.isNullable))
      .map((m) => (m.target as { name: string }).name);
    ownedTables = ds.entityMetadatas
      .filter((m) => m.columns.some((c) => c.propertyName === 'structureId' && !c.isNullable))
      .map((m) => m.tableName);
  });
  afterAll(() => ds.destroy());

  it('knows the structure-owned entities', () => {
    expect(owned).toEqual(expect.arrayContaining(['RefItem', 'AgeBracket']));
  });

  it('never touches them without the tenancy scope', () => {
    const offences: string[] = [];
    const verbs =
      'find\\w*|count\\w*|exist\\w*|update|delete|insert|save|remove|upsert|createQueryBuilder|getRepository|increment|decrement|softDelete|create';
    for (const file of sourceFiles(SRC)) {
      const rel = relative(SRC, file);
      if (ALLOWED.some((re) => re.test(rel))) continue;
      const text = readFileSync(file, 'utf8');
      for (const entity of owned) {
        const re = new RegExp(`\\.(${verbs})\\(\\s*${entity}\\b`, 'g');
        for (const m of text.matchAll(re)) offences.push(`${rel}: ${m[0]}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('knows the structure-owned tables', () => {
    expect(ownedTables).toEqual(expect.arrayContaining(['family', 'member', 'slot', 'attendance', 'ref_item', 'age_bracket']));
  });

  /** "FROM member", "JOIN `slot`", "INSERT INTO attendance", "UPDATE family", "DELETE FROM ref_item"… in any case. */
  function rawSqlNamingOwnedTables(text: string): string[] {
    const tables = ownedTables.join('|');
    const re = new RegExp(`\\b(from|join|into|update)\\s+[\`"']?(${tables})\\b[\`"']?`, 'gi');
    return [...withoutComments(text).matchAll(re)].map((m) => m[0]);
  }

  it('finds raw SQL naming a structure-owned table (the scan itself)', () => {
    expect(rawSqlNamingOwnedTables("db.query('select * from member where id = ?', [id])")).toEqual(['from member']);
    expect(rawSqlNamingOwnedTables('`DELETE FROM `attendance` WHERE 1`; x.query("UPDATE family SET name = ?")')).toEqual([
      'FROM `attendance`',
      'UPDATE family',
    ]);
    expect(rawSqlNamingOwnedTables('// read from member\n/* join slot */ const x = 1;')).toEqual([]);
  });

  it('holds raw SQL on structure-owned tables only in the allow-listed files', () => {
    const offences: string[] = [];
    const seen = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const rel = relative(SRC, file).split(sep).join('/');
      if (TESTS.some((re) => re.test(rel)) || RAW_SQL_IGNORED.some((re) => re.test(rel))) continue;
      const found = rawSqlNamingOwnedTables(readFileSync(file, 'utf8'));
      if (found.length === 0) continue;
      seen.add(rel);
      if (!RAW_SQL_ALLOWED[rel]) offences.push(`${rel}: ${[...new Set(found)].join(', ')}`);
    }
    expect(offences).toEqual([]);
    // The list stays true: a file that no longer holds such SQL leaves it.
    expect(Object.keys(RAW_SQL_ALLOWED).filter((rel) => !seen.has(rel))).toEqual([]);
  });
});
