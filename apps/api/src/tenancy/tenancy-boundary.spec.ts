import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

  beforeAll(async () => {
    ds = createDataSource({ type: 'sqlite', path: ':memory:' });
    await ds.initialize();
    owned = ds.entityMetadatas
      .filter((m) => m.columns.some((c) => c.propertyName === 'structureId' && !c.isNullable))
      .map((m) => (m.target as { name: string }).name);
  });
  afterAll(() => ds.destroy());

  it('knows the structure-owned entities', () => {
    expect(owned).toEqual(expect.arrayContaining(['RefItem', 'AgeBracket']));
  });

  it('never touches them without the tenancy scope', () => {
    const offences: string[] = [];
    const verbs = 'find\\w*|count\\w*|exist\\w*|update|delete|insert|save|remove|upsert|createQueryBuilder|getRepository|increment|decrement|softDelete|create';
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
});
