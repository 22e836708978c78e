// What the bench measures for one dialect: filled by the phases, printed by report.ts.
import type { Dialect } from './common';
import type { LoadResult, LoopDelay } from './load';
import type { RowCounts } from './seed';

/** A load measured against GET /api/health in the same run. */
export interface SharedLoad extends LoadResult {
  /** Throughput as a share of health's. */
  share: number;
}

/** SQL checks after (b). */
export interface ValidationChecks {
  non2xx: number;
  socketErrors: number;
  duplicates: number;
  keys: number;
  ok2xx: number;
  issued: number;
  recordingShare: number;
  presentToday: number;
  expectedPresent: number;
  familiesRotated: number;
  membersRotated: number;
  /** Every served family recorded all its members, once, and no key is shared between families. */
  keysMatch: boolean;
}

/** (b×N): (b) again on N app processes sharing the MariaDB database. */
export interface ReplicatedLoad {
  replicas: number;
  connectionsEach: number;
  rps: number;
  p95: number;
  p99: number;
  non2xx: number;
  duplicates: number;
  statementsPerRequest: number;
  cpuPerRequest: Record<string, number>;
  seconds: number;
  /** Throughput against (b) on one process. */
  ratio: number;
}

export interface StatisticsTiming {
  from: string;
  to: string;
  p50: number;
  plainP50: number;
  ratio: number;
  presences: number | undefined;
  inscrits: number | undefined;
}

export interface BenchResult {
  dialect: Dialect;
  /** What makes the bench exit non-zero (a missed target is not an error). */
  errors: string[];
  seedMs: number;
  rows: RowCounts;
  dbBytes: number;
  // (a)
  generationMs?: number;
  regenerationMs?: number;
  generated?: number;
  baselineInsertMs?: number;
  baselineRows?: number;
  // (b), (c)
  health?: LoadResult;
  validation?: SharedLoad;
  checks?: ValidationChecks;
  replicated?: ReplicatedLoad;
  home?: SharedLoad;
  // (d), (e), (f)
  stats?: {
    '1y'?: StatisticsTiming;
    '3y'?: StatisticsTiming;
    concurrent?: { n: number; ok: number; ms: number; rssBeforeMb: number; rssPeakMb: number };
  };
  xlsx?: {
    rows: number;
    readBack: number;
    ms: number;
    plainMs: number;
    bytes: number;
    rssBeforeMb: number;
    rssPeakMb: number;
    loop: LoopDelay | null;
  };
  pdf?: {
    coldMs: number;
    warmP50: number;
    bytes: number;
    concurrent: { n: number; ok: number; ms: number; slowest: number; rssBeforeMb: number; serverPeakMb: number; treePeakMb: number };
  };
  /** Lines of the app's log that mention a retried transaction. */
  retries?: number;
}

/** A dialect that could not be measured (its database, its seed or its app failed). */
export interface FailedResult {
  dialect: Dialect;
  errors: string[];
  fatal: true;
}
