import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, delimiter, dirname, join, resolve, sep } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { openDatabase } from '../app/bootstrap';
import type { AppConfig } from '../config/config';
import { MARIADB_MIGRATIONS } from '../database/migrations/mariadb';
import type { MigrationClass } from '../database/migrations/migration-class';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { ArchiveError, extractTarGz, TarSource, writeTarGz } from './tar';

/**
 * `cli backup [--to <file or folder>]` and `cli restore <archive> [--force]`.
 *
 * An archive is a .tar.gz holding, in order: manifest.json, the database
 * (database.sqlite — SQLite's online backup, consistent while the app runs — or
 * database.sql — mariadb-dump --single-transaction), and uploads/ (logos).
 * The JWT secret is not in it: a restored install keeps its own, and people log in again.
 */

export const BACKUP_FORMAT = 'pointage-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Exit codes of both commands (also in docs/deployment.md). */
export const EXIT = { ok: 0, failed: 1, usage: 2, badArchive: 3, refused: 4 } as const;

/** A failure of a backup or restore: one French line and its exit code. */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  dialect: 'sqlite' | 'mariadb';
  appVersion: string;
  createdAt: string;
  /** Migrations applied in the saved database, in order. */
  migrations: string[];
  files: ManifestFile[];
}

const UPLOAD_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;
const DB_FILE = { sqlite: 'database.sqlite', mariadb: 'database.sql' } as const;

/**
 * The release number, from the repository's package.json: beside dist/ for the
 * bundle (dist/apps/api/cli.js; /app in the Docker image), four levels up from
 * this source file under jest.
 */
export function appVersion(): string {
  for (const candidate of [
    join(__dirname, '../../../package.json'),
    join(__dirname, '../../../../package.json'),
    join(process.cwd(), 'package.json'),
  ]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pointage' && pkg.version) return pkg.version;
    } catch {
      /* not this one */
    }
  }
  return 'inconnue';
}

export function migrationNames(dialect: 'sqlite' | 'mariadb'): string[] {
  const list: MigrationClass[] = dialect === 'sqlite' ? SQLITE_MIGRATIONS : MARIADB_MIGRATIONS;
  return list.map((M) => (new M() as { name?: string }).name ?? M.name);
}

// ---------------------------------------------------------------- helpers

function frenchSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

/** The first executable of `names` found on PATH. */
function findExecutable(names: string[]): string | null {
  const dirs = (process.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return null;
}

interface MariaDbTarget {
  host: string;
  port: string;
  user: string;
  password: string;
  database: string;
}

function mariadbTarget(url: string): MariaDbTarget {
  const u = new URL(url);
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port || '3306',
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

/** Connection arguments for mariadb-dump / mariadb; the password goes through MYSQL_PWD, never argv. */
function clientArgs(t: MariaDbTarget): { args: string[]; env: NodeJS.ProcessEnv } {
  const args = [`--host=${t.host}`, `--port=${t.port}`, '--protocol=tcp', '--default-character-set=utf8mb4'];
  if (t.user) args.push(`--user=${t.user}`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['MYSQL_PWD'];
  if (t.password) env['MYSQL_PWD'] = t.password;
  return { args, env };
}

function missingClient(tool: string, purpose: string): BackupError {
  return new BackupError(
    `La commande ${tool} (ou son équivalent MySQL) est introuvable : installez le paquet mariadb-client ` +
      `(Debian/Ubuntu : apt-get install mariadb-client) pour ${purpose}.`,
    EXIT.failed,
  );
}

/** Runs a client tool; rejects with its first error line (never a stack). */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv, stdinFile?: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: [stdinFile ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    if (stdinFile && child.stdin) {
      const input = createReadStream(stdinFile);
      input.on('error', (e) => child.kill() && reject(e));
      child.stdin.on('error', () => undefined); // the tool stopped reading: its exit code says why
      input.pipe(child.stdin);
    }
    child.on('close', (code) => {
      if (code === 0) return resolvePromise();
      const line = stderr.split('\n').find((l) => l.trim()) ?? `code ${code}`;
      reject(new BackupError(`${basename(command)} a échoué : ${line.trim()}`, EXIT.failed));
    });
  });
}

function parseArgs(
  args: string[],
  valueOptions: string[],
  flags: string[],
): { options: Record<string, string | true>; positional: string[] } {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(key) && inline === undefined) options[key] = true;
    else if (valueOptions.includes(key)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new BackupError(`--${key} demande une valeur.`, EXIT.usage);
      options[key] = value;
    } else throw new BackupError(`Option inconnue : ${arg}.`, EXIT.usage);
  }
  return { options, positional };
}

// ---------------------------------------------------------------- backup

function timestamp(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
}

function archivePath(config: AppConfig, to: string | undefined, now: Date): string {
  const name = `pointage-${timestamp(now)}.tar.gz`;
  if (to === undefined) return join(config.dataDir, 'backups', name);
  const target = resolve(to);
  const isFolder = to.endsWith('/') || to.endsWith(sep) || (existsSync(target) && statSync(target).isDirectory());
  return isFolder ? join(target, name) : target;
}

async function dumpSqlite(config: AppConfig & { db: { type: 'sqlite' } }, target: string): Promise<string[]> {
  if (!existsSync(config.db.path)) {
    throw new BackupError(`Aucune base à sauvegarder : ${config.db.path} n'existe pas (vérifiez DATA_DIR et SQLITE_FILE).`, EXIT.failed);
  }
  const source = new Database(config.db.path, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target);
  } finally {
    source.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new BackupError(`La base ${config.db.path} est endommagée (${String(check)}) : sauvegarde interrompue.`, EXIT.failed);
    const hasTable = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
    return hasTable ? (copy.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name) : [];
  } finally {
    copy.close();
  }
}

async function dumpMariadb(config: AppConfig & { db: { type: 'mariadb' } }, target: string): Promise<string[]> {
  const tool = findExecutable(['mariadb-dump', 'mysqldump']);
  if (!tool) throw missingClient('mariadb-dump', 'sauvegarder une base MariaDB');
  const db = mariadbTarget(config.db.url);
  const connection = await createConnection({ uri: config.db.url, connectTimeout: 5000 });
  let migrations: string[];
  try {
    const [tables] = await connection.query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'migrations'",
    );
    const [rows] = (tables as unknown[]).length ? await connection.query('SELECT name FROM migrations ORDER BY id') : [[]];
    migrations = (rows as { name: string }[]).map((r) => r.name);
  } finally {
    await connection.end();
  }
  const { args, env } = clientArgs(db);
  await runTool(
    tool,
    [...args, '--single-transaction', '--routines', '--triggers', '--no-tablespaces', '--hex-blob', `--result-file=${target}`, db.database],
    env,
  );
  return migrations;
}

function listUploads(config: AppConfig): string[] {
  const dir = join(config.dataDir, 'uploads');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && UPLOAD_NAME.test(f.name))
    .map((f) => f.name)
    .sort();
}

export async function backupCommand(config: AppConfig, argv: string[], out: (line: string) => void): Promise<void> {
  const { options, positional } = parseArgs(argv, ['to'], []);
  if (positional.length)
    throw new BackupError(`Argument inattendu : ${positional[0]}. Usage : backup [--to <fichier ou dossier>]`, EXIT.usage);
  // eslint-disable-next-line no-restricted-syntax -- backup CLI, outside Nest DI
  const now = new Date();
  const target = archivePath(config, options['to'] as string | undefined, now);
  if (existsSync(target))
    throw new BackupError(`${target} existe déjà : choisissez un autre nom, la sauvegarde ne remplace pas un fichier.`, EXIT.failed);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw new BackupError(
      `Impossible de créer le dossier ${dirname(target)} (${(e as NodeJS.ErrnoException).code ?? 'erreur'}).`,
      EXIT.failed,
    );
  }
  const staging = mkdtempSync(join(dirname(target), '.pointage-backup-'));
  const partial = `${target}.part`;
  try {
    const dbFile = join(staging, DB_FILE[config.db.type]);
    const migrations =
      config.db.type === 'sqlite'
        ? await dumpSqlite(config as AppConfig & { db: { type: 'sqlite' } }, dbFile)
        : await dumpMariadb(config as AppConfig & { db: { type: 'mariadb' } }, dbFile);
    // Uploads are copied first: a logo replaced meanwhile cannot change under the checksum.
    const sources: TarSource[] = [{ name: DB_FILE[config.db.type], path: dbFile }];
    const uploads = listUploads(config);
    mkdirSync(join(staging, 'uploads'));
    for (const name of uploads) {
      try {
        copyFileSync(join(config.dataDir, 'uploads', name), join(staging, 'uploads', name));
        sources.push({ name: `uploads/${name}`, path: join(staging, 'uploads', name) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // removed meanwhile: no longer in use
      }
    }
    const files: ManifestFile[] = [];
    for (const s of sources) files.push({ name: s.name, size: statSync(s.path).size, sha256: await sha256Of(s.path) });
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      dialect: config.db.type,
      appVersion: appVersion(),
      createdAt: now.toISOString(),
      migrations,
      files,
    };
    const manifestPath = join(staging, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
    await writeTarGz(partial, [{ name: 'manifest.json', path: manifestPath }, ...sources]);
    renameSync(partial, target);
    out(
      `Sauvegarde enregistrée : ${target} (${frenchSize(statSync(target).size)} ; base ${config.db.type}, ` +
        `${migrations.length} migration(s), ${sources.length - 1} fichier(s) envoyé(s)).`,
    );
  } catch (e) {
    rmSync(partial, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new BackupError(`Le disque de ${dirname(target)} est plein : aucune sauvegarde n'a été écrite.`, EXIT.failed);
    throw e;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- restore

function readManifest(staging: string, entries: { name: string; size: number; sha256: string }[]): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw new ArchiveError('manifeste absent ou illisible');
  }
  if (manifest?.format !== BACKUP_FORMAT || !Array.isArray(manifest.files) || !Array.isArray(manifest.migrations)) {
    throw new ArchiveError('ce n’est pas une sauvegarde de Pointage');
  }
  const found = new Map(entries.filter((e) => e.name !== 'manifest.json').map((e) => [e.name, e]));
  for (const file of manifest.files) {
    const entry = found.get(file.name);
    if (!entry) throw new ArchiveError(`${file.name} manque`);
    if (entry.size !== file.size || entry.sha256 !== file.sha256)
      throw new ArchiveError(`${file.name} ne correspond pas à sa somme de contrôle`);
    found.delete(file.name);
  }
  if (found.size) throw new ArchiveError(`${[...found.keys()][0]} n’est pas dans le manifeste`);
  return manifest;
}

/** How many structures the target database holds (0 when it has no schema yet). */
async function structuresInTarget(config: AppConfig): Promise<number> {
  if (config.db.type === 'sqlite') {
    if (!existsSync(config.db.path)) return 0;
    const db = new Database(config.db.path, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'structure'").get();
      return has ? Number((db.prepare('SELECT COUNT(*) AS n FROM structure').get() as { n: number }).n) : 0;
    } finally {
      db.close();
    }
  }
  const connection = await createConnection({ uri: config.db.url, connectTimeout: 5000 });
  try {
    const [tables] = await connection.query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'structure'",
    );
    if (!(tables as unknown[]).length) return 0;
    const [rows] = await connection.query('SELECT COUNT(*) AS n FROM structure');
    return Number((rows as { n: number }[])[0]?.n ?? 0);
  } finally {
    await connection.end();
  }
}

const IN_USE =
  "La base de cette installation est ouverte par un autre programme (Pointage est-il encore en marche ?) : arrêtez Pointage avant de restaurer. Rien n'a été modifié.";

/**
 * Restoring under a running Pointage would lose what it writes next (SQLite:
 * into the replaced file; MariaDB: tables dropped under it). SQLite: leaving
 * WAL mode needs the only connection, so it fails while another process has the
 * file open. MariaDB: other sessions on the database (those the user may see).
 */
async function assertNotInUse(config: AppConfig): Promise<void> {
  if (config.db.type === 'sqlite') {
    if (!existsSync(config.db.path)) return;
    const db = new Database(config.db.path, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 1000');
      const mode = String(db.pragma('journal_mode', { simple: true }));
      if (mode === 'wal') {
        db.pragma('journal_mode = DELETE');
        db.pragma('journal_mode = WAL');
      }
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new BackupError(IN_USE, EXIT.refused);
      throw e;
    } finally {
      db.close();
    }
    return;
  }
  const connection = await createConnection({ uri: config.db.url, connectTimeout: 5000 });
  try {
    const [rows] = await connection.query(
      'SELECT COUNT(*) AS n FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()',
    );
    if (Number((rows as { n: number }[])[0]?.n ?? 0) > 0) throw new BackupError(IN_USE, EXIT.refused);
  } finally {
    await connection.end();
  }
}

function restoreSqlite(config: AppConfig & { db: { type: 'sqlite' } }, staged: string): void {
  const check = new Database(staged, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new ArchiveError(`la base sauvegardée est endommagée (${String(result)})`);
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError('la base sauvegardée est illisible');
  } finally {
    check.close();
  }
  const path = config.db.path;
  mkdirSync(dirname(path), { recursive: true });
  const incoming = `${path}.restoring`;
  copyFileSync(staged, incoming);
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  renameSync(incoming, path);
}

async function restoreMariadb(config: AppConfig & { db: { type: 'mariadb' } }, staged: string): Promise<void> {
  const tool = findExecutable(['mariadb', 'mysql']);
  if (!tool) throw missingClient('mariadb', 'restaurer une base MariaDB');
  // Empty the database first (a schema without structures, or --force).
  const connection = await createConnection({ uri: config.db.url, connectTimeout: 5000 });
  try {
    await connection.query('SET FOREIGN_KEY_CHECKS = 0');
    const [tables] = await connection.query(
      'SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = DATABASE()',
    );
    for (const t of tables as { name: string; type: string }[]) {
      await connection.query(`DROP ${t.type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS \`${t.name.replace(/`/g, '``')}\``);
    }
    const [routines] = await connection.query(
      'SELECT routine_name AS name, routine_type AS type FROM information_schema.routines WHERE routine_schema = DATABASE()',
    );
    for (const r of routines as { name: string; type: string }[]) {
      await connection.query(`DROP ${r.type === 'FUNCTION' ? 'FUNCTION' : 'PROCEDURE'} IF EXISTS \`${r.name.replace(/`/g, '``')}\``);
    }
  } finally {
    await connection.end();
  }
  const db = mariadbTarget(config.db.url);
  const { args, env } = clientArgs(db);
  try {
    await runTool(tool, [...args, '--binary-mode', db.database], env, staged);
  } catch (e) {
    if (e instanceof BackupError) {
      throw new BackupError(
        `${e.message} La base ${db.database} est peut-être restaurée en partie : corrigez la cause puis relancez avec --force.`,
        EXIT.failed,
      );
    }
    throw e;
  }
}

function frenchDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(d);
}

export async function restoreCommand(config: AppConfig, argv: string[], out: (line: string) => void): Promise<void> {
  const { options, positional } = parseArgs(argv, [], ['force']);
  if (positional.length !== 1) throw new BackupError('Usage : restore <archive.tar.gz> [--force]', EXIT.usage);
  const archive = resolve(positional[0] as string);
  if (!existsSync(archive) || !statSync(archive).isFile()) throw new BackupError(`L'archive ${archive} est introuvable.`, EXIT.badArchive);

  const staging = mkdtempSync(join(config.dataDir, '.restore-'));
  try {
    let manifest: BackupManifest;
    try {
      const accept = (name: string) =>
        name === 'manifest.json' ||
        name === DB_FILE.sqlite ||
        name === DB_FILE.mariadb ||
        (name.startsWith('uploads/') && UPLOAD_NAME.test(name.slice(8)));
      const entries = await extractTarGz(archive, staging, accept);
      manifest = readManifest(staging, entries);
    } catch (e) {
      if (e instanceof ArchiveError) {
        throw new BackupError(`L'archive ${archive} est illisible ou endommagée (${e.message}) : rien n'a été modifié.`, EXIT.badArchive);
      }
      throw e;
    }
    if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new BackupError(
        `Cette sauvegarde a été faite par une version plus récente de Pointage (${manifest.appVersion}) : mettez Pointage à jour avant de la restaurer. Rien n'a été modifié.`,
        EXIT.refused,
      );
    }
    if (manifest.dialect !== config.db.type) {
      throw new BackupError(
        `Cette sauvegarde vient d'une base ${manifest.dialect} et cette installation utilise ${config.db.type} : ` +
          `restaurez-la dans une installation ${manifest.dialect} (DB_TYPE=${manifest.dialect}) ; passer d'un moteur à l'autre n'est pas pris en charge par la restauration. Rien n'a été modifié.`,
        EXIT.refused,
      );
    }
    const known = migrationNames(config.db.type);
    const unknown = manifest.migrations.filter((m) => !known.includes(m));
    if (unknown.length) {
      throw new BackupError(
        `Cette sauvegarde vient d'une version plus récente de Pointage (${manifest.appVersion}, migration ${unknown[0]} inconnue ici) : ` +
          `mettez Pointage à jour avant de la restaurer. Rien n'a été modifié.`,
        EXIT.refused,
      );
    }
    const dbName = DB_FILE[manifest.dialect];
    if (!manifest.files.some((f) => f.name === dbName)) {
      throw new BackupError(`L'archive ${archive} est illisible ou endommagée (${dbName} manque) : rien n'a été modifié.`, EXIT.badArchive);
    }
    const structures = await structuresInTarget(config);
    if (structures > 0 && options['force'] !== true) {
      throw new BackupError(
        `La base de cette installation contient déjà ${structures} structure(s) : la restauration ne remplace pas des données existantes. ` +
          `Restaurez dans une installation vide, ou ajoutez --force pour remplacer sa base et ajouter les fichiers de la sauvegarde. Rien n'a été modifié.`,
        EXIT.refused,
      );
    }

    await assertNotInUse(config);

    const staged = join(staging, dbName);
    if (config.db.type === 'sqlite') {
      try {
        restoreSqlite(config as AppConfig & { db: { type: 'sqlite' } }, staged);
      } catch (e) {
        if (e instanceof ArchiveError) {
          throw new BackupError(`L'archive ${archive} est illisible ou endommagée (${e.message}) : rien n'a été modifié.`, EXIT.badArchive);
        }
        throw e;
      }
    } else {
      await restoreMariadb(config as AppConfig & { db: { type: 'mariadb' } }, staged);
    }

    const uploads = manifest.files.filter((f) => f.name.startsWith('uploads/'));
    const uploadsDir = join(config.dataDir, 'uploads');
    mkdirSync(uploadsDir, { recursive: true });
    for (const file of uploads) {
      const name = file.name.slice('uploads/'.length);
      const incoming = join(uploadsDir, `.upload-restore-${name}`);
      copyFileSync(join(staging, file.name), incoming);
      chmodSync(incoming, 0o640); // as settings/uploads.ts writes them
      renameSync(incoming, join(uploadsDir, name));
    }

    // An older backup in a newer app: bring its schema up to date now.
    const ds = await openDatabase(config);
    await ds.destroy();
    const applied = known.length - manifest.migrations.length;
    out(
      `Sauvegarde du ${frenchDate(manifest.createdAt)} (Pointage ${manifest.appVersion}) restaurée : base ${config.db.type}, ` +
        `${uploads.length} fichier(s) envoyé(s)` +
        (applied > 0 ? `, ${applied} migration(s) appliquée(s) pour cette version.` : '.'),
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
    // A failed copy may leave its temporary file behind.
    if (config.db.type === 'sqlite') rmSync(`${config.db.path}.restoring`, { force: true });
  }
}
