// The load side of the bench: the built app started as a child process, plain HTTP calls,
// autocannon loads with exact percentiles and CPU time per request, and the calibration of
// the machine against a bare Node HTTP server.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/workspace.mjs';
import { onCleanup, percentile, sleep } from './common';
import { freePort } from '@pointage/test-support';
import type { BenchOptions } from './options';
import { MARIADB_URL } from './seed';

export const SEED_PASSWORD = 'demo-pointage';

// ------------------------------------------------------------------ the app

/** What the event-loop monitor (loop-monitor.cjs) writes on SIGUSR2, in milliseconds. */
export interface LoopDelay {
  stamp: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

export interface App {
  base: string;
  pid: number;
  stop: () => Promise<void>;
  crashed: () => { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Where the event-loop monitor writes (null when it is not there). */
  loopFile: string | null;
  /** The stamp of the monitor's last answer read (phase e). */
  lastLoopStamp?: number;
}

/**
 * The event-loop monitor, preloaded into the server with `node --require`: production code
 * knows nothing of it. It stays CommonJS, the form `--require` loads.
 */
function loopMonitorArgs(file: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const path = join(__dirname, 'loop-monitor.cjs');
  return existsSync(path) ? { args: ['--require', path], env: { BENCH_LOOP_FILE: file } } : { args: [], env: {} };
}

export async function startApp(env: NodeJS.ProcessEnv, logFile: string): Promise<App> {
  // The server writes straight into its log file: nothing is lost while the bench itself is busy.
  const fd = openSync(logFile, 'a');
  // e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
  const nodeArgs = (process.env['BENCH_APP_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  // The event-loop monitor of phase (e), preloaded.
  const loopFile = `${logFile}.loop.json`;
  const monitor = loopMonitorArgs(loopFile);
  const child = spawn(process.execPath, [...nodeArgs, ...monitor.args, join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: { ...env, ...monitor.env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const stop = async (): Promise<void> => {
    if (exited) return;
    const done = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 15_000);
    await done;
    clearTimeout(timer);
  };
  onCleanup(stop);
  const base = `http://127.0.0.1:${env['PORT']}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    // Set by the 'exit' listener meanwhile (TypeScript cannot see it: read through a function).
    const gone = ((): { code: number | null } | null => exited)();
    if (gone)
      throw new Error(`l'application s'est arrêtée au démarrage (code ${gone.code}) :\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return { base, pid: child.pid ?? NaN, stop, crashed: () => exited, loopFile: monitor.args.length ? loopFile : null };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`l'application n'a pas répondu en 120 s, voir ${logFile}`);
}

// ------------------------------------------------------------------ HTTP

/** An answer of the API: its status and its JSON body (the text when it is not JSON). The caller states the body's shape. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {},
): Promise<ApiAnswer<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json as T };
}

export async function loginAs(base: string, login: string, structure?: string): Promise<string> {
  const res = await api<{ accessToken: string }>(base, 'POST', '/api/auth/login', {
    body: { login, password: SEED_PASSWORD, ...(structure ? { structure } : {}) },
  });
  if (res.status !== 200) throw new Error(`connexion de ${login} refusée : ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

// ------------------------------------------------------------------ CPU

const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) used so far by a process, from /proc; NaN when it cannot be read. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Processes whose CPU a load measures, by name ({ server: pid, mariadb: pid }); null: not measured. */
export type CpuPids = Record<string, number | null>;

/**
 * CPU used so far by the load generator (this process) and by the given processes
 * ({ server: pid, mariadb: pid }). CPU time per request is far less noisy than
 * latency on a shared machine: it tells whether a change made a request cheaper
 * even when the machine's speed drifts between runs.
 */
function cpuSnapshot(pids: CpuPids): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) if (pid) out[name] = cpuSeconds(pid);
  const u = process.cpuUsage();
  out['generator'] = (u.user + u.system) / 1e6;
  return out;
}

/** The pid of the local MariaDB server, when the bench's database is on this machine (else null). */
export function localMariaDbPid(): number | null {
  if (!/@(127\.0\.0\.1|localhost)(:|\/|$)/.test(MARIADB_URL)) return null;
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pid = Number(execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim());
      if (pid) return pid;
    } catch {
      // not running under this name
    }
  }
  return null;
}

// ------------------------------------------------------------------ load

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** CPU time per answered request, in µs, of each process (see cpuSnapshot). */
  cpuPerRequest: Record<string, number>;
  /** MariaDB only: SQL statements received per request (NaN on SQLite). */
  statementsPerRequest?: number;
}

export interface LoadSpec {
  connections: number;
  duration: number;
  requests: autocannon.Request[];
  cpu?: CpuPids;
}

/**
 * autocannon in this process; latencies of every response are kept to compute
 * exact percentiles (autocannon's summary has no p95).
 */
export function load(base: string, { connections, duration, requests, cpu = {} }: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const cpuBefore = cpuSnapshot(cpu);
    const instance = autocannon({ url: base, connections, duration, requests, timeout: 30 }, (err: unknown, result) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      const cpuAfter = cpuSnapshot(cpu);
      latencies.sort((a, b) => a - b);
      const count = latencies.length;
      const ms = (v: number): number => Math.round(v * 10) / 10;
      const non2xx = Object.entries(statuses)
        .filter(([s]) => !s.startsWith('2'))
        .reduce((n, [, c]) => n + c, 0);
      resolve({
        requests: count,
        rps: count / result.duration,
        p50: ms(percentile(latencies, 50)),
        p95: ms(percentile(latencies, 95)),
        p99: ms(percentile(latencies, 99)),
        max: ms(latencies[count - 1] ?? NaN),
        non2xx,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        cpuPerRequest: Object.fromEntries(
          Object.keys(cpuAfter).map((k) => [k, (((cpuAfter[k] ?? NaN) - (cpuBefore[k] ?? NaN)) * 1e6) / Math.max(1, count)]),
        ),
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

// ------------------------------------------------------------------ machine calibration

/**
 * The same load against a bare `http.createServer` answering a constant JSON:
 * what this machine (its loopback, its system calls, its cores shared with the
 * load generator) allows at all. Not a target; it tells readers of figures taken
 * on another machine how far apart the two machines are.
 */
export async function calibrate(o: BenchOptions): Promise<LoadResult> {
  const port = await freePort();
  const code = `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end('{"status":"ok"}'); }).listen(${port}, '127.0.0.1')`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  const stop = (): boolean => child.exitCode === null && child.kill('SIGKILL');
  onCleanup(stop);
  try {
    for (let i = 0; i < 40; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    return await load(`http://127.0.0.1:${port}`, {
      connections: o.connections,
      duration: o.quick ? 3 : 5,
      requests: [{ method: 'GET', path: '/' }],
    });
  } finally {
    stop();
  }
}
