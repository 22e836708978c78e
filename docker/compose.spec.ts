import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The compose file is checked structurally here (no Docker engine on CI
 * machines), and by `docker compose config` wherever the Compose client exists.
 */
const file = join(__dirname, 'compose.yaml');
const compose = parse(readFileSync(file, 'utf8'));

function composeClient(): string[] | null {
  for (const cmd of [['docker', 'compose'], ['docker-compose']]) {
    const r = spawnSync(cmd[0], [...cmd.slice(1), 'version'], { encoding: 'utf8' });
    if (r.status === 0) return cmd;
  }
  return null;
}

describe('docker/compose.yaml', () => {
  it('runs MariaDB with a named volume and a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^mariadb:/);
    expect(db.volumes).toContain('db-data:/var/lib/mysql');
    expect(compose.volumes).toHaveProperty('db-data');
    expect(db.healthcheck.test).toEqual(expect.arrayContaining(['healthcheck.sh']));
  });

  it('starts the app only once the database is healthy, with env from .env, hardened', () => {
    const app = compose.services.app;
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.env_file).toContain('.env');
    expect(app.environment.DB_TYPE).toBe('mariadb');
    expect(app.environment.NODE_ENV).toBe('production');
    expect(app.init).toBe(true);
    expect(app.cap_drop).toContain('ALL');
    expect(app.read_only).toBe(true);
    expect(app.build.dockerfile).toBe('docker/Dockerfile');
  });

  it('keeps Mailpit under the dev profile, bound to localhost', () => {
    const mailpit = compose.services.mailpit;
    expect(mailpit.profiles).toEqual(['dev']);
    for (const p of mailpit.ports) expect(p).toMatch(/^127\.0\.0\.1:/);
  });

  it('has a Dockerfile on Node 24 slim, non-root, with Chromium and a health check', () => {
    const dockerfile = readFileSync(join(__dirname, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/ARG NODE_IMAGE=node:24-[a-z]+-slim/);
    expect(dockerfile).toMatch(/^USER pointage$/m);
    expect(dockerfile).toMatch(/install -y --no-install-recommends chromium/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
  });

  it('is valid for the Compose client, where one is installed', () => {
    const client = composeClient();
    if (!client) {
      // No client on this machine: the structural checks above are what runs.
      console.warn('docker compose is not installed here: `docker compose config` was not run.');
      expect(client).toBeNull();
      return;
    }
    // The compose file reads docker/.env: use the documented example when there is none.
    const envFile = join(__dirname, '.env');
    const created = !existsSync(envFile);
    if (created) copyFileSync(join(__dirname, '../.env.example'), envFile);
    try {
      const r = spawnSync(client[0], [...client.slice(1), '-f', file, 'config', '-q'], {
        encoding: 'utf8',
        env: { ...process.env, MARIADB_PASSWORD: 'x', MARIADB_ROOT_PASSWORD: 'y' },
        cwd: __dirname,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      if (created) rmSync(envFile);
    }
  });
});
