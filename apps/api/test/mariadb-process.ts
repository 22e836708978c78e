import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import {} from './process';
import { freePort } from '@pointage/test-support';

/**
 * A MariaDB server of its own, for tests that do to the database what cannot be
 * done to the machine's shared one: stall it (SIGSTOP), kill it, restart it.
 *
 * It runs the machine's `mariadbd` on a free port of 127.0.0.1, in a temporary
 * data folder initialised by `mariadb-install-db` (root without password, as the
 * shared test server), with a small InnoDB footprint. `url` points at an empty
 * database `pointage` created on start.
 *
 * Always call stop() (in afterAll): it resumes, terminates and removes the folder.
 * Should the test process die first, an exit hook SIGKILLs the server.
 */
export interface MariadbProcess {
  /** mysql://root@127.0.0.1:<port>/pointage */
  url: string;
  /** mysql://root@127.0.0.1:<port> (no database) */
  adminUrl: string;
  port: number;
  /** pid of the running mariadbd (changes after restart()). */
  readonly pid: number;
  /** Terminates the server cleanly (resuming it first if paused) and removes its data folder. */
  stop(): Promise<void>;
  /** SIGSTOP: the server keeps its sockets open but answers nothing (a stalled database). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** SIGKILL (a crash); the data folder stays so that restart() finds the data. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data folder (after kill(), or stops it first). */
  restart(): Promise<void>;
}

export interface StartMariadbOptions {
  /** Name of the database created on start (default pointage). */
  database?: string;
  /** How long to wait for the server to accept connections (default 30 s). */
  readyTimeoutMs?: number;
}

const MARIADBD = process.env['MARIADBD_PATH'] ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env['MARIADB_INSTALL_DB_PATH'] ?? 'mariadb-install-db';

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

function serverArgs(dir: string, port: number): string[] {
  return [
    '--no-defaults',
    `--datadir=${join(dir, 'data')}`,
    `--socket=${join(dir, 'mariadbd.sock')}`,
    `--pid-file=${join(dir, 'mariadbd.pid')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-name-resolve',
    // Only root runs tests on the CI machines; mariadbd refuses to run as root without this.
    ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    '--innodb-buffer-pool-size=16M',
    '--innodb-log-file-size=8M',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--skip-log-bin',
  ];
}

function waitExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function waitReady(adminUrl: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`mariadbd exited during start (${child.exitCode ?? child.signalCode}):\n${log()}`);
    }
    try {
      const c = await createConnection({ uri: adminUrl, connectTimeout: 1000 });
      await c.end();
      return;
    } catch {
      /* not ready yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`mariadbd not ready after ${timeoutMs} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startMariadb(options: StartMariadbOptions = {}): Promise<MariadbProcess> {
  const database = options.database ?? 'pointage';
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'pointage-mariadb-'));
  const install = spawnSync(
    INSTALL_DB,
    [
      '--no-defaults',
      `--datadir=${join(dir, 'data')}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
      '--innodb-log-file-size=8M',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (install.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed (${install.status ?? install.error}):\n${install.stdout}\n${install.stderr}`);
  }
  const port = await freePort();
  const adminUrl = `mysql://root@127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    output = '';
    const c = spawn(MARIADBD, serverArgs(dir, port), { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    running.add(c);
    c.once('exit', () => running.delete(c));
    c.stdout?.on('data', (d) => (output += d));
    c.stderr?.on('data', (d) => (output += d));
    await waitReady(adminUrl, c, () => output, readyTimeoutMs);
  };

  try {
    await launch();
    const admin = await createConnection({ uri: adminUrl });
    try {
      await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await admin.end();
    }
  } catch (e) {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }

  const server = () => {
    if (!child) throw new Error('mariadbd was never started');
    return child;
  };
  const alive = () => !!child && child.exitCode === null && child.signalCode === null;
  let stopped = false;

  return {
    url: `${adminUrl}/${database}`,
    adminUrl,
    port,
    get pid() {
      return child?.pid ?? -1;
    },
    pause: () => {
      if (!alive()) return;
      server().kill('SIGSTOP');
      // The signal is delivered asynchronously: on a loaded machine a query could still be
      // answered just after pause() returned. Wait until the kernel shows the process stopped.
      const stat = `/proc/${server().pid}/stat`;
      const until = Date.now() + 2000;
      while (Date.now() < until) {
        try {
          if (/\) T /.test(readFileSync(stat, 'utf8'))) break;
        } catch {
          break;
        }
      }
    },
    resume: () => {
      if (alive()) server().kill('SIGCONT');
    },
    kill: async () => {
      if (!alive()) return;
      server().kill('SIGKILL');
      await waitExit(server(), 10_000);
    },
    restart: async () => {
      if (stopped) throw new Error('restart() after stop(): the data folder is gone');
      if (alive()) {
        server().kill('SIGCONT');
        server().kill('SIGTERM');
        await waitExit(server(), 30_000);
      }
      await launch();
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (alive()) {
        server().kill('SIGCONT');
        server().kill('SIGTERM');
        await waitExit(server(), 30_000);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
