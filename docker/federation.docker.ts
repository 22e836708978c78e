import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { freePort } from '@pointage/test-support';

/**
 * The federation install as an IT person runs it: the real image built from docker/Dockerfile,
 * the real docker/compose.yaml (MariaDB + the app, read-only root, every capability dropped),
 * reached through the published port only.
 *
 *  1. Upgrade: the database of the previous migration-changing commit (the fixture of
 *     apps/api/test/upgrade, loaded into the compose database) is upgraded by the image. First
 *     with a migration that fails: the container never becomes healthy, says why in one line, and
 *     the database is as it was; then for real: the fixture's data is all there.
 *  2. A centre's life: super-admin login, a structure and its admin, a slot, a family that
 *     registers and checks in at the kiosk, a logo, a statistics PDF (Chromium in the image).
 *  3. `down` then `up`: everything is still there.
 *
 * No registry is reachable here: tools/docker/images.mjs builds stand-ins for the node and
 * mariadb base images (tools/docker/README.md); the compose file takes them through its
 * MARIADB_IMAGE / POINTAGE_IMAGE variables and is otherwise used as shipped.
 */
const ROOT = join(__dirname, '..');
const FIXTURE_DIR = join(ROOT, 'apps/api/test/upgrade');
const IMAGE = 'pointage:test';
const ROOT_PASSWORD = 'racine' + randomBytes(6).toString('hex');
const DB_PASSWORD = 'pointage' + randomBytes(6).toString('hex');

/** apps/api/test/upgrade/fixture.json: who can log in to the fixture databases, and what they hold. */
interface Fixture {
  madeWith: { commit: string };
  superAdmin: { email: string; password: string };
  structure: string;
  admin: { mariadb: { login: string; password: string } };
  rows: { mariadb: Record<string, number> };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} → ${r.status}\n${r.stdout}\n${r.stderr}`);
  return String(r.stdout ?? '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A 2×2 PNG, made here: the logo upload goes through sharp inside the image. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

describe('the federation install in Docker', () => {
  const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, 'fixture.json'), 'utf8')) as Fixture;
  const project = `pointage-test-${process.env['POINTAGE_TEST_RUN'] ?? randomBytes(3).toString('hex')}`;
  let dir: string;
  let composeFile: string;
  let composeCmd: string[];
  let env: NodeJS.ProcessEnv;
  let base: string;
  let proxyImage: string;
  const measured: Record<string, string> = {};

  /** docker/compose.ha.yaml on top, once the replicas test has started (so that every later call sees the proxy). */
  let extraFiles: string[] = [];
  const files = () => ['-f', composeFile, ...extraFiles.flatMap((f) => ['-f', f])];
  const compose = (args: string[], options: SpawnSyncOptions = {}) =>
    run(composeCmd[0], [...composeCmd.slice(1), '-p', project, ...files(), ...args], { env, cwd: join(ROOT, 'docker'), ...options });
  const containerId = (service: string) => compose(['ps', '-q', service]).trim().split('\n')[0] ?? '';
  const health = (service: string) => {
    const id = containerId(service);
    return id
      ? run('docker', [
          'inspect',
          '-f',
          '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.Status}} {{.RestartCount}}',
          id,
        ]).trim()
      : 'absent';
  };
  async function waitHealthy(service: string, timeoutMs = 180_000): Promise<number> {
    const started = Date.now();
    for (;;) {
      const h = health(service);
      if (h.startsWith('healthy ')) return Date.now() - started;
      if (Date.now() - started > timeoutMs)
        throw new Error(`${service} not healthy after ${timeoutMs} ms (${h})\n${compose(['logs', '--tail=80', service])}`);
      await sleep(1000);
    }
  }
  /** SQL as the database's root, through the db container (the published port is the app's only). */
  const sql = (query: string, input?: string) =>
    compose(
      [
        'exec',
        '-T',
        'db',
        'mariadb',
        '-uroot',
        `-p${ROOT_PASSWORD}`,
        '-N',
        '-B',
        'pointage',
        ...(input === undefined ? ['-e', query] : []),
      ],
      input === undefined ? {} : { input },
    );
  const schema = () =>
    sql(
      "SELECT CONCAT_WS(' ', c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE) FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = 'pointage' ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION",
    );
  const countsOf = (tables: string[]) => Object.fromEntries(tables.map((t) => [t, Number(sql(`SELECT COUNT(*) FROM \`${t}\``).trim())]));

  /** A request to one address: the published port (`api`), a replica's own port or the proxy. */
  async function call(
    url: string,
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer & { raw: Buffer; type: string }> {
    const isBuffer = Buffer.isBuffer(body);
    const res = await fetch(url + path, {
      method,
      headers: {
        ...(isBuffer ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isBuffer ? new Uint8Array(body) : JSON.stringify(body),
    });
    const raw = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      raw,
      type,
      body: type.includes('json') && raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {},
    };
  }
  const api = (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
    call(base, method, path, token, body, headers);
  /** The id of a structure's reference item by list and label (sex, city, status, minima, qf). */
  async function referencePicker(url: string, slug: string): Promise<(kind: string, label: string) => number> {
    const ref = (await call(url, 'GET', `/api/public/structures/${slug}/reference`, null)).body as unknown as Record<
      string,
      { id: number; label: string }[]
    >;
    return (kind, label) => (ref[kind]?.find((i) => i.label === label) as { id: number }).id;
  }
  const login = async (login: string, password: string, structure?: string) => {
    const res = await api('POST', '/api/auth/login', null, { login, password, ...(structure ? { structure } : {}) });
    if (res.status !== 200) throw new Error(`login ${login} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body['accessToken'] as string;
  };

  beforeAll(async () => {
    run('docker', ['info'], { stdio: 'ignore' });
    const client = ['docker', 'compose'];
    composeCmd = spawnSync(client[0], [client[1], 'version'], { stdio: 'ignore' }).status === 0 ? client : ['docker-compose'];
    // Base images (cached) and the real image from docker/Dockerfile.
    const started = Date.now();
    const out = run(process.execPath, [join(ROOT, 'tools/docker/images.mjs'), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const images = JSON.parse(out.trim().split('\n').pop() as string) as {
      mariadb: string;
      node: string;
      nginx: string;
      appBuildSeconds: number;
      appSizeBytes: number;
    };
    proxyImage = images.nginx;
    measured['image build (base images cached or not), s'] = String(Math.round((Date.now() - started) / 1000));
    measured['docker build of docker/Dockerfile, s'] = String(images.appBuildSeconds);
    measured['image size, MB'] = (images.appSizeBytes / 1e6).toFixed(0);

    dir = mkdtempSync(join(tmpdir(), 'pointage-docker-'));
    // Compose 1.x (Debian's docker-compose) predates the top-level `name`: the project name is
    // given with -p anyway, so a copy without it serves both clients.
    composeFile = join(ROOT, 'docker', `.compose-test-${project}.yaml`);
    writeFileSync(composeFile, readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8').replace(/^name: .*\n/m, ''));
    const envFile = join(dir, 'app.env');
    writeFileSync(
      envFile,
      [
        `JWT_SECRET=${randomBytes(32).toString('hex')}`,
        'POINTAGE_MODE=federation',
        'PUBLIC_URL=http://localhost',
        'MAIL_TRANSPORT=file',
        'LOG_REQUESTS=false',
        '',
      ].join('\n'),
    );
    const port = await freePort('0.0.0.0');
    base = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      MARIADB_IMAGE: images.mariadb,
      POINTAGE_IMAGE: IMAGE,
      POINTAGE_ENV_FILE: envFile,
      POINTAGE_PORT: String(port),
      MARIADB_PASSWORD: DB_PASSWORD,
      MARIADB_ROOT_PASSWORD: ROOT_PASSWORD,
    };
  }, 3_600_000);

  afterAll(() => {
    if (composeFile) {
      spawnSync(composeCmd[0], [...composeCmd.slice(1), '-p', project, ...files(), 'down', '-v', '--remove-orphans', '-t', '5'], {
        env,
        stdio: 'ignore',
      });
      rmSync(composeFile, { force: true });
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    // Untagged images are both the previous builds' leftovers and the build stage's layer cache
    // (classic builder): only those unused for three days go, so the next run still finds its cache.
    spawnSync('docker', ['image', 'prune', '-f', '--filter', 'until=72h'], { stdio: 'ignore' });
    console.log(
      `Docker measurements:\n${Object.entries(measured)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}`,
    );
  });

  let upgradedTables: string[] = [];

  it('upgrades the database of the previous migration-changing commit; a failing migration keeps it as it was and the app unhealthy', async () => {
    compose(['up', '-d', 'db']);
    measured['db: up to healthy, s'] = ((await waitHealthy('db')) / 1000).toFixed(1);
    sql('', readFileSync(join(FIXTURE_DIR, 'mariadb.sql'), 'utf8'));
    // Every table of the fixture but the migrations table, which the upgrade extends.
    const expected = Object.fromEntries(Object.entries(fixture.rows.mariadb).filter(([t]) => t !== 'migrations'));
    const tables = Object.keys(expected);
    expect(countsOf(tables)).toEqual(expected);

    // Sabotage: the pending migration's last statement adds structure.slots_version; a column of
    // that name already there makes it fail after its CREATE TABLEs have run.
    sql('ALTER TABLE structure ADD slots_version int NULL');
    const before = { schema: schema(), migrations: sql('SELECT name FROM migrations ORDER BY id'), counts: countsOf(tables) };
    compose(['up', '-d', '--no-deps', 'app']);
    const started = Date.now();
    let logs = '';
    while (!/La migration \S+ a échoué/.test(logs)) {
      if (Date.now() - started > 120_000) throw new Error(`no migration failure line:\n${logs}`);
      await sleep(2000);
      logs = compose(['logs', '--no-color', 'app']);
    }
    expect(health('app')).not.toMatch(/^healthy /);
    expect(
      await fetch(`${base}/api/health`).then(
        (r) => r.status,
        () => 'refused',
      ),
    ).not.toBe(200);
    expect({ schema: schema(), migrations: sql('SELECT name FROM migrations ORDER BY id'), counts: countsOf(tables) }).toEqual(before);

    // The sabotage removed, the same stack upgrades.
    compose(['stop', '-t', '5', 'app']);
    sql('ALTER TABLE structure DROP COLUMN slots_version');
    const upStarted = Date.now();
    compose(['up', '-d', '--no-deps', 'app']);
    await waitHealthy('app');
    measured['app: up to healthy after an upgrade, s'] = ((Date.now() - upStarted) / 1000).toFixed(1);
    expect(countsOf(tables)).toEqual(expected);
    const names = sql('SELECT name FROM migrations ORDER BY id').trim().split('\n');
    expect(names.length).toBe(new Set(names).size);
    expect(names.slice(0, before.migrations.trim().split('\n').length)).toEqual(before.migrations.trim().split('\n'));
    expect(names.at(-1)).toMatch(/^SharedThrottleAndSlotsVersion\d+$/);
    expect(sql('SELECT DISTINCT slots_version FROM structure').trim()).toBe('0');
    // The fixture's people log in with their passwords of the old version.
    await login(fixture.superAdmin.email, fixture.superAdmin.password);
    const admin = await login(fixture.admin.mariadb.login, fixture.admin.mariadb.password);
    expect((await api('GET', '/api/auth/me', admin)).body).toMatchObject({ role: 'admin' });
    const families = await api('GET', '/api/families', admin);
    expect(families.status).toBe(200);
    expect(families.body['total']).toBeGreaterThan(0);
    upgradedTables = tables;
  });

  let centre: { slug: string; adminLogin: string; adminPassword: string; familyEmail: string; logoUrl: string };

  it('runs a centre: structure, admin, slot, a family registered and checked in at the kiosk, a logo, a statistics PDF', async () => {
    expect(upgradedTables.length).toBeGreaterThan(0);
    const sa = await login(fixture.superAdmin.email, fixture.superAdmin.password);
    const structure = await api('POST', '/api/super-admin/structures', sa, { name: 'Ludothèque du Conteneur' });
    expect(structure.status).toBe(201);
    const { id, slug } = structure.body as { id: number; slug: string };
    const adminLogin = 'admin.conteneur@test.local';
    const admin = await api('POST', `/api/super-admin/structures/${id}/admins`, sa, { email: adminLogin });
    expect(admin.status).toBe(201);
    const adminPassword = admin.body['password'] as string;
    const adminToken = await login(adminLogin, adminPassword);

    const today = parisToday();
    const slot = await api('POST', '/api/slots/generate', adminToken, {
      from: today,
      to: today,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      ranges: [{ start: '00:00', end: '23:59' }],
    });
    expect(slot.status).toBe(200);

    const pick = await referencePicker(base, slug);
    const familyEmail = 'famille.conteneur@test.local';
    const registered = await api('POST', `/api/public/structures/${slug}/families`, null, {
      name: 'CONTENEUR',
      email: familyEmail,
      password: 'nous jouons dans le conteneur',
      qfId: pick('qf', '0 à 480 €'),
      minimaId: pick('minima', 'Non'),
      members: [
        {
          lastName: 'CONTENEUR',
          firstName: 'Léa',
          sexId: pick('sex', 'Femme'),
          birthDate: '2017-05-04',
          cityId: pick('city', 'Lille'),
          statusId: pick('status', 'Enfant à charge'),
          minimaId: pick('minima', 'Non'),
          qfId: pick('qf', '0 à 480 €'),
        },
        {
          lastName: 'CONTENEUR',
          firstName: 'Éloi',
          sexId: pick('sex', 'Homme'),
          birthDate: '1985-01-02',
          cityId: pick('city', 'Lille'),
          statusId: pick('status', 'Père'),
          minimaId: pick('minima', 'Non'),
          qfId: pick('qf', '0 à 480 €'),
        },
      ],
    });
    expect(registered.status).toBe(201);
    const familyToken = registered.body['accessToken'] as string;
    const sheet = await api('GET', '/api/family/sheet', familyToken);
    expect(sheet.status).toBe(200);
    const memberIds = (sheet.body['members'] as { id: number }[]).map((m) => m.id);
    expect(memberIds).toHaveLength(2);
    const checked = await api('POST', '/api/family/attendance', familyToken, { key: '6c1a4a54-8f2e-4f59-9b1e-6a1d2f0c3b7a', memberIds });
    expect(checked.status).toBe(200);
    expect(checked.body['recorded']).toBe(2);
    expect((await api('GET', `/api/public/structures/${slug}/kiosk`, null)).body['counter']).toBe(2);

    // The logo is stored on the app-data volume by sharp, inside the read-only container.
    const logo = await api('PUT', '/api/settings/logo', adminToken, tinyPng(), { 'Content-Type': 'image/png' });
    expect(logo.status).toBe(200);
    const logoUrl = (await api('GET', `/api/public/structures/${slug}`, null)).body['logoUrl'] as string;
    expect(logoUrl).toMatch(/^\/api\//);
    const served = await fetch(base + logoUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^image\//);

    // Chromium and the fonts are in the image: the statistics of today, as a PDF.
    const pdfStarted = Date.now();
    const pdf = await api('POST', '/api/statistics/export.pdf', adminToken, { from: today, to: today });
    measured['first statistics PDF in the container, s'] = ((Date.now() - pdfStarted) / 1000).toFixed(1);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfFile = join(dir, 'statistiques.pdf');
    writeFileSync(pdfFile, pdf.raw);
    const text = run('pdftotext', ['-layout', pdfFile, '-']);
    expect(text).toContain('Ludothèque du Conteneur');

    // The container runs as shipped: read-only root, no capabilities, not root.
    const inspected = JSON.parse(run('docker', ['inspect', containerId('app')]))[0] as {
      HostConfig: { ReadonlyRootfs: boolean; CapDrop: string[] | null };
      Config: { User: string };
    };
    expect(inspected.HostConfig.ReadonlyRootfs).toBe(true);
    expect(inspected.HostConfig.CapDrop).toEqual(expect.arrayContaining([expect.stringMatching(/^(CAP_)?ALL$/)]));
    expect(inspected.Config.User).toBe('pointage');
    centre = { slug, adminLogin, adminPassword, familyEmail, logoUrl };
  });

  it('keeps everything across `down` and `up`', async () => {
    expect(centre).toBeDefined();
    compose(['down', '-t', '20']);
    const started = Date.now();
    compose(['up', '-d']);
    await waitHealthy('app');
    measured['docker compose up to healthy (existing volumes), s'] = ((Date.now() - started) / 1000).toFixed(1);
    const adminToken = await login(centre.adminLogin, centre.adminPassword);
    const families = await api('GET', '/api/families', adminToken);
    expect(JSON.stringify(families.body)).toContain('CONTENEUR');
    expect((await api('GET', `/api/public/structures/${centre.slug}/kiosk`, null)).body['counter']).toBe(2);
    expect((await fetch(base + centre.logoUrl)).status).toBe(200);
    await login(centre.familyEmail, 'nous jouons dans le conteneur', centre.slug);
    expect(countsOf(upgradedTables)['family']).toBe(fixture.rows.mariadb['family'] + 1);
  });

  it('runs two app replicas behind the reverse proxy of docker/compose.ha.yaml: shared throttle and calendar, a check-in pressed on both recorded once', async () => {
    expect(centre).toBeDefined();
    // Each replica published on a free loopback port; users go through the proxy.
    const proxyPort = await freePort('0.0.0.0');
    env = { ...env, POINTAGE_PORT: '127.0.0.1:', POINTAGE_HA_PORT: String(proxyPort), PROXY_IMAGE: proxyImage };
    extraFiles = [join(ROOT, 'docker/compose.ha.yaml')];
    const started = Date.now();
    compose(['up', '-d', '--scale', 'app=2']);
    const ids = compose(['ps', '-q', 'app']).trim().split('\n').filter(Boolean);
    expect(ids).toHaveLength(2);
    for (;;) {
      const states = ids.map((id) => run('docker', ['inspect', '-f', '{{.State.Health.Status}}', id]).trim());
      if (states.every((x) => x === 'healthy')) break;
      if (Date.now() - started > 180_000)
        throw new Error(`replicas not healthy: ${states.join(', ')}\n${compose(['logs', '--tail=40', 'app'])}`);
      await sleep(1000);
    }
    const proxy = `http://127.0.0.1:${proxyPort}`;
    for (const t = Date.now(); ; await sleep(500)) {
      const ok = await fetch(`${proxy}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() - t > 60_000) throw new Error(`the proxy does not answer\n${compose(['logs', '--tail=40', 'proxy'])}`);
    }
    measured['two replicas + proxy: up to healthy, s'] = ((Date.now() - started) / 1000).toFixed(1);
    const replicas = ids.map((id) => {
      const mapped = run('docker', ['port', id, '3000/tcp']).trim().split('\n')[0] ?? '';
      return `http://127.0.0.1:${mapped.split(':').pop()}`;
    });
    const [A, B] = replicas as [string, string];

    // The login throttle is shared: 10 failures spread over both replicas, then 429 on either.
    for (let i = 0; i < 10; i++) {
      expect(
        (await call(i % 2 ? B : A, 'POST', '/api/auth/login', null, { login: 'intrus@test.local', password: `essai ${i}` })).status,
      ).toBe(401);
    }
    for (const r of replicas)
      expect((await call(r, 'POST', '/api/auth/login', null, { login: 'intrus@test.local', password: 'encore' })).status).toBe(429);

    // A slot generated through A is seen at once by B's kiosk.
    const sa = (
      await call(proxy, 'POST', '/api/auth/login', null, { login: fixture.superAdmin.email, password: fixture.superAdmin.password })
    ).body['accessToken'] as string;
    const structure = (await call(A, 'POST', '/api/super-admin/structures', sa, { name: 'Ludothèque Deux Instances' })).body as {
      id: number;
      slug: string;
    };
    const admin = (await call(B, 'POST', `/api/super-admin/structures/${structure.id}/admins`, sa, { email: 'admin.deux@test.local' }))
      .body as {
      password: string;
    };
    const adminToken = (await call(A, 'POST', '/api/auth/login', null, { login: 'admin.deux@test.local', password: admin.password })).body[
      'accessToken'
    ] as string;
    expect((await call(B, 'GET', `/api/public/structures/${structure.slug}/kiosk`, null)).body['slot']).toBeNull();
    const today = parisToday();
    const allDay = { from: today, to: today, weekdays: [1, 2, 3, 4, 5, 6, 7], ranges: [{ start: '00:00', end: '23:59' }] };
    expect((await call(A, 'POST', '/api/slots/generate', adminToken, allDay)).status).toBe(200);
    expect((await call(B, 'GET', `/api/public/structures/${structure.slug}/kiosk`, null)).body['slot']).not.toBeNull();

    // A family registers through the proxy; VALIDER is pressed with one key on both replicas at
    // the same moment (a lost answer and the kiosk's retry): recorded once.
    const pick = await referencePicker(proxy, structure.slug);
    const member = (firstName: string) => ({
      lastName: 'DEUX',
      firstName,
      sexId: pick('sex', 'Femme'),
      birthDate: '2016-02-03',
      cityId: pick('city', 'Ronchin'),
      statusId: pick('status', 'Enfant à charge'),
      minimaId: pick('minima', 'Non'),
      qfId: pick('qf', '0 à 480 €'),
    });
    const registered = await call(proxy, 'POST', `/api/public/structures/${structure.slug}/families`, null, {
      name: 'DEUX',
      email: 'famille.deux@test.local',
      password: 'deux instances pour une famille',
      qfId: pick('qf', '0 à 480 €'),
      minimaId: pick('minima', 'Non'),
      members: [member('Anna'), member('Inès')],
    });
    expect(registered.status).toBe(201);
    const familyToken = registered.body['accessToken'] as string;
    const memberIds = ((await call(B, 'GET', '/api/family/sheet', familyToken)).body['members'] as { id: number }[]).map((m) => m.id);
    expect(memberIds).toHaveLength(2);
    const press = { key: 'b3a1f0de-2c4e-4d7a-9f1b-0c2d3e4f5a6b', memberIds };
    const answers = await Promise.all([
      call(A, 'POST', '/api/family/attendance', familyToken, press),
      call(B, 'POST', '/api/family/attendance', familyToken, press),
    ]);
    // The second may be told to wait (409 validation in progress); its retry is then answered.
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const retried = await call(answers[0]?.status === 200 ? B : A, 'POST', '/api/family/attendance', familyToken, press);
    expect(retried.status).toBe(200);
    for (const r of [...replicas, proxy])
      expect((await call(r, 'GET', `/api/public/structures/${structure.slug}/kiosk`, null)).body['counter']).toBe(2);
    expect(sql(`SELECT COUNT(*) FROM attendance WHERE structure_id = ${Number(structure.id)}`).trim()).toBe('2');
  });
});
