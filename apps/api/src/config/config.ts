import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { EMAIL_PATTERN, normaliseLogin } from '@pointage/contracts';

/**
 * The whole configuration of the API, read from the environment once at boot.
 * Nothing else in the API reads process.env: inject APP_CONFIG instead.
 * Every variable is documented in .env.example and in the README.
 */
export interface AppConfig {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  dataDir: string;
  db: SqliteDbConfig | MariaDbConfig;
  jwt: { secret: string; issuer: string; audience: string };
  publicUrl: string;
  /** Folder of the built web app (index.html); null when the API runs alone. */
  webRoot: string | null;
  /** Installation mode: a local install creates its one structure on first start. */
  mode: 'local' | 'federation';
  firstStructureName: string;
  demoData: boolean;
  superAdmin: { email: string; password: string } | null;
  mail: MailConfig;
  chromiumPath: string | null;
  /** How many PDF documents Chromium renders at the same time (PDF_CONCURRENCY); more wait in a bounded queue. */
  pdfConcurrency: number;
  /**
   * Express's `trust proxy`: false (no proxy), a number of proxy hops, or the
   * proxies' addresses/CIDR ranges/names. Never `true` (trust every hop), which
   * would let a client choose its own address in X-Forwarded-For.
   */
  trustProxy: TrustProxy;
  logRequests: boolean;
  /** Settings accepted but worth a line in the log at start (e.g. TRUST_PROXY=true read as 1). */
  warnings: string[];
  /** Fault injection for tests only (NODE_ENV=test); always off otherwise. Read only by attendance/check-in-faults.ts. */
  testHooks: { pauseInValidationMs: number };
}

export type TrustProxy = false | number | string[];

export interface SqliteDbConfig {
  type: 'sqlite';
  path: string;
}

export interface MariaDbConfig {
  type: 'mariadb';
  url: string;
  /** A query unanswered for this long fails (DB_QUERY_TIMEOUT_MS; 0: never). Default: data-source.ts. */
  queryTimeoutMs?: number;
}

export type MailConfig = { transport: 'file'; dir: string; from: string } | { transport: 'smtp'; url: string; from: string };

/** A configuration problem: one readable line for the person starting the app. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function str(env: Env, key: string): string | undefined {
  const v = env[key];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function bool(env: Env, key: string, fallback: boolean): boolean {
  const v = str(env, key);
  if (v === undefined) return fallback;
  if (['1', 'true', 'yes', 'oui'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'non'].includes(v.toLowerCase())) return false;
  throw new ConfigError(`${key}="${v}" n'est pas valide : utilisez true ou false.`);
}

function parsePort(env: Env): number {
  const raw = str(env, 'PORT') ?? '3000';
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(`PORT="${raw}" n'est pas un port valide : indiquez un nombre entre 1 et 65535 (par exemple PORT=3000).`);
  }
  return Number(raw);
}

function parsePdfConcurrency(env: Env): number {
  const raw = str(env, 'PDF_CONCURRENCY') ?? '2';
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 16) {
    throw new ConfigError(
      `PDF_CONCURRENCY="${raw}" n'est pas valide : indiquez combien de PDF préparer en même temps, un nombre entre 1 et 16 (2 par défaut).`,
    );
  }
  return Number(raw);
}

/** Names Express (proxy-addr) knows for address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const MAX_PROXY_HOPS = 10;

/**
 * TRUST_PROXY: which entries of X-Forwarded-For to believe.
 * - a number n: n proxies in front (1 for the reverse proxy of docker/compose.yaml):
 *   the client address is the n-th entry from the right;
 * - addresses, CIDR ranges or loopback/linklocal/uniquelocal, comma-separated:
 *   the proxies are recognised by their address;
 * - true: read as 1 (a warning says so) — trusting every hop would let a client
 *   put any address in X-Forwarded-For and defeat the login throttle and the audit.
 */
function parseTrustProxy(env: Env, warnings: string[]): TrustProxy {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === undefined) return false;
  const v = raw.toLowerCase();
  if (['0', 'false', 'no', 'non'].includes(v)) return false;
  if (['true', 'yes', 'oui'].includes(v)) {
    warnings.push(
      `TRUST_PROXY=${raw} est compris comme TRUST_PROXY=1 (un seul relais, le proxy inverse) : l'adresse du client est la dernière de X-Forwarded-For. ` +
        `Indiquez le nombre de relais ou leurs adresses (voir docs/deployment.md) pour ne plus voir ce message.`,
    );
    return 1;
  }
  const invalid = () =>
    new ConfigError(
      `TRUST_PROXY="${raw}" n'est pas valide : indiquez le nombre de relais devant Pointage (1 derrière un proxy inverse, ${MAX_PROXY_HOPS} au plus), ` +
        `ou leurs adresses séparées par des virgules (10.0.0.5, 172.16.0.0/12, loopback, uniquelocal), ou false.`,
    );
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > MAX_PROXY_HOPS) throw invalid();
    return hops === 0 ? false : hops;
  }
  const items = raw.split(',').map((x) => x.trim());
  for (const item of items) {
    if (PROXY_RANGE_NAMES.includes(item.toLowerCase())) continue;
    const [address, prefix, ...rest] = item.split('/');
    const family = isIP(address ?? '');
    if (!family || rest.length) throw invalid();
    if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128))) throw invalid();
  }
  return items.map((item) => (PROXY_RANGE_NAMES.includes(item.toLowerCase()) ? item.toLowerCase() : item));
}

function parseDb(env: Env, dataDir: string): SqliteDbConfig | MariaDbConfig {
  const type = (str(env, 'DB_TYPE') ?? 'sqlite').toLowerCase();
  if (type === 'sqlite') {
    const file = str(env, 'SQLITE_FILE') ?? 'pointage.sqlite';
    return { type: 'sqlite', path: isAbsolute(file) ? file : join(dataDir, file) };
  }
  if (type === 'mariadb' || type === 'mysql') {
    const url = str(env, 'DATABASE_URL');
    if (!url) {
      throw new ConfigError(
        'DB_TYPE=mariadb demande DATABASE_URL, par exemple DATABASE_URL=mysql://pointage:motdepasse@127.0.0.1:3306/pointage.',
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError("DATABASE_URL n'est pas une adresse valide : attendu mysql://utilisateur:motdepasse@hôte:3306/base.");
    }
    if (!['mysql:', 'mariadb:'].includes(parsed.protocol) || parsed.pathname.length < 2) {
      throw new ConfigError(
        'DATABASE_URL doit avoir la forme mysql://utilisateur:motdepasse@hôte:3306/base (le nom de la base est obligatoire).',
      );
    }
    const timeoutRaw = str(env, 'DB_QUERY_TIMEOUT_MS');
    if (
      timeoutRaw !== undefined &&
      (!/^\d+$/.test(timeoutRaw) || (Number(timeoutRaw) > 0 && Number(timeoutRaw) < 1000) || Number(timeoutRaw) > 3_600_000)
    ) {
      throw new ConfigError(
        `DB_QUERY_TIMEOUT_MS="${timeoutRaw}" n'est pas valide : indiquez en millisecondes combien attendre une requête à MariaDB (de 1000 à 3600000, 20000 par défaut ; 0 : sans limite).`,
      );
    }
    return {
      type: 'mariadb',
      url: url.replace(/^mariadb:/, 'mysql:'),
      ...(timeoutRaw !== undefined ? { queryTimeoutMs: Number(timeoutRaw) } : {}),
    };
  }
  throw new ConfigError(
    `DB_TYPE="${type}" n'est pas pris en charge : utilisez sqlite (installation locale) ou mariadb (installation fédération).`,
  );
}

function parseEnvName(env: Env): AppConfig['env'] {
  const v = str(env, 'NODE_ENV') ?? 'development';
  if (v === 'production' || v === 'development' || v === 'test') return v;
  throw new ConfigError(`NODE_ENV="${v}" n'est pas valide : production, development ou test.`);
}

/**
 * Reads and validates the environment. Pure apart from resolving paths:
 * files are touched later by prepareDataDir().
 */
export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const warnings: string[] = [];
  const nodeEnv = parseEnvName(env);
  const port = parsePort(env);
  const dataDir = resolve(cwd, str(env, 'DATA_DIR') ?? 'data');
  const db = parseDb(env, dataDir);

  const secret = str(env, 'JWT_SECRET');
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('JWT_SECRET est trop court : 32 caractères au moins (par exemple : openssl rand -hex 32).');
  }
  if (secret === undefined && nodeEnv === 'production') {
    throw new ConfigError('JWT_SECRET est obligatoire en production : générez-en un avec « openssl rand -hex 32 » et placez-le dans .env.');
  }

  const publicUrlRaw = str(env, 'PUBLIC_URL') ?? `http://localhost:${port}`;
  let publicUrl: string;
  try {
    const u = new URL(publicUrlRaw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    publicUrl = publicUrlRaw.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`PUBLIC_URL="${publicUrlRaw}" n'est pas une adresse http(s) valide (exemple : https://pointage.federation.fr).`);
  }

  const saEmail = str(env, 'POINTAGE_SUPERADMIN_EMAIL');
  const saPassword = env['POINTAGE_SUPERADMIN_PASSWORD'];
  if ((saEmail === undefined) !== (saPassword === undefined || saPassword === '')) {
    throw new ConfigError('POINTAGE_SUPERADMIN_EMAIL et POINTAGE_SUPERADMIN_PASSWORD vont ensemble : indiquez les deux ou aucun.');
  }
  if (saEmail !== undefined && !EMAIL_PATTERN.test(saEmail)) {
    throw new ConfigError(`POINTAGE_SUPERADMIN_EMAIL="${saEmail}" n'est pas une adresse e-mail valide.`);
  }

  const modeRaw = (str(env, 'POINTAGE_MODE') ?? (db.type === 'sqlite' ? 'local' : 'federation')).toLowerCase();
  if (modeRaw !== 'local' && modeRaw !== 'federation') {
    throw new ConfigError(`POINTAGE_MODE="${modeRaw}" n'est pas valide : local ou federation.`);
  }

  const mailTransport = (str(env, 'MAIL_TRANSPORT') ?? (nodeEnv === 'production' ? 'smtp' : 'file')).toLowerCase();
  const from = str(env, 'MAIL_FROM') ?? 'Pointage <no-reply@pointage.local>';
  let mail: MailConfig;
  if (mailTransport === 'file') {
    mail = { transport: 'file', dir: join(dataDir, 'mails'), from };
  } else if (mailTransport === 'smtp') {
    const url = str(env, 'SMTP_URL');
    if (!url) {
      throw new ConfigError(
        'MAIL_TRANSPORT=smtp demande SMTP_URL, par exemple SMTP_URL=smtp://utilisateur:motdepasse@smtp.exemple.fr:587 (ou MAIL_TRANSPORT=file pour écrire les e-mails dans DATA_DIR/mails).',
      );
    }
    if (!/^smtps?:\/\//.test(url)) throw new ConfigError('SMTP_URL doit commencer par smtp:// ou smtps://.');
    mail = { transport: 'smtp', url, from };
  } else {
    throw new ConfigError(`MAIL_TRANSPORT="${mailTransport}" n'est pas valide : smtp ou file.`);
  }

  const webRootRaw = str(env, 'WEB_ROOT') ?? 'dist/apps/web/browser';
  const webRoot = resolve(cwd, webRootRaw);

  return {
    env: nodeEnv,
    host: str(env, 'HOST') ?? '0.0.0.0',
    port,
    dataDir,
    db,
    jwt: { secret: secret ?? '', issuer: 'pointage', audience: 'pointage' },
    publicUrl,
    webRoot: existsSync(join(webRoot, 'index.html')) ? webRoot : null,
    mode: modeRaw,
    firstStructureName: str(env, 'POINTAGE_FIRST_STRUCTURE') ?? 'Ludothèque',
    demoData: bool(env, 'POINTAGE_DEMO', false),
    superAdmin: saEmail !== undefined && saPassword ? { email: normaliseLogin(saEmail), password: saPassword } : null,
    mail,
    chromiumPath: str(env, 'CHROMIUM_PATH') ?? null,
    pdfConcurrency: parsePdfConcurrency(env),
    trustProxy: parseTrustProxy(env, warnings),
    logRequests: bool(env, 'LOG_REQUESTS', nodeEnv !== 'test'),
    warnings,
    testHooks: {
      // Lets the crash test kill the server while a validation is being handled.
      pauseInValidationMs: nodeEnv === 'test' ? Math.max(0, Number(str(env, 'POINTAGE_TEST_PAUSE_IN_VALIDATION_MS') ?? 0) || 0) : 0,
    },
  };
}

/** The reason a SQLite database file cannot be written ('' when it can, or does not exist yet). */
export function sqliteFileNotWritable(path: string): string {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      accessSync(file, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EACCES';
      if (code === 'ENOENT') continue;
      return code;
    }
  }
  return '';
}

/** The one line said when the SQLite file is read-only (here and in startup-errors.ts). */
export function sqliteReadOnlyMessage(path: string, code: string): string {
  return (
    `La base ${path} est en lecture seule (${code}) : Pointage ne pourrait rien y enregistrer. ` +
    `Donnez les droits d'écriture sur ce fichier (et ses fichiers -wal et -shm) à l'utilisateur qui lance Pointage, ` +
    `vérifiez que le disque n'est pas monté en lecture seule, ou retirez l'attribut immuable (chattr -i).`
  );
}

/** A SQLite file that exists but cannot be written would start "healthy" and refuse every write. */
function assertSqliteFileWritable(path: string): void {
  const code = sqliteFileNotWritable(path);
  if (code) throw new ConfigError(sqliteReadOnlyMessage(path, code));
}

/**
 * Makes sure DATA_DIR exists and is writable, and so is the SQLite file when there is one, and fills in the JWT secret
 * (generated once and kept in DATA_DIR/jwt-secret, mode 600) when none is set.
 */
export function prepareDataDir(config: AppConfig): void {
  try {
    mkdirSync(config.dataDir, { recursive: true });
    const probe = join(config.dataDir, `.write-test-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new ConfigError(
      `Le dossier de données ${config.dataDir} n'est pas accessible en écriture (${code}) : ` +
        `donnez les droits d'écriture à l'utilisateur qui lance Pointage, ou choisissez un autre dossier avec DATA_DIR.`,
    );
  }
  if (config.db.type === 'sqlite') assertSqliteFileWritable(config.db.path);
  if (!config.jwt.secret) {
    const file = join(config.dataDir, 'jwt-secret');
    if (existsSync(file)) {
      config.jwt.secret = readFileSync(file, 'utf8').trim();
    } else {
      config.jwt.secret = randomBytes(48).toString('hex');
      writeFileSync(file, config.jwt.secret + '\n', { mode: 0o600 });
      chmodSync(file, 0o600);
    }
  }
}
