import { createHash, randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect, createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDialect } from '../../test/harness';
import { API_BUNDLE, assertBundleBuilt, baseEnv, collect, Exited, runApi, spawnApi, waitForHealthy } from '../../test/process';
import { freePort } from '@pointage/test-support';

/**
 * Start-up failures of the real bundle: one readable line on stderr, exit code 1,
 * existing data untouched.
 */
function expectOneCleanLine(result: Exited, pattern: RegExp): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Erreur : /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr + result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** GET /api/health through an agent (keep-alive or not): status and Connection header. */
function get(port: number, agent: Agent): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

const dialect = testDialect();
let dir: string;

beforeAll(() => assertBundleBuilt());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pointage-start-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe('start-up with bad configuration', () => {
  it('refuses an unknown DB_TYPE', async () => {
    const r = await runApi({ env: { DATA_DIR: dir, DB_TYPE: 'oracle', PORT: String(await freePort()) } });
    expectOneCleanLine(r, /DB_TYPE="oracle" n'est pas pris en charge/);
  });

  it('refuses a bad port', async () => {
    const r = await runApi({ env: { DATA_DIR: dir, PORT: '99999' } });
    expectOneCleanLine(r, /PORT="99999" n'est pas un port valide/);
  });

  it('says so when the port is already in use', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((res) => blocker.listen(port, '0.0.0.0', () => res()));
    try {
      const r = await runApi({ env: { DATA_DIR: dir, PORT: String(port) } });
      expectOneCleanLine(r, new RegExp(`Le port ${port} est déjà utilisé`));
      expect(existsSync(join(dir, 'pointage.sqlite'))).toBe(false);
    } finally {
      await new Promise((res) => blocker.close(res));
    }
  });

  it('refuses a corrupted SQLite file and leaves it untouched', async () => {
    const file = join(dir, 'pointage.sqlite');
    writeFileSync(file, randomBytes(64 * 1024));
    const before = sha(file);
    const r = await runApi({ env: { DATA_DIR: dir, PORT: String(await freePort()) } });
    expectOneCleanLine(r, /est illisible ou endommagé/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a read-only data folder and leaves its files untouched', async () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'keep.txt'), 'précieux');
    chmodSync(data, 0o555);
    chmodSync(dir, 0o755);
    // root ignores file permissions. Run the app as "nobody" to get a real refusal — when
    // nobody can reach the bundle: a checkout in root's home (/root is 0700) is out of its
    // reach, and then the folder is made immutable instead, which stops root too.
    const nobody = { uid: 65534, gid: 65534 };
    const isRoot = process.getuid?.() === 0;
    const nobodyCanRun =
      isRoot && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(API_BUNDLE)}, 4)`], nobody).status === 0;
    const immutable = isRoot && !nobodyCanRun;
    if (immutable) {
      const chattr = spawnSync('chattr', ['+i', data], { encoding: 'utf8' });
      if (chattr.status !== 0)
        throw new Error(`running as root out of nobody's reach, and chattr +i failed: ${chattr.stderr || chattr.error}`);
    }
    try {
      const r = await runApi({ env: { DATA_DIR: data, PORT: String(await freePort()) }, asUser: nobodyCanRun ? nobody : undefined });
      expectOneCleanLine(r, /n'est pas accessible en écriture/);
      expect(readFileSync(join(data, 'keep.txt'), 'utf8')).toBe('précieux');
    } finally {
      if (immutable) spawnSync('chattr', ['-i', data]);
      chmodSync(data, 0o755);
    }
  });

  it('refuses a SQLite file that cannot be written, and leaves it untouched', async () => {
    // A database made by a first start, then made read-only (immutable: root ignores file modes).
    const port = await freePort();
    const first = spawnApi({ env: { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' } });
    const firstExited = collect(first);
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`);
    first.kill('SIGTERM');
    expect((await firstExited).code).toBe(0);
    const file = join(dir, 'pointage.sqlite');
    const before = sha(file);
    const chattr = spawnSync('chattr', ['+i', file], { encoding: 'utf8' });
    if (chattr.status !== 0) throw new Error(`chattr +i failed: ${chattr.stderr || chattr.error}`);
    try {
      const r = await runApi({ env: { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' }, timeoutMs: 20_000 });
      expectOneCleanLine(r, /La base .*pointage\.sqlite est en lecture seule/);
      expect(sha(file)).toBe(before);
    } finally {
      spawnSync('chattr', ['-i', file]);
    }
  });

  it('says when MariaDB is unreachable', async () => {
    const r = await runApi({
      env: { DATA_DIR: dir, DB_TYPE: 'mariadb', DATABASE_URL: 'mysql://pointage:x@127.0.0.1:1/pointage', PORT: String(await freePort()) },
    });
    expectOneCleanLine(r, /Le serveur MariaDB 127\.0\.0\.1:1 est injoignable/);
  });

  if (dialect === 'mariadb') {
    it('says when the MariaDB password is wrong', async () => {
      const r = await runApi({
        env: {
          DATA_DIR: dir,
          DB_TYPE: 'mariadb',
          DATABASE_URL: 'mysql://root:not-the-password@127.0.0.1:3306/mysql',
          PORT: String(await freePort()),
        },
      });
      expectOneCleanLine(r, /MariaDB refuse la connexion de l'utilisateur « root »/);
    });
  }
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish on SIGTERM, then exits 0', async () => {
    const port = await freePort();
    const child = spawnApi({ env: { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' } });
    const exited = collect(child);
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`);

    // Start a request and send only half of its body: it is in flight.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((res) => socket.once('connect', () => res()));
    const body = '{"a":"' + 'x'.repeat(40) + '"}';
    socket.write(
      `POST /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 200));

    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    let response = '';
    socket.on('data', (d) => (response += d));
    const ended = new Promise<void>((res) => socket.once('close', () => res()));
    socket.write(body.slice(10));
    await ended;

    // The request was answered (404: POST /api/health does not exist), not cut.
    expect(response).toMatch(/^HTTP\/1\.1 404/);
    expect(response).toContain('"message":"Ressource introuvable."');
    const result = await exited;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SIGTERM reçu');
  });
});

describe('graceful shutdown with keep-alive clients', () => {
  it('closes idle and busy keep-alive connections on SIGTERM, answers the in-flight request, exits 0 within 3 s', async () => {
    const port = await freePort();
    const child = spawnApi({ env: { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' } });
    const exited = collect(child);
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`);

    // An idle keep-alive connection (a tablet that loaded the page and waits).
    const idleAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await get(port, idleAgent);
    expect(first.status).toBe(200);

    // A client that keeps polling on its keep-alive connection (the kiosk), every 50 ms.
    const busyAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    let polling = true;
    const afterStop: { status: number; connection: string | undefined }[] = [];
    let stopAt = 0;
    // When the server has taken the signal in (it says so on stdout): requests sent before
    // that may legitimately have been answered keep-alive.
    let stoppingAt = 0;
    child.stdout?.on('data', (d: Buffer) => {
      if (!stoppingAt && String(d).includes('SIGTERM reçu')) stoppingAt = Date.now();
    });
    const poller = (async () => {
      while (polling) {
        try {
          const sentAt = Date.now();
          const r = await get(port, busyAgent);
          if (stoppingAt && sentAt > stoppingAt) afterStop.push(r);
        } catch {
          polling = false; // refused: the server is gone
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await new Promise((r) => setTimeout(r, 200));

    // A request in flight: headers and half of the body sent, on a keep-alive connection.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((res) => socket.once('connect', () => res()));
    const body = '{"a":"' + 'x'.repeat(40) + '"}';
    socket.write(
      `POST /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.slice(0, 10));
    let response = '';
    socket.on('data', (d) => (response += d));
    const inFlightClosed = new Promise<void>((res) => socket.once('close', () => res()));
    await new Promise((r) => setTimeout(r, 100));

    stopAt = Date.now();
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.slice(10));

    const result = await exited;
    const took = Date.now() - stopAt;
    polling = false;
    await poller;
    await inFlightClosed;
    idleAgent.destroy();
    busyAgent.destroy();

    expect(result.code).toBe(0);
    expect(took).toBeLessThan(3000);
    // The in-flight request was answered (404: POST /api/health does not exist), and told the connection closes.
    expect(response).toMatch(/^HTTP\/1\.1 404/);
    expect(response).toMatch(/\r\nConnection: close\r\n/i);
    expect(response).toContain('"message":"Ressource introuvable."');
    expect(stoppingAt).toBeGreaterThan(0);
    // Whatever the poller sent once the server was stopping was answered with Connection: close.
    for (const r of afterStop) expect(r.connection).toBe('close');
  });
});

describe('first start and super-admin bootstrap', () => {
  it('creates the local structure and its admin once, prints the credentials and writes them mode 600', async () => {
    const port = await freePort();
    const child = spawnApi({ env: { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', POINTAGE_MODE: 'local' } });
    const exited = collect(child);
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`);
    const file = join(dir, 'first-run-credentials.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    const password = /Mot de passe : (\S+)/.exec(text)?.[1] ?? '';
    expect(text).toContain('Identifiant : admin@ludotheque.local');
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'admin@ludotheque.local', password }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'admin', displayName: 'Équipe Ludothèque' });
    child.kill('SIGTERM');
    const first = await exited;
    expect(first.stdout).toContain(`Mot de passe        : ${password}`);

    // Second start: nothing created, nothing printed.
    const again = spawnApi({ env: { DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', POINTAGE_MODE: 'local' } });
    const againExited = collect(again);
    await waitForHealthy(`http://127.0.0.1:${port}/api/health`);
    again.kill('SIGTERM');
    const second = await againExited;
    expect(second.stdout).not.toContain('Première installation');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses a weak POINTAGE_SUPERADMIN_PASSWORD with one clear line', async () => {
    const r = await runApi({
      env: {
        DATA_DIR: dir,
        PORT: String(await freePort()),
        POINTAGE_SUPERADMIN_EMAIL: 'it@federation.fr',
        POINTAGE_SUPERADMIN_PASSWORD: 'azertyuiop',
      },
    });
    expectOneCleanLine(r, /Mot de passe du super-administrateur refusé : Ce mot de passe est trop courant/);
  });

  it('creates a super-admin with the CLI from piped answers, ending on a weak password with exit code 2 and the reason', async () => {
    const cli = (input: string) =>
      new Promise<Exited>((resolve) => {
        const child = spawn(process.execPath, [API_BUNDLE.replace(/main\.js$/, 'cli.js'), 'create-super-admin'], {
          env: baseEnv({ DATA_DIR: dir }),
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        void collect(child).then(resolve);
        child.stdin.write(input);
        child.stdin.end();
      });
    const weak = await cli('it@federation.fr\nmotdepasse\nmotdepasse\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('Erreur : Mot de passe refusé : Ce mot de passe est trop courant');
    const ok = await cli('IT@Federation.fr\nune longue phrase de passe\nune longue phrase de passe\n');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Super-administrateur it@federation.fr créé.');
    const dup = await cli('it@federation.fr\nune autre longue phrase\nune autre longue phrase\n');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('Un compte it@federation.fr existe déjà.');
  });

  it('asks again on a real terminal when the password is weak, and never echoes it', async () => {
    // util-linux `script` gives the CLI a pseudo-terminal; each answer is typed once its
    // question is shown, as a person would (typed earlier, the terminal itself would echo it).
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const command = `${quote(process.execPath)} ${quote(API_BUNDLE.replace(/main\.js$/, 'cli.js'))} create-super-admin`;
    const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
      env: baseEnv({ DATA_DIR: dir }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const secret = 'une phrase de passe au terminal';
    const script: [string, string][] = [
      ['Adresse e-mail du super-administrateur : ', 'tty@federation.fr'],
      ['Mot de passe (10 caractères au moins) : ', 'motdepasse'],
      ['Mot de passe (10 caractères au moins) : ', secret],
      ['Confirmez le mot de passe : ', secret],
    ];
    let screen = '';
    let seen = 0;
    child.stdout?.on('data', (d: Buffer) => {
      screen += d.toString();
      const next = script[0];
      if (next && screen.indexOf(next[0], seen) >= 0) {
        seen = screen.indexOf(next[0], seen) + next[0].length;
        script.shift();
        child.stdin?.write(`${next[1]}\r`);
      }
    });
    const exited = await collect(child);
    expect(exited.code).toBe(0);
    expect(script).toHaveLength(0);
    expect(screen).toContain('Mot de passe refusé : Ce mot de passe est trop courant');
    expect(screen).toContain('Super-administrateur tty@federation.fr créé.');
    // The e-mail is echoed as typed; the password never reaches the screen.
    expect(screen).toContain('super-administrateur : tty@federation.fr');
    expect(screen).not.toContain(secret);
  });
});
