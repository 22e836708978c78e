// Helpers shared by `npm start` and `npm test`: make sure dependencies are
// installed from the committed lockfile and the apps are built, without redoing
// either when nothing changed. Node built-ins only: this runs before npm ci.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import progress from './install-progress.cjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function checkNodeVersion() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 24;
  if (!ok) {
    console.error(
      `Erreur : Node.js ${process.versions.node} est trop ancien. Installez Node.js 20.19+, 22.13+ ou 24 (https://nodejs.org).`,
    );
    process.exit(1);
  }
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function hashFile(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** How often the progress of npm ci is printed. */
const PROGRESS_EVERY_MS = 15_000;

/**
 * npm ci when node_modules is missing or was installed from another lockfile.
 * npm ci prints next to nothing for minutes: say what is happening, then a
 * progress line every 15 s (time elapsed, packages in node_modules so far).
 */
export async function ensureInstalled() {
  const stamp = join(ROOT, 'node_modules', '.pointage-install');
  const lockFile = join(ROOT, 'package-lock.json');
  const lockHash = hashFile(lockFile);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) return false;
  const total = progress.lockTopLevelCount(JSON.parse(readFileSync(lockFile, 'utf8')));
  for (const line of progress.introLines(!existsSync(join(ROOT, 'node_modules')), total)) console.log(line);
  const started = Date.now();
  const timer = setInterval(
    () => console.log(progress.progressLine(Date.now() - started, progress.installedCount(join(ROOT, 'node_modules')), total)),
    PROGRESS_EVERY_MS,
  );
  const status = await new Promise((resolve) => {
    const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('error', (e) => {
      console.error(`Erreur : npm ne peut pas être lancé (${e.message}).`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  }).finally(() => clearInterval(timer));
  if (status === 0) console.log(`Dépendances installées en ${progress.formatDuration(Date.now() - started)}.`);
  if (status !== 0) {
    console.error("Erreur : l'installation des dépendances a échoué (voir ci-dessus). Vérifiez l'accès au registre npm.");
    process.exit(1);
  }
  writeFileSync(stamp, lockHash);
  return true;
}

const BUILD_INPUTS = [
  'apps/api/src',
  'apps/api/webpack.config.js',
  'apps/api/tsconfig.app.json',
  'apps/api/project.json',
  'apps/web/src',
  'apps/web/public',
  'apps/web/project.json',
  'apps/web/tsconfig.app.json',
  'libs/contracts/src',
  'libs/domain/src',
  'libs/charts/src',
  'tsconfig.base.json',
  'package-lock.json',
  'nx.json',
];

/** A fingerprint of everything the build reads (paths, sizes, modification times). */
function sourceFingerprint() {
  const hash = createHash('sha256');
  const walk = (path) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry.endsWith('.spec.ts') || entry.endsWith('.int-spec.ts')) continue;
        walk(join(path, entry));
      }
    } else {
      hash.update(`${path}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) walk(join(ROOT, input));
  return hash.digest('hex');
}

/** Builds the API and the web app when their sources changed since the last build. */
export function ensureBuilt({ force = false } = {}) {
  const stamp = join(ROOT, 'dist', '.pointage-build');
  const fingerprint = sourceFingerprint();
  const built = existsSync(join(ROOT, 'dist/apps/api/main.js')) && existsSync(join(ROOT, 'dist/apps/web/browser/index.html'));
  if (!force && built && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return false;
  console.log("Construction de l'application (API + interface web)…");
  const status = run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], {
    env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (status !== 0) {
    console.error('Erreur : la construction a échoué (voir ci-dessus).');
    process.exit(1);
  }
  writeFileSync(stamp, fingerprint);
  return true;
}
