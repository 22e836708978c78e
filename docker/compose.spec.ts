import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The compose file is checked structurally here (no Docker engine on CI
 * machines), and by `docker compose config` wherever the Compose client exists.
 */
const file = join(__dirname, 'compose.yaml');
const compose = parse(readFileSync(file, 'utf8'));

interface ComposeClient {
  cmd: string[];
  /** Compose 1.x (Debian bookworm's docker-compose) predates the top-level `name` key. */
  v1: boolean;
}

function composeClient(): ComposeClient | null {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const r = spawnSync(cmd[0], [...cmd.slice(1), 'version', '--short'], { encoding: 'utf8' });
    if (r.status === 0) return { cmd, v1: /^v?1\./.test(r.stdout.trim()) };
  }
  return null;
}

describe('docker/compose.yaml', () => {
  it('runs MariaDB with a named volume and a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^\$\{MARIADB_IMAGE:-mariadb:[0-9.]+\}$/);
    expect(db.volumes).toContain('db-data:/var/lib/mysql');
    expect(compose.volumes).toHaveProperty('db-data');
    expect(db.healthcheck.test).toEqual(expect.arrayContaining(['healthcheck.sh']));
  });

  it('starts the app only once the database is healthy, with env from .env, hardened', () => {
    const app = compose.services.app;
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.env_file).toEqual(['${POINTAGE_ENV_FILE:-.env}']);
    expect(app.environment.DB_TYPE).toBe('mariadb');
    expect(app.environment.NODE_ENV).toBe('production');
    expect(app.init).toBe(true);
    expect(app.cap_drop).toContain('ALL');
    expect(app.read_only).toBe(true);
    expect(app.build.dockerfile).toBe('docker/Dockerfile');
  });

  it("gives the app more time to stop than its own forced exit (15 s) before Docker's SIGKILL", () => {
    const grace = /^(\d+)s$/.exec(String(compose.services.app.stop_grace_period));
    expect(grace).not.toBeNull();
    expect(Number(grace?.[1])).toBeGreaterThan(15);
  });

  it('keeps Mailpit under the dev profile, bound to localhost', () => {
    const mailpit = compose.services.mailpit;
    expect(mailpit.profiles).toEqual(['dev']);
    for (const p of mailpit.ports) expect(p).toMatch(/^127\.0\.0\.1:/);
  });

  it('has an HA override: a proxy in front of the replicas, which trust one proxy hop', () => {
    const ha = parse(readFileSync(join(__dirname, 'compose.ha.yaml'), 'utf8'));
    expect(ha.services.app.environment.TRUST_PROXY).toBe('1');
    expect(ha.services.proxy.depends_on.app.condition).toBe('service_healthy');
    expect(ha.services.proxy.volumes).toContain('./ha/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(readFileSync(join(__dirname, 'ha/nginx.conf'), 'utf8')).toMatch(/server app:3000;/);
  });

  it('has a Dockerfile on Node 24 slim, non-root, with Chromium and a health check', () => {
    const dockerfile = readFileSync(join(__dirname, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/ARG NODE_IMAGE=node:24-[a-z]+-slim/);
    expect(dockerfile).toMatch(/^USER pointage$/m);
    expect(dockerfile).toMatch(/install -y --no-install-recommends chromium/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
  });

  it('is valid for the Compose client, where one is installed (always under CI)', () => {
    const client = composeClient();
    if (!client) {
      // .ci/run installs one: under CI a missing client is a failure, not a silent skip.
      expect(process.env['CI']).not.toBe('true');
      console.warn('docker compose is not installed here: `docker compose config` was not run.');
      return;
    }
    // The compose file reads docker/.env: use the documented example when there is none.
    const envFile = join(__dirname, '.env');
    const createdEnv = !existsSync(envFile);
    if (createdEnv) copyFileSync(join(__dirname, '../.env.example'), envFile);
    // Compose 1.x rejects the top-level `name` (added to the spec in 2022): it checks a copy
    // without it, next to the original so that relative paths resolve the same way.
    let checked = file;
    if (client.v1) {
      expect(compose.name).toBe('pointage');
      checked = join(__dirname, '.compose-v1-check.yaml');
      writeFileSync(checked, readFileSync(file, 'utf8').replace(/^name: .*\n/m, ''));
    }
    try {
      const r = spawnSync(client.cmd[0], [...client.cmd.slice(1), '-f', checked, 'config', '-q'], {
        encoding: 'utf8',
        env: { ...process.env, MARIADB_PASSWORD: 'x', MARIADB_ROOT_PASSWORD: 'y' },
        cwd: __dirname,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      if (createdEnv) rmSync(envFile);
      if (checked !== file) rmSync(checked);
    }
  });
});
