import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built API bundle, as `npm start` and the Docker image run it. */
export const API_BUNDLE = join(__dirname, '../../../dist/apps/api/main.js');

export function assertBundleBuilt(): void {
  if (!existsSync(API_BUNDLE)) {
    throw new Error(`${API_BUNDLE} is missing: build first (npm test does it; or npx nx build api).`);
  }
}

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment of a spawned API: the parent's minus anything that would change its configuration. */
export function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], NODE_ENV: 'test', LOG_REQUESTS: 'false' };
  return { ...env, ...extra };
}

export interface RunOptions {
  env: Record<string, string>;
  /** Run as this uid/gid (via setpriv) — used to get a real permission error when tests run as root. */
  asUser?: { uid: number; gid: number };
  timeoutMs?: number;
}

export function spawnApi(options: RunOptions): ChildProcess {
  const env = baseEnv(options.env);
  if (options.asUser) {
    return spawn(
      'setpriv',
      [`--reuid=${options.asUser.uid}`, `--regid=${options.asUser.gid}`, '--clear-groups', process.execPath, API_BUNDLE],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  }
  return spawn(process.execPath, [API_BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function collect(child: ChildProcess, timeoutMs = 30_000): Promise<Exited> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      // Let the pipes drain.
      setImmediate(() => resolve({ code, signal, stdout, stderr }));
    });
  });
}

export function runApi(options: RunOptions): Promise<Exited> {
  return collect(spawnApi(options), options.timeoutMs);
}

/** Waits until GET url answers 200, or fails after timeoutMs. */
export async function waitForHealthy(url: string, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return Date.now() - started;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} not healthy after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
