/**
 * Generates the migration of both dialects for the entity changes made since
 * the last migration:  npm run db:migration:generate -- AddFamilies
 *
 * For each dialect it builds a fresh database (a temp SQLite file, a temp
 * MariaDB database), runs the existing migrations, asks TypeORM which SQL would
 * bring the schema to the entities, and writes that SQL as a migration class in
 * apps/api/src/database/migrations/<dialect>/, registered in the index.
 * Read the generated files before committing them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { createTempDatabase } from '../test/mariadb';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run db:migration:generate -- <PascalCaseName>');
  process.exit(2);
}
const timestamp = Date.now();
const root = join(__dirname, '../src/database/migrations');

type Q = { query: string; parameters?: unknown[] };

function render(className: string, up: Q[], down: Q[]): string {
  const line = (q: Q) =>
    `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters && q.parameters.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(line).join('\n')}
  }
}
`;
}

function register(dialect: 'sqlite' | 'mariadb', file: string, className: string) {
  const indexFile = join(root, dialect, 'index.ts');
  let src = readFileSync(indexFile, 'utf8');
  const constName = dialect === 'sqlite' ? 'SQLITE_MIGRATIONS' : 'MARIADB_MIGRATIONS';
  const importLine = `import { ${className} } from './${file}';\n`;
  src = src.replace(/(\/\/[^\n]*\n)/, `$1${importLine}`);
  src = src.replace(new RegExp(`(${constName}: MigrationClass\\[\\] = \\[)([^\\]]*)(\\])`), (_m, a, list: string, c) => {
    const items = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    items.push(className);
    return `${a}\n  ${items.join(',\n  ')},\n${c}`;
  });
  writeFileSync(indexFile, src);
}

async function generate(dialect: 'sqlite' | 'mariadb'): Promise<void> {
  let ds: DataSource;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pointage-gen-'));
    ds = new DataSource(dataSourceOptions({ type: 'sqlite', path: join(dir, 'gen.sqlite') }));
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await createTempDatabase('gen');
    ds = new DataSource(dataSourceOptions({ type: 'mariadb', url: db.url }));
    cleanup = () => db.drop();
  }
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log(`${dialect}: no change, nothing generated.`);
      return;
    }
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    writeFileSync(join(root, dialect, `${file}.ts`), render(className, sql.upQueries, sql.downQueries));
    register(dialect, file, className);
    spawnSync('npx', ['prettier', '--write', join(root, dialect, `${file}.ts`), join(root, dialect, 'index.ts')], { stdio: 'ignore' });
    console.log(`${dialect}: wrote migrations/${dialect}/${file}.ts (${sql.upQueries.length} statements)`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await cleanup();
  }
}

(async () => {
  await generate('sqlite');
  await generate('mariadb');
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
