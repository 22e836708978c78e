import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { loadConfig } from '../config/config';
import {
  bearer,
  createFamily,
  createStructureWithAdmin,
  insertAttendance,
  memberBody,
  referenceIds,
  StructureFixture,
  superAdminToken,
} from '../../test/fixtures';
import { startTestApp, TestApp, TestDialect } from '../../test/harness';
import { createTempDatabase, TempDatabase } from '../../test/mariadb';
import { API_BUNDLE, assertBundleBuilt, baseEnv, collect, Exited, spawnApi, waitForHealthy } from '../../test/process';
import { freePort } from '@pointage/test-support';

/**
 * `cli backup` and `cli restore`, run as a user runs them (the built bundle,
 * spawned): an install with a structure, families, attendance and a logo is
 * saved while it runs, restored into a new empty install (new DATA_DIR, new
 * database), and the app starts on it with the same data. Refusals (a target
 * that holds structures, a damaged archive) leave the target as it was.
 */
const CLI = join(dirname(API_BUNDLE), 'cli.js');

interface Install {
  dataDir: string;
  env: Record<string, string>;
  db: TempDatabase | null;
  dialect: TestDialect;
}

function runCli(env: Record<string, string>, args: string[]): Promise<Exited> {
  return collect(spawn(process.execPath, [CLI, ...args], { env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] }), 120_000);
}

/** The single French line a refused or failed command prints, and nothing else. */
function expectOneErrorLine(r: Exited, code: number, pattern: RegExp): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Erreur : /);
  expect(lines[0]).toMatch(pattern);
}

async function newInstall(dialect: TestDialect): Promise<Install> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pointage-restore-'));
  const db = dialect === 'mariadb' ? await createTempDatabase('restore') : null;
  return {
    dataDir,
    db,
    dialect,
    env: {
      DATA_DIR: dataDir,
      DB_TYPE: dialect,
      ...(db ? { DATABASE_URL: db.url } : {}),
      POINTAGE_MODE: 'federation',
      WEB_ROOT: join(dataDir, 'no-web'),
    },
  };
}

async function dropInstall(i: Install): Promise<void> {
  await i.db?.drop();
  rmSync(i.dataDir, { recursive: true, force: true });
}

/** A data source on an install's database (no migrations run). */
async function open(i: Install): Promise<DataSource> {
  const ds = createDataSource(loadConfig({ ...i.env, NODE_ENV: 'test' }).db);
  await ds.initialize();
  return ds;
}

async function tables(i: Install): Promise<string[]> {
  const ds = await open(i);
  try {
    const rows: { name: string }[] =
      i.dialect === 'sqlite'
        ? await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        : await ds.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()');
    return rows.map((r) => r.name);
  } finally {
    await ds.destroy();
  }
}

async function snapshot(ds: DataSource) {
  const [families] = await ds.query('SELECT COUNT(*) AS n FROM family');
  const [members] = await ds.query('SELECT COUNT(*) AS n FROM member');
  const [attendance] = await ds.query('SELECT COUNT(*) AS n FROM attendance');
  const names: { name: string }[] = await ds.query('SELECT name FROM family ORDER BY id');
  return { families: Number(families.n), members: Number(members.n), attendance: Number(attendance.n), names: names.map((r) => r.name) };
}

async function png(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

describe('backup and restore through the command line', () => {
  let t: TestApp;
  let a: StructureFixture;
  let sourceEnv: Record<string, string>;
  let logoName: string;
  let archive: string;
  let outDir: string;
  /** The install restored by the first test (its app stopped since). */
  let restoredInstall: Install;
  const installs: Install[] = [];

  beforeAll(async () => {
    assertBundleBuilt();
    t = await startTestApp();
    const sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque Sauvegarde');
    const ref = await referenceIds(t, a.adminToken);
    const memberIds: number[] = [];
    for (const [name, first] of [
      ['DURAND', 'Alice'],
      ['PETIT', 'Bruno'],
      ['LEROY', 'Chloé'],
    ]) {
      const { family } = await createFamily(t, a.adminToken, name as string, [
        memberBody(ref, { lastName: name, firstName: first }),
        memberBody(ref, { lastName: name, firstName: 'Enfant', birthDate: '2018-06-01', statusId: ref['status']['Enfant à charge'] }),
      ]);
      memberIds.push(...family.members.map((m) => m.id));
    }
    await insertAttendance(t, a.structure.id, '2026-03-04', memberIds);
    await insertAttendance(t, a.structure.id, '2026-03-11', memberIds.slice(0, 3));
    const logo = await t
      .http()
      .put('/api/settings/logo')
      .set(bearer(a.adminToken))
      .set('Content-Type', 'image/png')
      .send(await png(120, 60))
      .expect(200);
    logoName = (logo.body.url as string).split('/').pop() as string;
    sourceEnv = {
      DATA_DIR: t.config.dataDir,
      DB_TYPE: t.dialect,
      ...(t.config.db.type === 'mariadb' ? { DATABASE_URL: t.config.db.url } : {}),
      POINTAGE_MODE: 'federation',
    };
    outDir = mkdtempSync(join(tmpdir(), 'pointage-backups-'));
  });

  afterAll(async () => {
    for (const i of installs) await dropInstall(i);
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    await t?.close();
  });

  async function install(): Promise<Install> {
    const i = await newInstall(t.dialect);
    installs.push(i);
    return i;
  }

  it('saves a running install into one archive with its manifest, then restores it into an empty install on which the app starts', async () => {
    const before = await snapshot(t.dataSource);
    expect(before).toMatchObject({ families: 3, members: 6, attendance: 9 });

    // The app keeps running (and writing) while the backup is taken.
    const saved = await runCli(sourceEnv, ['backup', '--to', `${outDir}/`]);
    expect(saved.stderr).toBe('');
    expect(saved.code).toBe(0);
    const match =
      /^Sauvegarde enregistrée : (\S+\.tar\.gz) \(.+ ; base (\w+), (\d+) migration\(s\), (\d+) fichier\(s\) envoyé\(s\)\)\.\n$/.exec(
        saved.stdout,
      );
    expect(match).not.toBeNull();
    archive = match?.[1] as string;
    expect(dirname(archive)).toBe(outDir);
    expect(match?.[2]).toBe(t.dialect);
    // The logo as displayed and its original.
    const uploads = readdirSync(join(t.config.dataDir, 'uploads')).sort();
    expect(uploads).toHaveLength(2);
    expect(uploads).toContain(logoName);
    expect(match?.[4]).toBe('2');
    expect(readdirSync(outDir)).toEqual([archive.split('/').pop()]); // no leftover staging or partial file

    const target = await install();
    restoredInstall = target;
    const restored = await runCli(target.env, ['restore', archive]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      new RegExp(
        `^Sauvegarde du \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d \\(Pointage [\\d.]+\\) restaurée : base ${t.dialect}, 2 fichier\\(s\\) envoyé\\(s\\)\\.\\n$`,
      ),
    );

    // The uploads, byte for byte; no staging folder left in DATA_DIR.
    expect(readdirSync(join(target.dataDir, 'uploads')).sort()).toEqual(uploads);
    for (const name of uploads) {
      expect(readFileSync(join(target.dataDir, 'uploads', name)).equals(readFileSync(join(t.config.dataDir, 'uploads', name)))).toBe(true);
    }
    expect(readdirSync(target.dataDir).filter((f) => f.startsWith('.'))).toEqual([]);

    const ds = await open(target);
    try {
      expect(await snapshot(ds)).toEqual(before);
    } finally {
      await ds.destroy();
    }

    // The app starts on the restored install: the admin logs in and sees the same families and logo.
    const port = await freePort();
    const app = spawnApi({ env: { ...target.env, PORT: String(port), HOST: '127.0.0.1' } });
    const exited = collect(app, 120_000);
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHealthy(`${base}/api/health`, 60_000);
      const loginRes = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login: a.adminEmail, password: a.adminPassword }),
      });
      expect(loginRes.status).toBe(200);
      const token = ((await loginRes.json()) as { accessToken: string }).accessToken;
      const families = await fetch(`${base}/api/families`, { headers: bearer(token) });
      expect(families.status).toBe(200);
      const original = await t.http().get('/api/families').set(bearer(a.adminToken)).expect(200);
      expect(await families.json()).toEqual(original.body);
      const logo = await fetch(`${base}/api/public/files/${logoName}`);
      expect(logo.status).toBe(200);
      expect(Buffer.from(await logo.arrayBuffer()).equals(readFileSync(join(t.config.dataDir, 'uploads', logoName)))).toBe(true);
    } finally {
      app.kill('SIGTERM');
      await exited;
    }
  });

  it('refuses to restore into an install that already holds structures, and leaves it as it was', async () => {
    const before = await snapshot(t.dataSource);
    const r = await runCli(sourceEnv, ['restore', archive]);
    expectOneErrorLine(r, 4, /^Erreur : La base de cette installation contient déjà 1 structure\(s\) : .*--force.*Rien n'a été modifié\.$/);
    expect(await snapshot(t.dataSource)).toEqual(before);
    expect(readdirSync(t.config.dataDir).filter((f) => f.startsWith('.restore-'))).toEqual([]);

    // --force does not replace the database under a running Pointage either.
    const forced = await runCli(sourceEnv, ['restore', archive, '--force']);
    expectOneErrorLine(
      forced,
      4,
      /^Erreur : La base de cette installation est ouverte par un autre programme \(Pointage est-il encore en marche \?\) : arrêtez Pointage avant de restaurer\. Rien n'a été modifié\.$/,
    );
    expect(await snapshot(t.dataSource)).toEqual(before);
  });

  it('with --force, replaces the database of a stopped install that holds structures', async () => {
    const ds = await open(restoredInstall);
    try {
      await ds.query("UPDATE family SET name = 'CHANGÉ'");
    } finally {
      await ds.destroy();
    }
    const refused = await runCli(restoredInstall.env, ['restore', archive]);
    expectOneErrorLine(refused, 4, /contient déjà 1 structure\(s\)/);
    const forced = await runCli(restoredInstall.env, ['restore', archive, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const check = await open(restoredInstall);
    try {
      expect(await snapshot(check)).toEqual(await snapshot(t.dataSource));
    } finally {
      await check.destroy();
    }
  });

  it('refuses a damaged or truncated archive with one line, and touches neither an empty nor a full install', async () => {
    const size = statSync(archive).size;
    const damaged = join(outDir, 'damaged.tar.gz');
    copyFileSync(archive, damaged);
    const bytes = readFileSync(damaged);
    for (let i = Math.floor(size / 2); i < Math.floor(size / 2) + 64; i++) bytes[i] = (bytes[i] as number) ^ 0x5a;
    writeFileSync(damaged, bytes);
    const truncated = join(outDir, 'truncated.tar.gz');
    copyFileSync(archive, truncated);
    truncateSync(truncated, Math.floor(size * 0.7));
    const notOurs = join(outDir, 'not-ours.tar.gz');
    writeFileSync(notOurs, 'hello');
    // A well-formed archive whose logo was changed after the manifest: the checksum says so.
    const work = mkdtempSync(join(tmpdir(), 'pointage-altered-'));
    const altered = join(outDir, 'altered.tar.gz');
    try {
      expect(spawnSync('tar', ['xzf', archive, '-C', work]).status).toBe(0);
      const names = [
        'manifest.json',
        ...readdirSync(work).filter((f) => f.startsWith('database.')),
        ...readdirSync(join(work, 'uploads')).map((f) => `uploads/${f}`),
      ];
      const logoCopy = join(work, 'uploads', logoName);
      const logoBytes = readFileSync(logoCopy);
      logoBytes[logoBytes.length - 1] = (logoBytes[logoBytes.length - 1] as number) ^ 1;
      writeFileSync(logoCopy, logoBytes);
      expect(spawnSync('tar', ['czf', altered, '-C', work, ...names]).status).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }

    const empty = await install();
    const alteredRun = await runCli(empty.env, ['restore', altered]);
    expectOneErrorLine(
      alteredRun,
      3,
      new RegExp(`\\(uploads/${logoName.replace(/\./g, '\\.')} ne correspond pas à sa somme de contrôle\\) : rien n'a été modifié\\.$`),
    );
    for (const file of [damaged, truncated, notOurs]) {
      const r = await runCli(empty.env, ['restore', file]);
      expectOneErrorLine(r, 3, /^Erreur : L'archive .+ est illisible ou endommagée \(.+\) : rien n'a été modifié\.$/);
    }
    // Nothing but the JWT secret every command start creates (no database file, no uploads, no staging folder).
    expect(readdirSync(empty.dataDir)).toEqual(['jwt-secret']);
    expect(await tables(empty)).toEqual([]);

    // Even with --force, a damaged archive replaces nothing in a full install.
    const before = await snapshot(t.dataSource);
    const uploadsBefore = readdirSync(join(t.config.dataDir, 'uploads')).sort();
    const forced = await runCli(sourceEnv, ['restore', damaged, '--force']);
    expectOneErrorLine(forced, 3, /illisible ou endommagée/);
    expect(await snapshot(t.dataSource)).toEqual(before);
    expect(readdirSync(join(t.config.dataDir, 'uploads')).sort()).toEqual(uploadsBefore);

    const missing = await runCli(empty.env, ['restore', join(outDir, 'nowhere.tar.gz')]);
    expectOneErrorLine(missing, 3, /est introuvable\.$/);
    const usage = await runCli(empty.env, ['restore']);
    expectOneErrorLine(usage, 2, /^Erreur : Usage : restore <archive\.tar\.gz> \[--force\]$/);
  });

  it('restores an older backup into this version: the missing migrations are applied after the restore', async () => {
    const old = await install();
    // An install left at the previous migration, as an older Pointage left it.
    const prepared = await runCli(old.env, ['migrate']);
    expect(prepared.code).toBe(0);
    const ds = await open(old);
    try {
      await ds.undoLastMigration({ transaction: 'each' });
      await ds.query(
        "INSERT INTO structure (name, slug, time_zone, active, created_at) VALUES ('Ludothèque Ancienne', 'ancienne', 'Europe/Paris', 1, '2026-01-01 00:00:00.000')",
      );
    } finally {
      await ds.destroy();
    }
    const saved = await runCli(old.env, ['backup', '--to', join(outDir, 'old.tar.gz')]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^Sauvegarde enregistrée : .+old\.tar\.gz/);

    const target = await install();
    const restored = await runCli(target.env, ['restore', join(outDir, 'old.tar.gz')]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(
      /restaurée : base \w+, 0 fichier\(s\) envoyé\(s\), 1 migration\(s\) appliquée\(s\) pour cette version\.\n$/,
    );
    const check = await open(target);
    try {
      const applied: unknown[] = await check.query('SELECT name FROM migrations');
      expect(applied).toHaveLength(check.migrations.length);
      expect(await check.showMigrations()).toBe(false);
      const [structure] = await check.query("SELECT name FROM structure WHERE slug = 'ancienne'");
      expect(structure.name).toBe('Ludothèque Ancienne');
    } finally {
      await check.destroy();
    }
  });
});
