// Benchmark phases of the reports (statistics, attendance-list exports, PDF), run by main.ts
// for each dialect once the app runs on the seeded database:
//   (d) statistics, one structure: one year with N-1 and three years with N-1, p50 of the
//       endpoint against the p50 of the bench's own plain SQL computing the same figures
//       (the very statements the endpoint needs, run directly by the driver); targets: ratio
//       ≤ 1.5 and < 300 ms for one year. Then 10 concurrent reports: peak RSS of the server.
//   (e) XLSX of the attendance list (≥ 100,000 rows): time (target < 10 s), RSS growth of the
//       server (< 300 MB), event-loop delay p99 during the export (< 100 ms, measured inside the
//       server by loop-monitor.cjs), against the plain SQL read of the same rows.
//   (f) statistics PDF with charts: time with the browser warm (< 3 s); 10 concurrent PDF
//       requests: all answered, none lost, peak memory of the server and its Chromium.
import { addDays, addYears, birthRangeForAges, CHILD_AGE_THRESHOLD, LocalDate, latestBirthForAge } from '@pointage/domain';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fmt, median, sleep } from './common';
import { api, ApiAnswer, App, loginAs, LoopDelay } from './load';
import type { BenchResult } from './result';
import type { BenchDb, SeedStructure } from './seed';

// ------------------------------------------------------------------ memory of the server (and its Chromium)

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Pids of the descendants of `pid` (Chromium and its helpers, the XLSX worker is a thread). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** Samples the RSS of the server (and of its descendants) every 25 ms until stopped; returns peaks in MB. */
function sampleMemory(pid: number): () => { serverMb: number; treeMb: number } {
  let peakServer = 0;
  let peakTree = 0;
  let treeEvery = 0;
  let children: number[] = [];
  const timer = setInterval(() => {
    const server = rssKb(pid);
    if (treeEvery++ % 8 === 0) children = descendants(pid);
    const tree = server + children.reduce((n, c) => n + rssKb(c), 0);
    peakServer = Math.max(peakServer, server);
    peakTree = Math.max(peakTree, tree);
  }, 25);
  return () => {
    clearInterval(timer);
    return { serverMb: peakServer / 1024, treeMb: peakTree / 1024 };
  };
}

// ------------------------------------------------------------------ event loop of the server

async function loopDelay(app: App): Promise<LoopDelay | null> {
  if (!app.loopFile) return null;
  process.kill(app.pid, 'SIGUSR2');
  for (let i = 0; i < 40; i++) {
    await sleep(25);
    try {
      const data = JSON.parse(readFileSync(app.loopFile, 'utf8')) as LoopDelay;
      if (data.stamp !== app.lastLoopStamp) {
        app.lastLoopStamp = data.stamp;
        return data;
      }
    } catch {
      // not written yet
    }
  }
  return null;
}

// ------------------------------------------------------------------ the statistics' own SQL (baseline)

type Statement = [sql: string, params: unknown[]];

/**
 * The statements the report endpoint runs for one period with every criterion
 * checked (apps/api/src/statistics/statistics.sql.ts), with their parameters.
 * Age brackets become ranges of birth dates with the rules of libs/domain, as the endpoint does.
 */
function periodStatements(
  sid: number,
  from: LocalDate,
  to: LocalDate,
  brackets: { minAge: number; maxAge: number }[],
): Record<'slots' | 'presences' | 'inscrits' | 'months' | 'inscriptions', Statement> {
  const ranges = brackets.map((b) => birthRangeForAges(to, b));
  const bracket = `CASE ${ranges.map((_r, i) => `WHEN m.birth_date BETWEEN ? AND ? THEN ${i}`).join(' ')} ELSE -1 END`;
  const bp = ranges.flatMap((r) => [r.from, r.to]);
  const rows =
    'FROM attendance a JOIN slot s ON s.id = a.slot_id ' +
    'WHERE a.structure_id = ? AND a.slot_id IN (SELECT id FROM slot WHERE structure_id = ? AND date BETWEEN ? AND ?) AND s.structure_id = ?';
  const rp = [sid, sid, from, to, sid];
  const pa =
    'SELECT a.member_id, a.family_id, s.date AS slot_date, a.sex_id, a.city_id, a.status_id, a.minima_id, a.qf_id, ' +
    `ROW_NUMBER() OVER (PARTITION BY a.member_id ORDER BY s.date DESC, s.start_minute DESC, a.arrived_at DESC, a.id DESC) AS rn ${rows}`;
  return {
    slots: [
      'SELECT s.id, s.date, s.start_minute, s.end_minute, SUM(CASE WHEN a.id IS NOT NULL AND 1 = 1 THEN 1 ELSE 0 END) AS n, MAX(a.created_at) AS last ' +
        'FROM slot s LEFT JOIN attendance a ON a.slot_id = s.id AND a.structure_id = ? WHERE s.structure_id = ? AND s.date BETWEEN ? AND ? GROUP BY s.id, s.date, s.start_minute, s.end_minute',
      [sid, sid, from, to],
    ],
    presences: [
      `SELECT x.sex_id, x.city_id, x.status_id, x.minima_id, x.qf_id, ${bracket} AS bracket, SUM(x.n) AS n FROM (` +
        `SELECT a.member_id, a.sex_id, a.city_id, a.status_id, a.minima_id, a.qf_id, COUNT(*) AS n ${rows} AND 1 = 1 ` +
        'GROUP BY a.member_id, a.sex_id, a.city_id, a.status_id, a.minima_id, a.qf_id) x JOIN member m ON m.id = x.member_id WHERE m.structure_id = ? ' +
        'GROUP BY x.sex_id, x.city_id, x.status_id, x.minima_id, x.qf_id, bracket',
      [...bp, ...rp, sid],
    ],
    inscrits: [
      `WITH pa AS (${pa}), ins AS (SELECT pa.family_id, pa.sex_id, pa.city_id, pa.status_id, pa.minima_id, pa.qf_id, ${bracket} AS bracket, ` +
        'CASE WHEN m.birth_date > ? THEN 1 ELSE 0 END AS young, ROW_NUMBER() OVER (PARTITION BY pa.family_id ORDER BY pa.member_id) AS frn ' +
        'FROM pa JOIN member m ON m.id = pa.member_id WHERE pa.rn = 1 AND m.structure_id = ? AND 1 = 1) ' +
        'SELECT sex_id, city_id, status_id, minima_id, qf_id, bracket, young, COUNT(*) AS n, SUM(CASE WHEN frn = 1 THEN 1 ELSE 0 END) AS fam FROM ins GROUP BY sex_id, city_id, status_id, minima_id, qf_id, bracket, young',
      [...rp, ...bp, latestBirthForAge(to, CHILD_AGE_THRESHOLD), sid],
    ],
    months: [`SELECT SUBSTR(s.date, 1, 7) AS ym, COUNT(DISTINCT a.member_id) AS n ${rows} GROUP BY SUBSTR(s.date, 1, 7)`, rp],
    inscriptions: [
      'SELECT COUNT(*) AS n FROM member m WHERE m.structure_id = ? AND m.registered_on BETWEEN ? AND ? AND 1 = 1',
      [sid, from, to],
    ],
  };
}

interface PeriodTotals {
  openingDays: number;
  presences: number;
  inscrits: number;
  families: number;
  inscriptions: number;
}

/** A date column as YYYY-MM-DD, whatever the driver gives. */
const dateOf = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** Runs the plain SQL of a report (the period and its N-1); returns ms and the totals it gives. */
async function plainReport(db: BenchDb, sid: number, from: LocalDate, to: LocalDate): Promise<{ ms: number; totals: PeriodTotals[] }> {
  const t0 = performance.now();
  await db.query('SELECT * FROM structure WHERE id = ?', [sid]);
  await db.query('SELECT * FROM ref_item WHERE structure_id = ? ORDER BY kind, position', [sid]);
  const brackets = await db.query<{ min_age: unknown; max_age: unknown }>(
    'SELECT min_age, max_age FROM age_bracket WHERE structure_id = ? ORDER BY position',
    [sid],
  );
  const totals: PeriodTotals[] = [];
  for (const [f, t] of [
    [from, to],
    [addYears(from, -1), addYears(to, -1)],
  ] as const) {
    const st = periodStatements(
      sid,
      f,
      t,
      brackets.map((b) => ({ minAge: Number(b.min_age), maxAge: Number(b.max_age) })),
    );
    const slots = await db.query<{ date: unknown }>(...st.slots);
    const presences = await db.query<{ n: unknown }>(...st.presences);
    const inscrits = await db.query<{ n: unknown; fam: unknown }>(...st.inscrits);
    await db.query(...st.months);
    const inscriptions = await db.query<{ n: unknown }>(...st.inscriptions);
    totals.push({
      openingDays: new Set(slots.map((s) => dateOf(s.date))).size,
      presences: presences.reduce((n, r) => n + Number(r.n), 0),
      inscrits: inscrits.reduce((n, r) => n + Number(r.n), 0),
      families: inscrits.reduce((n, r) => n + Number(r.fam), 0),
      inscriptions: Number(inscriptions[0]?.n),
    });
  }
  return { ms: performance.now() - t0, totals };
}

/** The statistics report as the endpoint answers it (only what the bench reads). */
interface Report {
  figures: { key: string; value: number }[];
}

const figure = (report: Report, key: string): number | undefined => report.figures.find((f) => f.key === key)?.value;

/**
 * A read-only request, tried again once when fetch fails on a kept-alive socket
 * that the server closed while the bench was busy with its own SQL (undici
 * reuses it: "fetch failed / other side closed").
 */
async function readOnly<T>(base: string, path: string, opts: { token: string; body: unknown }): Promise<ApiAnswer<T>> {
  try {
    return await api<T>(base, 'POST', path, opts);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return api<T>(base, 'POST', path, opts);
  }
}

// ------------------------------------------------------------------ phases

export interface ReportsContext {
  app: App;
  db: BenchDb;
  structures: SeedStructure[];
  /** Today in Europe/Paris. */
  today: LocalDate;
  r: BenchResult;
  phases?: Set<string>;
  /** Requests of each timed series of (d). */
  runs?: number;
}

interface PhaseContext extends Required<ReportsContext> {
  token: string;
  sid: number;
}

export async function benchReports(ctx: ReportsContext): Promise<void> {
  const s = ctx.structures[1] ?? ctx.structures[0];
  if (!s) throw new Error('aucune structure');
  const token = await loginAs(ctx.app.base, `admin@${s.slug}.seed.local`);
  const c: PhaseContext = { phases: new Set(['d', 'e', 'f']), runs: 15, ...ctx, token, sid: Number(s.id) };

  if (c.phases.has('d')) await statistics(c);
  if (c.phases.has('e')) await xlsxExport(c);
  if (c.phases.has('f')) await pdfExport(c);
}

/** (d) The statistics report, one year and three years with N-1, against the bench's SQL; then 10 at once. */
async function statistics({ app, db, structures, today, r, runs, token, sid }: PhaseContext): Promise<void> {
  r.stats = {};
  for (const [label, years] of [
    ['1y', 1],
    ['3y', 3],
  ] as const) {
    const from = addDays(addYears(today, -years), 1);
    const body = { from, to: today, compare: 'previous-year' };
    const first = await readOnly<Report>(app.base, '/api/statistics/report', { token, body });
    if (first.status !== 200) {
      r.errors.push(`statistiques ${label} : ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
      continue;
    }
    const endpoint: number[] = [];
    const plain: number[] = [];
    let totals: PeriodTotals | undefined;
    for (let i = 0; i < runs; i++) {
      // Alternate the two so that a drift of the machine weighs on both.
      const t0 = performance.now();
      const res = await readOnly<Report>(app.base, '/api/statistics/report', { token, body });
      endpoint.push(performance.now() - t0);
      if (res.status !== 200) r.errors.push(`statistiques ${label} : ${res.status}`);
      const p = await plainReport(db, sid, from, today);
      plain.push(p.ms);
      totals = p.totals[0];
    }
    // The endpoint's figures are those of its own SQL.
    const f = first.body;
    const keys = ['openingDays', 'presences', 'inscrits', 'families', 'inscriptions'] as const;
    const mismatch = keys.filter((k) => figure(f, k) !== totals?.[k]);
    if (mismatch.length) r.errors.push(`statistiques ${label} : chiffres différents du SQL du bench (${mismatch.join(', ')})`);
    r.stats[label] = {
      from,
      to: today,
      p50: median(endpoint),
      plainP50: median(plain),
      ratio: median(endpoint) / median(plain),
      presences: figure(f, 'presences'),
      inscrits: figure(f, 'inscrits'),
    };
    console.log(
      `  (d) statistiques ${label} (${from} → ${today}, avec N-1) : p50 ${fmt(median(endpoint))} ms ; SQL du bench p50 ${fmt(median(plain))} ms → ×${fmt(
        median(endpoint) / median(plain),
        2,
      )} ; ${fmt(figure(f, 'presences') ?? NaN)} présences, ${fmt(figure(f, 'inscrits') ?? NaN)} inscrits`,
    );
  }
  const tokens = await Promise.all(structures.slice(0, 10).map((x) => loginAs(app.base, `admin@${x.slug}.seed.local`)));
  const before = rssKb(app.pid) / 1024;
  const stop = sampleMemory(app.pid);
  const from = addDays(addYears(today, -1), 1);
  const t0 = performance.now();
  const answers = await Promise.all(
    tokens.map((tk) => api(app.base, 'POST', '/api/statistics/report', { token: tk, body: { from, to: today, compare: 'previous-year' } })),
  );
  const ms = performance.now() - t0;
  const peak = stop();
  const ok = answers.filter((a) => a.status === 200).length;
  if (ok !== answers.length) r.errors.push(`statistiques concurrentes : ${answers.length - ok} échecs`);
  r.stats.concurrent = { n: answers.length, ok, ms, rssBeforeMb: before, rssPeakMb: peak.serverMb };
  console.log(
    `  (d) ${answers.length} rapports simultanés (1 an, N-1) : ${ok} réponses 200 en ${fmt(ms)} ms ; RSS du serveur ${fmt(before)} → pic ${fmt(peak.serverMb)} Mo`,
  );
}

/** (e) XLSX of the attendance list: the structure's whole period (≥ 100,000 rows at federation scale). */
async function xlsxExport({ app, db, r, token, sid }: PhaseContext): Promise<void> {
  const [range] = await db.query<{ a: unknown; b: unknown }>(
    'SELECT MIN(s.date) AS a, MAX(s.date) AS b FROM slot s JOIN attendance a ON a.slot_id = s.id WHERE a.structure_id = ?',
    [sid],
  );
  const body = { from: dateOf(range?.a), to: dateOf(range?.b) };
  const plainT0 = performance.now();
  const plainRows = await db.query(
    'SELECT a.id, s.date, s.start_minute, s.end_minute, m.last_name, m.first_name, m.birth_date, f.name, rs.label AS sex, rc.label AS city, rst.label AS status, rm.label AS minima, rq.label AS qf, a.arrived_at, a.source ' +
      'FROM attendance a JOIN slot s ON s.id = a.slot_id JOIN member m ON m.id = a.member_id JOIN family f ON f.id = a.family_id JOIN ref_item rs ON rs.id = a.sex_id ' +
      'JOIN ref_item rc ON rc.id = a.city_id JOIN ref_item rst ON rst.id = a.status_id JOIN ref_item rm ON rm.id = a.minima_id JOIN ref_item rq ON rq.id = a.qf_id ' +
      'WHERE a.structure_id = ? AND s.date BETWEEN ? AND ? ORDER BY s.date, s.start_minute, s.end_minute, m.last_name, m.first_name, a.id',
    [sid, body.from, body.to],
  );
  const plainMs = performance.now() - plainT0;
  await loopDelay(app); // starts a fresh histogram
  const before = rssKb(app.pid) / 1024;
  const stop = sampleMemory(app.pid);
  const t0 = performance.now();
  const res = await fetch(`${app.base}/api/attendance-list/export.xlsx`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const buffer = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  const loop = await loopDelay(app);
  const peak = stop();
  let rows = NaN;
  if (res.status !== 200) {
    r.errors.push(`export XLSX : ${res.status} ${buffer.toString('utf8').slice(0, 300)}`);
  } else {
    // Read back: one row per attendance under the header (5 rows above the data).
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
      worksheets: 'emit',
      sharedStrings: 'ignore',
      styles: 'ignore',
    });
    // Data rows are those below the header row (row 5); empty rows are not emitted by the reader.
    rows = 0;
    for await (const sheet of reader) for await (const row of sheet) rows += row.number > 5 ? 1 : 0;
    if (rows !== plainRows.length) r.errors.push(`export XLSX : ${rows} lignes lues, ${plainRows.length} attendues`);
  }
  r.xlsx = {
    rows: plainRows.length,
    readBack: rows,
    ms,
    plainMs,
    bytes: buffer.length,
    rssBeforeMb: before,
    rssPeakMb: peak.serverMb,
    loop,
  };
  console.log(
    `  (e) XLSX de ${fmt(plainRows.length)} présences : ${fmt(ms)} ms (${fmt(buffer.length / 1048576, 1)} Mo ; SQL brut des mêmes lignes ${fmt(plainMs)} ms → ×${fmt(ms / plainMs, 1)}) ; ` +
      `RSS ${fmt(before)} → pic ${fmt(peak.serverMb)} Mo (+${fmt(peak.serverMb - before)}) ; boucle d'événements p99 ${loop ? `${loop.p99} ms, max ${loop.max} ms` : 'n/a'} ; relu : ${fmt(rows)} lignes`,
  );
}

/** (f) Statistics PDF with charts, then 10 at once. */
async function pdfExport({ app, structures, today, r, token }: PhaseContext): Promise<void> {
  const body = { from: addDays(addYears(today, -1), 1), to: today, compare: 'previous-year' };
  const pdf = async (tk = token): Promise<{ status: number; ms: number; bytes: number; text: string }> => {
    const t0 = performance.now();
    const res = await fetch(`${app.base}/api/statistics/export.pdf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tk}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      ms: performance.now() - t0,
      bytes: buf.length,
      text: res.status === 200 ? '' : buf.toString('utf8').slice(0, 300),
    };
  };
  const cold = await pdf();
  if (cold.status !== 200) {
    r.errors.push(`PDF statistiques : ${cold.status} ${cold.text}`);
    return;
  }
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await pdf()).ms);
  const tokens = await Promise.all(structures.slice(0, 10).map((x) => loginAs(app.base, `admin@${x.slug}.seed.local`)));
  const before = rssKb(app.pid) / 1024;
  const stop = sampleMemory(app.pid);
  const t0 = performance.now();
  const answers = await Promise.all(tokens.map((tk) => pdf(tk)));
  const ms = performance.now() - t0;
  const peak = stop();
  const ok = answers.filter((a) => a.status === 200).length;
  if (ok !== answers.length)
    r.errors.push(`PDF simultanés : ${answers.length - ok} non servis (${answers.map((a) => a.status).join(', ')})`);
  const pdfResult = {
    coldMs: cold.ms,
    warmP50: median(warm),
    bytes: cold.bytes,
    concurrent: {
      n: answers.length,
      ok,
      ms,
      slowest: Math.max(...answers.map((a) => a.ms)),
      rssBeforeMb: before,
      serverPeakMb: peak.serverMb,
      treePeakMb: peak.treeMb,
    },
  };
  r.pdf = pdfResult;
  console.log(
    `  (f) PDF statistiques avec graphiques : à froid ${fmt(cold.ms)} ms, navigateur chaud p50 ${fmt(median(warm))} ms (${fmt(cold.bytes / 1024)} Ko) ; ` +
      `${answers.length} simultanés : ${ok}/${answers.length} en ${fmt(ms)} ms (le plus lent ${fmt(pdfResult.concurrent.slowest)} ms) ; pic mémoire serveur ${fmt(peak.serverMb)} Mo, serveur + Chromium ${fmt(peak.treeMb)} Mo`,
  );
}
