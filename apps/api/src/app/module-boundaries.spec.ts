import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The API's modules (the folders of apps/api/src, and main.ts / cli.ts) and the
 * modules each may import: the picture of docs/architecture.md (« API module
 * dependencies »), written down so that a new dependency is a reviewed line here
 * and in that picture. The test reads the import statements of every source file
 * (tests excluded) and fails on an import the map does not allow.
 *
 * Layers, bottom up: `config` ← `database` ← `common` (the bottom layers, which any
 * module above them may import) ← the domain modules ← `app` (the composition root)
 * ← `main` / `cli`. Nothing imports `app/` except main and cli.
 */
const BOTTOM: Record<string, string[]> = {
  config: [],
  database: ['config'],
  common: ['config', 'database'],
};

/** What each module above the bottom layers may import besides them. */
const ALLOWED: Record<string, string[]> = {
  // Entry points.
  main: ['app'],
  cli: ['app', 'backup', 'seed', 'setup'],
  // The composition root: AppModule and the bootstrap import every module they assemble.
  app: [
    'attendance',
    'attendance-list',
    'audit',
    'auth',
    'demo-data',
    'exports',
    'families',
    'health',
    'mail',
    'pdf',
    'settings',
    'setup',
    'slots',
    'statistics',
    'structures',
    'tenancy',
    'web',
  ],

  // The tenancy wall (TenantContext, Tenancy, ScopedRepository and the Structure entity they key on)
  // stands on the bottom layers only.
  tenancy: [],

  // The core domain: these modules read each other's entities and services (with cycles, today).
  structures: ['audit', 'auth', 'settings', 'tenancy'],
  auth: ['audit', 'families', 'mail', 'tenancy'],
  audit: ['auth', 'families', 'slots', 'tenancy'],
  settings: ['attendance', 'audit', 'families', 'mail', 'tenancy'],
  mail: ['settings'],
  families: ['attendance', 'audit', 'auth', 'pdf', 'settings', 'slots', 'tenancy'],
  slots: ['attendance', 'audit', 'tenancy'],
  attendance: ['audit', 'auth', 'families', 'settings', 'slots', 'tenancy'],

  // Reports and documents.
  statistics: ['settings', 'tenancy'],
  'attendance-list': ['slots', 'tenancy'],
  pdf: ['settings', 'tenancy'],
  exports: ['attendance-list', 'families', 'pdf', 'settings', 'slots', 'statistics', 'tenancy'],

  // Around the edges.
  health: [],
  web: [],
  setup: ['audit', 'auth', 'seed', 'structures', 'tenancy'],
  seed: ['auth', 'structures'],
  'demo-data': ['attendance', 'audit', 'auth', 'families', 'slots', 'tenancy'],
  backup: [],
};

/** The modules `from` may import. */
function allowedFor(from: string): string[] {
  return BOTTOM[from] ?? [...Object.keys(BOTTOM), ...(ALLOWED[from] ?? [])];
}

/**
 * Imports that go against the layers, kept because the code does so today (another item of
 * issue 15 moves them). Each is one file importing one module, with its reason; a new
 * exception needs a reviewed line here.
 */
const KNOWN_EXCEPTIONS: { file: string; imports: string; why: string }[] = [
  {
    file: 'database/entities.ts',
    imports: 'attendance|audit|auth|families|settings|slots|tenancy',
    why: 'the explicit entity list of the data source (the API is bundled by webpack, no glob)',
  },
  { file: 'backup/backup.ts', imports: 'app', why: "opens the database with app/bootstrap's openDatabase" },
  { file: 'seed/seed-command.ts', imports: 'app', why: "opens the database with app/bootstrap's openDatabase" },
];

const SRC = join(__dirname, '..');
const TESTS = /\.(spec|int-spec)\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !TESTS.test(name) ? [path] : [];
  });
}

/** The source without its comments (a comment may quote an import). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** 'families/families.service.ts' -> 'families'; 'main.ts' -> 'main'. */
function moduleOf(pathFromSrc: string): string {
  const [first = ''] = pathFromSrc.split('/');
  return first.replace(/\.ts$/, '');
}

/** The relative specifiers of import / export … from / import('…') / require('…'). */
function relativeImports(text: string): string[] {
  const specifiers: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*)['"]/g;
  for (const m of withoutComments(text).matchAll(re)) if (m[1]) specifiers.push(m[1]);
  return specifiers;
}

/** Every import of one module from another: '<file> -> <module>'. */
function crossModuleImports(): { file: string; from: string; to: string }[] {
  return sourceFiles(SRC).flatMap((path) => {
    const file = relative(SRC, path).split(sep).join('/');
    const from = moduleOf(file);
    return relativeImports(readFileSync(path, 'utf8'))
      .map((spec) =>
        relative(SRC, resolve(dirname(path), spec))
          .split(sep)
          .join('/'),
      )
      .filter((target) => !target.startsWith('..'))
      .map((target) => ({ file, from, to: moduleOf(target) }))
      .filter((i) => i.to !== from);
  });
}

function isKnownException(file: string, to: string): boolean {
  return KNOWN_EXCEPTIONS.some((e) => e.file === file && e.imports.split('|').includes(to));
}

describe('API module boundaries', () => {
  const imports = crossModuleImports();

  it('finds the imports (the reader works)', () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports).toContainEqual({ file: 'main.ts', from: 'main', to: 'app' });
  });

  it('every module is in the map', () => {
    const modules = readdirSync(SRC)
      .filter((name) => statSync(join(SRC, name)).isDirectory() || (name.endsWith('.ts') && !TESTS.test(name)))
      .map((name) => name.replace(/\.ts$/, ''));
    expect(modules.filter((m) => !(m in ALLOWED) && !(m in BOTTOM))).toEqual([]);
  });

  it('a module imports only the modules the map allows it (docs/architecture.md)', () => {
    const forbidden = imports
      .filter((i) => !allowedFor(i.from).includes(i.to) && !isKnownException(i.file, i.to))
      .map((i) => `${i.file} imports ${i.to}/ (${i.from}/ may import: ${allowedFor(i.from).join(', ') || 'nothing'})`);
    expect([...new Set(forbidden)]).toEqual([]);
  });

  it('nothing imports app/ but main, cli and the known exceptions', () => {
    const intoApp = imports.filter((i) => i.to === 'app' && i.from !== 'main' && i.from !== 'cli' && !isKnownException(i.file, 'app'));
    expect(intoApp).toEqual([]);
  });

  it('every known exception still exists (remove its line once the import is gone)', () => {
    const stale = KNOWN_EXCEPTIONS.flatMap((e) =>
      e.imports
        .split('|')
        .filter((to) => !imports.some((i) => i.file === e.file && i.to === to))
        .map((to) => `${e.file} -> ${to}`),
    );
    expect(stale).toEqual([]);
  });

  it('the map lists only modules that exist', () => {
    const known = new Set([...Object.keys(BOTTOM), ...Object.keys(ALLOWED)]);
    expect(
      Object.values(ALLOWED)
        .flat()
        .filter((m) => !known.has(m)),
    ).toEqual([]);
  });
});
