// Benchmark phases of the reports (statistics, attendance-list exports, PDF), called by run.mjs
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
import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TARGET = { statsRatio: 1.5, statsMs: 300, xlsxMs: 10_000, xlsxRssMb: 300, loopP99Ms: 100, pdfWarmMs: 3000 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

// ------------------------------------------------------------------ memory of the server (and its Chromium)

function rssKb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Pids of the descendants of `pid` (Chromium and its helpers, the XLSX worker is a thread). */
function descendants(pid) {
  const children = new Map();
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
  const out = [];
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** Samples the RSS of the server (and of its descendants) every 25 ms until stopped; returns peaks in MB. */
function sampleMemory(pid) {
  let peakServer = 0;
  let peakTree = 0;
  let treeEvery = 0;
  let children = [];
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

async function loopDelay(app) {
  if (!app.loopFile) return null;
  process.kill(app.pid, 'SIGUSR2');
  for (let i = 0; i < 40; i++) {
    await sleep(25);
    try {
      const data = JSON.parse(readFileSync(app.loopFile, 'utf8'));
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

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function ageAt(birth, ref) {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ry, rm, rd] = ref.split('-').map(Number);
  const day = bm === 2 && bd === 29 && !isLeap(ry) ? 28 : bd;
  return ry - by - (rm < bm || (rm === bm && rd < day) ? 1 : 0);
}
function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}
function addYears(date, years) {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  return `${year}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 && !isLeap(year) ? 28 : d).padStart(2, '0')}`;
}
function latestBirth(ref, age) {
  let c = addYears(ref, -age);
  while (ageAt(c, ref) < age) c = addDays(c, -1);
  while (ageAt(addDays(c, 1), ref) >= age) c = addDays(c, 1);
  return c;
}

/**
 * The statements the report endpoint runs for one period with every criterion
 * checked (apps/api/src/statistics/statistics.sql.ts), with their parameters.
 */
function periodStatements(sid, from, to, brackets) {
  const ranges = brackets.map((b) => [addDays(latestBirth(to, b.max_age + 1), 1), latestBirth(to, b.min_age)]);
  const bracket = `CASE ${ranges.map((_r, i) => `WHEN m.birth_date BETWEEN ? AND ? THEN ${i}`).join(' ')} ELSE -1 END`;
  const bp = ranges.flat();
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
      [...rp, ...bp, latestBirth(to, 6), sid],
    ],
    months: [`SELECT SUBSTR(s.date, 1, 7) AS ym, COUNT(DISTINCT a.member_id) AS n ${rows} GROUP BY SUBSTR(s.date, 1, 7)`, rp],
    inscriptions: [
      'SELECT COUNT(*) AS n FROM member m WHERE m.structure_id = ? AND m.registered_on BETWEEN ? AND ? AND 1 = 1',
      [sid, from, to],
    ],
  };
}

/** Runs the plain SQL of a report (the period and its N-1); returns ms and the totals it gives. */
async function plainReport(db, sid, from, to) {
  const t0 = performance.now();
  await db.query('SELECT * FROM structure WHERE id = ?', [sid]);
  await db.query('SELECT * FROM ref_item WHERE structure_id = ? ORDER BY kind, position', [sid]);
  const brackets = await db.query('SELECT min_age, max_age FROM age_bracket WHERE structure_id = ? ORDER BY position', [sid]);
  const totals = [];
  for (const [f, t] of [
    [from, to],
    [addYears(from, -1), addYears(to, -1)],
  ]) {
    const st = periodStatements(
      sid,
      f,
      t,
      brackets.map((b) => ({ min_age: Number(b.min_age), max_age: Number(b.max_age) })),
    );
    const slots = await db.query(...st.slots);
    const presences = await db.query(...st.presences);
    const inscrits = await db.query(...st.inscrits);
    await db.query(...st.months);
    const inscriptions = await db.query(...st.inscriptions);
    totals.push({
      openingDays: new Set(slots.map((s) => String(s.date instanceof Date ? s.date.toISOString().slice(0, 10) : s.date))).size,
      presences: presences.reduce((n, r) => n + Number(r.n), 0),
      inscrits: inscrits.reduce((n, r) => n + Number(r.n), 0),
      families: inscrits.reduce((n, r) => n + Number(r.fam), 0),
      inscriptions: Number(inscriptions[0].n),
    });
  }
  return { ms: performance.now() - t0, totals };
}

const figure = (report, key) => report.figures.find((f) => f.key === key)?.value;

/**
 * A read-only request, tried again once when fetch fails on a kept-alive socket
 * that the server closed while the bench was busy with its own SQL (undici
 * reuses it: "fetch failed / other side closed").
 */
async function readOnly(api, base, path, opts) {
  try {
    return await api(base, 'POST', path, opts);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return api(base, 'POST', path, opts);
  }
}

// ------------------------------------------------------------------ phases

export async function benchReports({ app, db, api, loginAs, structures, today, r, fmt, phases = new Set(['d', 'e', 'f']), runs = 15 }) {
  const s = structures[1] ?? structures[0];
  const token = await loginAs(app.base, `admin@${s.slug}.seed.local`);
  const sid = Number(s.id);

  if (phases.has('d')) await statistics({ app, db, api, loginAs, structures, today, r, fmt, runs, token, sid });
  if (phases.has('e')) await xlsxExport({ app, db, r, fmt, token, sid });
  if (phases.has('f')) await pdfExport({ app, loginAs, structures, today, r, fmt, token });
}

async function statistics({ app, db, api, loginAs, structures, today, r, fmt, runs, token, sid }) {
  r.stats = {};
  for (const [label, years] of [
    ['1y', 1],
    ['3y', 3],
  ]) {
    const from = addDays(addYears(today, -years), 1);
    const body = { from, to: today, compare: 'previous-year' };
    const first = await readOnly(api, app.base, '/api/statistics/report', { token, body });
    if (first.status !== 200) {
      r.errors.push(`statistiques ${label} : ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
      continue;
    }
    const endpoint = [];
    const plain = [];
    let totals;
    for (let i = 0; i < runs; i++) {
      // Alternate the two so that a drift of the machine weighs on both.
      const t0 = performance.now();
      const res = await readOnly(api, app.base, '/api/statistics/report', { token, body });
      endpoint.push(performance.now() - t0);
      if (res.status !== 200) r.errors.push(`statistiques ${label} : ${res.status}`);
      const p = await plainReport(db, sid, from, today);
      plain.push(p.ms);
      totals = p.totals[0];
    }
    // The endpoint's figures are those of its own SQL.
    const f = first.body;
    const mismatch = ['openingDays', 'presences', 'inscrits', 'families', 'inscriptions'].filter((k) => figure(f, k) !== totals[k]);
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
      )} ; ${fmt(figure(f, 'presences'))} présences, ${fmt(figure(f, 'inscrits'))} inscrits`,
    );
  }
  {
    const tokens = await Promise.all(structures.slice(0, 10).map((x) => loginAs(app.base, `admin@${x.slug}.seed.local`)));
    const before = rssKb(app.pid) / 1024;
    const stop = sampleMemory(app.pid);
    const from = addDays(addYears(today, -1), 1);
    const t0 = performance.now();
    const answers = await Promise.all(
      tokens.map((tk) =>
        api(app.base, 'POST', '/api/statistics/report', { token: tk, body: { from, to: today, compare: 'previous-year' } }),
      ),
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
}

/** (e) XLSX of the attendance list: the structure's whole period (≥ 100,000 rows at federation scale). */
async function xlsxExport({ app, db, r, fmt, token, sid }) {
  {
    const range = (
      await db.query(
        'SELECT MIN(s.date) AS a, MAX(s.date) AS b FROM slot s JOIN attendance a ON a.slot_id = s.id WHERE a.structure_id = ?',
        [sid],
      )
    )[0];
    const d = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
    const body = { from: d(range.a), to: d(range.b) };
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
      const reader = new ExcelJS.stream.xlsx.WorkbookReader((await import('node:stream')).Readable.from(buffer), {
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
}

/** (f) Statistics PDF with charts, then 10 at once. */
async function pdfExport({ app, loginAs, structures, today, r, fmt, token }) {
  {
    const body = { from: addDays(addYears(today, -1), 1), to: today, compare: 'previous-year' };
    const pdf = async (tk = token) => {
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
    } else {
      const warm = [];
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
      r.pdf = {
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
      console.log(
        `  (f) PDF statistiques avec graphiques : à froid ${fmt(cold.ms)} ms, navigateur chaud p50 ${fmt(median(warm))} ms (${fmt(cold.bytes / 1024)} Ko) ; ` +
          `${answers.length} simultanés : ${ok}/${answers.length} en ${fmt(ms)} ms (le plus lent ${fmt(r.pdf.concurrent.slowest)} ms) ; pic mémoire serveur ${fmt(peak.serverMb)} Mo, serveur + Chromium ${fmt(peak.treeMb)} Mo`,
      );
    }
  }
}

export function reportRows(r, fmt, mark) {
  const rows = [];
  for (const label of ['1y', '3y']) {
    const x = r.stats?.[label];
    if (!x) continue;
    rows.push([
      `(d) POST /api/statistics/report, one structure, ${label === '1y' ? 'one year' : 'three years'}, with N-1`,
      `p50 ${fmt(x.p50)} ms (${fmt(x.presences)} présences, ${fmt(x.inscrits)} inscrits)`,
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

export function reportMarkdown(results, fmt) {
  const cell = (f) => `| ${results.map((r) => (r.rows ? f(r) : 'failed')).join(' | ')} |`;
  const lines = [];
  const s = (label) => (r) => {
    const x = r.stats?.[label];
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
    `| (f) 10 concurrent PDFs: answered, total time, peak server / server + Chromium memory ${cell((r) =>
      r.pdf
        ? `${r.pdf.concurrent.ok}/10, ${fmt(r.pdf.concurrent.ms)} ms, ${fmt(r.pdf.concurrent.serverPeakMb)} / ${fmt(r.pdf.concurrent.treePeakMb)} MB`
        : 'n/a',
    )}`,
  );
  return lines.join('\n');
}

export function loopMonitorArgs(file) {
  const path = new URL('./loop-monitor.cjs', import.meta.url).pathname;
  return existsSync(path) ? { args: ['--require', path], env: { BENCH_LOOP_FILE: file } } : { args: [], env: {} };
}
