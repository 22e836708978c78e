import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@pointage/test-support';

const ROOT = join(__dirname, '../../../..');
const BUNDLE = join(ROOT, 'dist/apps/api/main.js');
const WEB = join(ROOT, 'dist/apps/web/browser/index.html');

export interface RunningApp {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the built app (API serving the web app) on a fresh SQLite data folder. */
export async function startBuiltApp(env: Record<string, string> = {}): Promise<RunningApp> {
  for (const f of [BUNDLE, WEB]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: build first (npx nx run-many -t build -p api web).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pointage-e2e-'));
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [BUNDLE], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'test',
      TZ: 'UTC',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_REQUESTS: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`app not healthy after 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
