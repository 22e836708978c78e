// Options of `npm run bench` (documented at the top of main.ts): flags win over environment variables.
import type { Dialect } from './common';

export interface BenchOptions {
  quick: boolean;
  dialects: Dialect[];
  structures: number;
  families: number;
  years: number;
  /** Seconds of the kiosk validation and health loads. */
  duration: number;
  /** Seconds of the kiosk home load. */
  homeDuration: number;
  connections: number;
  /** Families logged in for real beforehand. */
  logins: number;
  /** Which measures: a…f. */
  phases: Set<string>;
  /** MariaDB: (b) again on this many app processes sharing the database. */
  replicas: number;
}

type NumericOption = 'structures' | 'families' | 'years' | 'duration' | 'homeDuration' | 'connections' | 'logins' | 'replicas';

const NUMERIC: Readonly<Record<string, NumericOption>> = {
  '--structures': 'structures',
  '--families': 'families',
  '--years': 'years',
  '--duration': 'duration',
  '--home-duration': 'homeDuration',
  '--connections': 'connections',
  '--logins': 'logins',
  '--replicas': 'replicas',
};

/** A wrong command line: its message is printed and the bench exits with code 2. */
export class OptionError extends Error {}

const list = (value: string | undefined): string[] => String(value ?? '').split(',');

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = argv.includes('--quick') || env['BENCH_QUICK'] === '1';
  let dialects = list(env['BENCH_DIALECTS'] ?? 'sqlite,mariadb');
  const o: Omit<BenchOptions, 'dialects'> = {
    quick,
    structures: Number(env['BENCH_STRUCTURES'] ?? (quick ? 3 : 50)),
    families: Number(env['BENCH_FAMILIES'] ?? (quick ? 60 : 500)),
    years: Number(env['BENCH_YEARS'] ?? (quick ? 1 : 3)),
    duration: Number(env['BENCH_DURATION'] ?? (quick ? 8 : 30)),
    homeDuration: Number(env['BENCH_HOME_DURATION'] ?? (quick ? 4 : 10)),
    connections: Number(env['BENCH_CONNECTIONS'] ?? 50),
    logins: Number(env['BENCH_LOGINS'] ?? (quick ? 120 : 480)),
    phases: new Set(list(env['BENCH_PHASES'] ?? 'a,b,c,d,e,f').map((x) => x.trim())),
    replicas: Number(env['BENCH_REPLICAS'] ?? 1),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--quick') continue;
    const numeric = Object.hasOwn(NUMERIC, a) ? NUMERIC[a] : undefined;
    if (a === '--dialects') dialects = list(argv[++i]);
    else if (a === '--phases') o.phases = new Set(list(argv[++i]).map((x) => x.trim()));
    else if (numeric) o[numeric] = Number(argv[++i]);
    else throw new OptionError(`Option inconnue : ${a}`);
  }
  for (const key of Object.values(NUMERIC)) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new OptionError(`Valeur invalide pour ${key} : ${o[key]}`);
  }
  dialects = dialects.map((d) => d.trim()).filter(Boolean);
  const isDialect = (d: string): d is Dialect => d === 'sqlite' || d === 'mariadb';
  if (!dialects.every(isDialect)) throw new OptionError('--dialects : sqlite, mariadb ou les deux.');
  return { ...o, dialects: dialects.filter(isDialect) };
}
