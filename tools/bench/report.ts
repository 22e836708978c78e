// What the bench prints: a table per dialect, then a Markdown table for docs/performance.md.
import { fmt } from './common';
import type { LoadResult } from './load';
import type { BenchOptions } from './options';
import type { BenchResult, StatisticsTiming } from './result';

/** Targets of the issues; a missed one is printed MISSED, it is not an error. */
export const TARGET = {
  generationMs: 1000,
  validationP95: 50,
  validationShare: 0.25,
  statsRatio: 1.5,
  statsMs: 300,
  xlsxMs: 10_000,
  xlsxRssMb: 300,
  loopP99Ms: 100,
  pdfWarmMs: 3000,
} as const;

export const mark = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

const CPU_LABELS: Readonly<Record<string, string>> = { server: 'serveur', mariadb: 'MariaDB', generator: 'générateur' };

type CpuMeasured = Pick<LoadResult, 'cpuPerRequest' | 'statementsPerRequest'>;

/** "serveur 612 µs, MariaDB 301 µs, générateur 88 µs par requête" (console). */
export function cpuText(run: CpuMeasured): string {
  const parts = Object.entries(run.cpuPerRequest)
    .filter(([, v]) => Number.isFinite(v))
    .map(([k, v]) => `${CPU_LABELS[k] ?? k} ${fmt(v)} µs`);
  const statements = Number.isFinite(run.statementsPerRequest)
    ? ` ; ${fmt(run.statementsPerRequest ?? NaN, 2)} requêtes SQL par requête`
    : '';
  return `${parts.join(', ')} par requête${statements}`;
}

/** "612 / 301 / 88 µs" (server / MariaDB / load generator) for the tables; "–" for the database of SQLite (in the server). */
export function cpuCell(run: CpuMeasured): string {
  const c = run.cpuPerRequest;
  const v = (x: number | undefined): string => (x !== undefined && Number.isFinite(x) ? fmt(x) : '–');
  const statements = Number.isFinite(run.statementsPerRequest) ? `, ${fmt(run.statementsPerRequest ?? NaN, 2)} SQL statements` : '';
  return `${v(c['server'])} / ${v(c['mariadb'])} / ${v(c['generator'])} µs${statements}`;
}

/** A row of the console table: measure, value, baseline / ratio, target. */
export type TableRow = [string, string, string, string];

export function rowsOf(r: BenchResult, o: BenchOptions): TableRow[] {
  const rows: TableRow[] = [];
  rows.push([
    `seed (${o.structures} × ${o.families} families × ${o.years} y)`,
    `${(r.seedMs / 1000).toFixed(1)} s; ${fmt(r.rows.attendance)} attendance, ${fmt(r.rows.members)} members, ${fmt(r.rows.slots)} slots; ${fmt(r.rows.attendance / (r.seedMs / 1000))} attendance rows/s; DB ${fmt(r.dbBytes / 1048576)} MB`,
    '',
    '',
  ]);
  if (r.generationMs !== undefined) {
    const baselineMs = r.baselineInsertMs ?? NaN;
    const ratio = r.generationMs / baselineMs;
    rows.push([
      `(a) POST /api/slots/generate, ${fmt(r.baselineRows ?? NaN)} slots (5 y × 6 d × 3 ranges)`,
      `${fmt(r.generationMs)} ms (re-run, all existing: ${fmt(r.regenerationMs ?? NaN)} ms)`,
      `raw multi-row INSERT ${fmt(baselineMs, 1)} ms → ×${fmt(ratio, 1)}`,
      `< 1 s: ${mark(r.generationMs < TARGET.generationMs)}`,
    ]);
  }
  if (r.health)
    rows.push([
      'GET /api/health (baseline)',
      `${fmt(r.health.rps)} req/s; p50/p95/p99 ${r.health.p50}/${r.health.p95}/${r.health.p99} ms`,
      `CPU/request (server / MariaDB / generator) ${cpuCell(r.health)}`,
      '',
    ]);
  if (r.validation && r.checks) {
    const v = r.validation;
    rows.push([
      `(b) POST /api/family/attendance, ${o.connections} conn., ${o.duration} s, ${fmt(r.checks.membersRotated)} members of ${fmt(r.checks.familiesRotated)} families in rotation`,
      `${fmt(v.rps)} req/s; p50/p95/p99 ${v.p50}/${v.p95}/${v.p99} ms`,
      `${fmt(v.share * 100)} % of health throughput; CPU/request ${cpuCell(v)}`,
      `p95 < 50 ms: ${mark(v.p95 < TARGET.validationP95)}; ≥ 25 %: ${mark(v.share >= TARGET.validationShare)}`,
    ]);
    rows.push([
      '(b) checks',
      `non-2xx ${r.checks.non2xx}; duplicates (member, slot) ${r.checks.duplicates}; ${fmt(r.checks.recordingShare * 100)} % of the 2xx recorded rows; new attendance ${fmt(r.checks.presentToday)} / ${fmt(r.checks.expectedPresent)} expected`,
      '',
      r.errors.length ? 'ERRORS' : 'ok',
    ]);
  }
  if (r.replicated) {
    const x = r.replicated;
    rows.push([
      `(b×${x.replicas}) the same on ${x.replicas} app processes, one MariaDB database, ${x.connectionsEach} conn. each`,
      `${fmt(x.rps)} req/s; p95/p99 ≤ ${x.p95}/${x.p99} ms; non-2xx ${x.non2xx}; duplicates ${x.duplicates}`,
      `×${fmt(x.ratio, 2)} of one process (b); CPU/request ${cpuCell(x)}`,
      '',
    ]);
  }
  if (r.home) {
    rows.push([
      `(c) GET /api/public/structures/:slug/kiosk, ${o.connections} conn., ${o.homeDuration} s`,
      `${fmt(r.home.rps)} req/s; p50/p95/p99 ${r.home.p50}/${r.home.p95}/${r.home.p99} ms`,
      `${fmt(r.home.share * 100)} % of health throughput; CPU/request ${cpuCell(r.home)}`,
      '',
    ]);
  }
  rows.push(...reportRows(r));
  return rows;
}

/** Rows of the report phases (d), (e), (f). */
function reportRows(r: BenchResult): TableRow[] {
  const rows: TableRow[] = [];
  for (const label of ['1y', '3y'] as const) {
    const x = r.stats?.[label];
    if (!x) continue;
    rows.push([
      `(d) POST /api/statistics/report, one structure, ${label === '1y' ? 'one year' : 'three years'}, with N-1`,
      `p50 ${fmt(x.p50)} ms (${fmt(x.presences ?? NaN)} présences, ${fmt(x.inscrits ?? NaN)} inscrits)`,
      `plain SQL p50 ${fmt(x.plainP50)} ms → ×${fmt(x.ratio, 2)}`,
      label === '1y' ? `×1.5: ${mark(x.ratio <= TARGET.statsRatio)}; < 300 ms: ${mark(x.p50 < TARGET.statsMs)}` : '',
    ]);
  }
  if (r.stats?.concurrent) {
    const c = r.stats.concurrent;
    rows.push([
      `(d) ${c.n} concurrent reports`,
      `${c.ok}/${c.n} in ${fmt(c.ms)} ms`,
      `server RSS ${fmt(c.rssBeforeMb)} → peak ${fmt(c.rssPeakMb)} MB`,
      '',
    ]);
  }
  if (r.xlsx) {
    const x = r.xlsx;
    rows.push([
      `(e) XLSX export of ${fmt(x.rows)} attendance rows`,
      `${fmt(x.ms)} ms; RSS +${fmt(x.rssPeakMb - x.rssBeforeMb)} MB; event loop p99 ${x.loop ? x.loop.p99 : 'n/a'} ms (max ${x.loop ? x.loop.max : 'n/a'})`,
      `plain SQL read ${fmt(x.plainMs)} ms → ×${fmt(x.ms / x.plainMs, 1)}`,
      `< 10 s: ${mark(x.ms < TARGET.xlsxMs)}; < 300 MB: ${mark(x.rssPeakMb - x.rssBeforeMb < TARGET.xlsxRssMb)}; p99 < 100 ms: ${mark(x.loop ? x.loop.p99 < TARGET.loopP99Ms : false)}`,
    ]);
  }
  if (r.pdf) {
    const p = r.pdf;
    rows.push([
      '(f) statistics PDF with charts',
      `cold ${fmt(p.coldMs)} ms; warm p50 ${fmt(p.warmP50)} ms`,
      `${p.concurrent.n} concurrent: ${p.concurrent.ok}/${p.concurrent.n} in ${fmt(p.concurrent.ms)} ms; peak server ${fmt(p.concurrent.serverPeakMb)} MB, with Chromium ${fmt(p.concurrent.treePeakMb)} MB`,
      `< 3 s warm: ${mark(p.warmP50 < TARGET.pdfWarmMs)}`,
    ]);
  }
  return rows;
}

/** The table as printed: a title, the header, a rule, the rows, columns padded to their widest cell. */
export function formatTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')}`;
  return [`\n${title}`, line(header), `  ${widths.map((w) => '-'.repeat(w)).join('-+-')}`, ...rows.map(line)];
}

export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  for (const line of formatTable(title, header, rows)) console.log(line);
}

type Measure = [label: string, cell: (r: BenchResult) => string];

export function markdown(results: readonly BenchResult[], o: BenchOptions): string {
  const measures: Measure[] = [
    ['Seed duration', (r) => `${(r.seedMs / 1000).toFixed(1)} s (${fmt(r.rows.attendance / (r.seedMs / 1000))} attendance rows/s)`],
    ['Rows: attendance / members / slots', (r) => `${fmt(r.rows.attendance)} / ${fmt(r.rows.members)} / ${fmt(r.rows.slots)}`],
    ['Database size', (r) => `${fmt(r.dbBytes / 1048576)} MB`],
    [
      `(a) Slot generation, ${fmt(results[0]?.baselineRows ?? 0)} slots (target < 1 s)`,
      (r) =>
        r.generationMs === undefined
          ? 'n/a'
          : `${fmt(r.generationMs)} ms ${r.generationMs < TARGET.generationMs ? '' : '**MISSED**'}`.trim(),
    ],
    [
      '(a) Raw multi-row INSERT of the same rows / ratio',
      (r) =>
        r.generationMs === undefined
          ? 'n/a'
          : `${fmt(r.baselineInsertMs ?? NaN, 1)} ms / ×${fmt(r.generationMs / (r.baselineInsertMs ?? NaN), 1)}`,
    ],
    ['(a) Same request again (all exist)', (r) => (r.regenerationMs === undefined ? 'n/a' : `${fmt(r.regenerationMs)} ms`)],
    [
      'GET /api/health: req/s, p50/p95/p99',
      (r) => (r.health ? `${fmt(r.health.rps)}, ${r.health.p50}/${r.health.p95}/${r.health.p99} ms` : 'n/a'),
    ],
    [
      `(b) Kiosk validation: req/s, p50/p95/p99 (target p95 < 50 ms)`,
      (r) =>
        r.validation
          ? `${fmt(r.validation.rps)}, ${r.validation.p50}/${r.validation.p95}/${r.validation.p99} ms ${r.validation.p95 < TARGET.validationP95 ? '' : '**MISSED**'}`.trim()
          : 'n/a',
    ],
    [
      '(b) Validation / health throughput (target ≥ 25 %)',
      (r) =>
        r.validation
          ? `${fmt(r.validation.share * 100)} % ${r.validation.share >= TARGET.validationShare ? '' : '**MISSED**'}`.trim()
          : 'n/a',
    ],
    [
      '(b) non-2xx / duplicate (member, slot) / every served family recorded once',
      (r) => (r.validation && r.checks ? `${r.checks.non2xx} / ${r.checks.duplicates} / ${r.checks.keysMatch ? 'yes' : 'NO'}` : 'n/a'),
    ],
    [
      '(b) share of validations that recorded new rows',
      (r) => (r.validation && r.checks ? `${fmt(r.checks.recordingShare * 100)} %` : 'n/a'),
    ],
    ['(c) Kiosk home: req/s, p50/p95/p99', (r) => (r.home ? `${fmt(r.home.rps)}, ${r.home.p50}/${r.home.p95}/${r.home.p99} ms` : 'n/a')],
    ['(c) Kiosk home / health throughput', (r) => (r.home ? `${fmt(r.home.share * 100)} %` : 'n/a')],
    [
      'CPU per request, server / MariaDB / load generator: health; (b); (c)',
      (r) => [r.health, r.validation, r.home].map((x) => (x ? cpuCell(x) : 'n/a')).join('; '),
    ],
  ];
  const head = `| Measure (${o.structures} structures × ${o.families} families × ${o.years} y, ${o.connections} connections) | ${results.map((r) => (r.dialect === 'sqlite' ? 'SQLite' : 'MariaDB')).join(' | ')} |`;
  const sep = `| --- | ${results.map(() => '---').join(' | ')} |`;
  const body = measures.map(([label, f]) => `| ${label} | ${results.map(f).join(' | ')} |`);
  return [head, sep, ...body, reportMarkdown(results)].join('\n');
}

/** Markdown rows of the report phases (d), (e), (f). */
function reportMarkdown(results: readonly BenchResult[]): string {
  const cell = (f: (r: BenchResult) => string): string => `| ${results.map(f).join(' | ')} |`;
  const lines: string[] = [];
  const s =
    (label: '1y' | '3y') =>
    (r: BenchResult): string => {
      const x: StatisticsTiming | undefined = r.stats?.[label];
      return x ? `${fmt(x.p50)} ms / plain SQL ${fmt(x.plainP50)} ms = ×${fmt(x.ratio, 2)}` : 'n/a';
    };
  lines.push(`| (d) Statistics, 1 structure, 1 year + N-1: p50 / plain SQL p50 (target ×1.5 and < 300 ms) ${cell(s('1y'))}`);
  lines.push(`| (d) Statistics, 1 structure, 3 years + N-1 ${cell(s('3y'))}`);
  lines.push(
    `| (d) 10 concurrent reports: server RSS before → peak ${cell((r) => (r.stats?.concurrent ? `${fmt(r.stats.concurrent.rssBeforeMb)} → ${fmt(r.stats.concurrent.rssPeakMb)} MB` : 'n/a'))}`,
  );
  lines.push(
    `| (e) XLSX list export: rows, time (< 10 s), RSS growth (< 300 MB), event-loop p99 (< 100 ms) ${cell((r) =>
      r.xlsx
        ? `${fmt(r.xlsx.rows)}, ${fmt(r.xlsx.ms)} ms, +${fmt(r.xlsx.rssPeakMb - r.xlsx.rssBeforeMb)} MB, ${r.xlsx.loop?.p99 ?? 'n/a'} ms (max ${r.xlsx.loop?.max ?? 'n/a'})`
        : 'n/a',
    )}`,
  );
  lines.push(
    `| (e) plain SQL read of the same rows / ratio ${cell((r) => (r.xlsx ? `${fmt(r.xlsx.plainMs)} ms / ×${fmt(r.xlsx.ms / r.xlsx.plainMs, 1)}` : 'n/a'))}`,
  );
  lines.push(
    `| (f) Statistics PDF with charts: cold / warm p50 (< 3 s) ${cell((r) => (r.pdf ? `${fmt(r.pdf.coldMs)} / ${fmt(r.pdf.warmP50)} ms` : 'n/a'))}`,
  );
  lines.push(
    `| (f) Concurrent PDFs (10; 3 with --quick): answered, total time, peak server / server + Chromium memory ${cell((r) =>
      r.pdf
        ? `${r.pdf.concurrent.ok}/${r.pdf.concurrent.n}, ${fmt(r.pdf.concurrent.ms)} ms, ${fmt(r.pdf.concurrent.serverPeakMb)} / ${fmt(r.pdf.concurrent.treePeakMb)} MB`
        : 'n/a',
    )}`,
  );
  return lines.join('\n');
}
