// Small helpers of the benchmark shared by its modules: number formatting, percentiles,
// a bounded pool, and the cleanup list run at the end of each dialect, on
// failure and on SIGINT/SIGTERM.

export type Dialect = 'sqlite' | 'mariadb';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** 1234.5 -> "1,235"; NaN and infinities are printed as they are. */
export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(n);

// libs/domain has no percentile or median (the application computes none): they stay here.

/** Nearest-rank percentile of an ascending list; NaN when it is empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** The lower median (the middle value, the lower one of the two middle values of an even list); NaN when empty. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? NaN) : NaN;
}

/** Runs `fn` on `items` with at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The message of anything thrown. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

// ------------------------------------------------------------------ cleanup (always)

const cleanups: (() => unknown)[] = [];
let cleaning: Promise<void> | null = null;

/** Registers what undoes a step (kill a process, drop a database…); run last-in first-out. */
export function onCleanup(fn: () => unknown): void {
  cleanups.push(fn);
}

/** Runs the registered cleanups once; a second call while they run waits for the same run. */
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    for (let fn = cleanups.pop(); fn; fn = cleanups.pop()) {
      try {
        await fn();
      } catch (e) {
        console.error(`Nettoyage : ${messageOf(e)}`);
      }
    }
  })();
  return cleaning;
}

/** Runs the cleanups registered so far, then accepts new ones for the next step. */
export async function cleanUpStep(): Promise<void> {
  await runCleanups();
  cleaning = null;
}

export function cleanUpOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal} : arrêt du benchmark, nettoyage…`);
      void runCleanups().then(() => process.exit(130));
    });
  }
}
