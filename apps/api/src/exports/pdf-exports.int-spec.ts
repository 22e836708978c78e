import { DEFAULT_FOOTER_TEXT, type StatisticsReport } from '@pointage/contracts';
import { formatHoursMinutes } from '@pointage/domain';
import type { Response } from 'supertest';
import { bearer, sqlInstant } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { countingServer, describeWithChromium, pdfFonts, pdfPages } from '../../test/pdf';
import { StatsScenario } from '../../test/statistics-fixtures';
import { PdfRenderer } from '../pdf/pdf-renderer';
import { PDF_MESSAGES } from '../pdf';

function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** "1 234" as pdftotext gives it back once spaces are collapsed (pdfPages). */
const frenchNumber = (n: number) => n.toLocaleString('fr-FR').replace(/[\u00a0\u202f]/g, ' ');

/**
 * The PDF exports read back with pdftotext: the statistics' figures equal to the
 * API's answer, the funder line and page numbers on every page, long lists
 * paginated, user text printed literally and nothing fetched.
 */
describeWithChromium('PDF exports', () => {
  let t: TestApp;
  let sc: StatsScenario;
  const HOSTILE = '<img src=file:///etc/passwd>';
  const FORMULA = '=HYPERLINK("http://evil.example/x","clic")';
  let evil: Awaited<ReturnType<typeof countingServer>>;

  beforeAll(async () => {
    t = await startTestApp();
    evil = await countingServer();
    sc = await StatsScenario.create(t, 'Ludo PDF');
    const [a, b] = await sc.family(FORMULA, [
      { firstName: HOSTILE, status: 'Mère', birthDate: '1990-05-01' },
      { firstName: `<link rel=stylesheet href=${evil.origin}/css>`, status: 'Enfant à charge', birthDate: '2021-06-15', minima: 'RSA' },
    ]);
    const [c] = await sc.family('Petit', [{ firstName: 'Paul', sex: 'Homme', status: 'Père', city: 'Ronchin' }]);
    const s1 = await sc.slot('2026-03-02', '09:30', '12:00');
    const s2 = await sc.slot('2026-03-03', '14:00', '18:00');
    const s3 = await sc.slot('2025-03-04', '14:00', '18:00');
    await sc.attend(s1, a, {}, '2026-03-02T08:40:00Z');
    await sc.attend(s1, b, {}, '2026-03-02T08:41:00Z');
    await sc.attend(s2, c, {}, '2026-03-03T13:15:00Z');
    await sc.attend(s3, c, {}, '2025-03-04T13:15:00Z');
  });
  afterAll(async () => {
    await evil.close();
    await t.close();
  });

  const post = (path: string, body: object, token = sc.s.adminToken) =>
    t.http().post(path).set(bearer(token)).send(body).buffer(true).parse(binary);

  it('prints every figure of the report as the API computes it, the criteria, the charts, and the funder line on every page', async () => {
    const body = {
      from: '2026-03-01',
      to: '2026-03-31',
      compare: 'previous-year',
      criteria: { city: [sc.id('city', 'Lille'), sc.id('city', 'Ronchin')] },
    };
    const report = (await t.http().post('/api/statistics/report').set(bearer(sc.s.adminToken)).send(body)).body as StatisticsReport;
    const res = await post('/api/statistics/export.pdf', body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename="statistiques-${sc.s.structure.slug}-2026-03-01-2026-03-31.pdf"`);
    const pages = pdfPages(res.body as Buffer);
    const text = pages.join('\n');
    expect(text).toContain('Statistiques du 01/03/2026 au 31/03/2026');
    expect(text).toContain('Ville de résidence : Lille, Ronchin');
    expect(text).toContain('Comparaison : Mêmes dates un an plus tôt (N-1), du 01/03/2025 au 31/03/2025');
    for (const f of report.figures) {
      const value = f.unit === 'hours' ? formatHoursMinutes(Math.round(f.value * 60)) : frenchNumber(f.value);
      const previous = report.comparison?.figures.find((p) => p.key === f.key);
      const prev = previous
        ? f.unit === 'hours'
          ? formatHoursMinutes(Math.round(previous.value * 60))
          : frenchNumber(previous.value)
        : '';
      // The label, then its value and the N-1 value, in this order (spaces aside: pdftotext spaces columns its own way).
      expect([f.key, squash(text).includes(squash(`${f.label} ${value} ${prev}`))]).toEqual([f.key, true]);
    }
    for (const line of report.lines.city) {
      const previous = report.comparison?.lines.city.find((l) => l.key === line.key);
      expect(squash(text)).toContain(
        squash(`${line.label} ${line.inscrits} ${line.presences} ${previous?.inscrits ?? 0} ${previous?.presences ?? 0}`),
      );
    }
    for (const title of ['Présences par mois', 'Présences par jour de la semaine', "Inscrits par tranche d'âge et par sexe"])
      expect(text).toContain(title);
    pages.forEach((page, i) => {
      expect(page).toContain(DEFAULT_FOOTER_TEXT);
      expect(page).toContain(`page ${i + 1} / ${pages.length}`);
    });
    expect(pdfFonts(res.body as Buffer).every((f) => f.embedded)).toBe(true);
  });

  it('says so when the period is empty, rather than printing zeros', async () => {
    const res = await post('/api/statistics/export.pdf', { from: '2024-01-01', to: '2024-01-31' });
    expect(res.status).toBe(200);
    expect(pdfPages(res.body as Buffer).join('\n')).toContain(
      "Aucun créneau ni aucune présence sur cette période : il n'y a rien à compter.",
    );
  });

  it('prints user text literally and fetches nothing', async () => {
    const renderer = t.app.get(PdfRenderer);
    const blockedBefore = renderer.stats().blockedRequests;
    const res = await post('/api/attendance-list/export.pdf', { from: '2026-03-01', to: '2026-03-31' });
    expect(res.status).toBe(200);
    const text = pdfPages(res.body as Buffer).join('\n');
    expect(text).toContain(HOSTILE);
    expect(text).toContain(FORMULA);
    // A long name wraps in its cell: pdftotext gives its two halves between the cells beside it.
    expect(squash(text)).toContain('<linkrel=stylesheet');
    expect(squash(text)).toContain(`href=${evil.origin}/css>`);
    expect(evil.hits).toEqual([]);
    // Escaped, the names asked for nothing: not even a request to refuse.
    expect(renderer.stats().blockedRequests).toBe(blockedBefore);
  });

  it('paginates a long list: every row once, the header and the funder line on every page, "page X / Y" to the last', async () => {
    const long = await StatsScenario.create(t, 'Ludo longue liste');
    const members = await long.family('Nombreux', [{ firstName: 'Aïcha' }]);
    const slots: number[] = [];
    for (let d = 1; d <= 28; d++) slots.push(await long.slot(`2026-02-${String(d).padStart(2, '0')}`, '09:00', '12:00'));
    // 28 days × 12 people = 336 rows: other members of the family, written straight in the database.
    const [m] = await t.dataSource.query('SELECT family_id, sex_id, city_id, status_id, minima_id, qf_id FROM member WHERE id = ?', [
      members[0].id,
    ]);
    const ids = [members[0].id];
    for (let i = 2; i <= 12; i++) {
      await t.dataSource.query(
        'INSERT INTO member (structure_id, family_id, last_name, first_name, search_name, sex_id, birth_date, city_id, status_id, minima_id, qf_id, avatar, registered_on, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, ?, ?)',
        [
          long.sid,
          m.family_id,
          'NOMBREUX',
          `Enfant${i}`,
          `nombreux enfant${i}`,
          m.sex_id,
          '2015-01-01',
          m.city_id,
          m.status_id,
          m.minima_id,
          m.qf_id,
          '2026-01-01',
          sqlInstant(new Date()),
          sqlInstant(new Date()),
        ],
      );
      ids.push(Number((await t.dataSource.query('SELECT MAX(id) AS id FROM member WHERE structure_id = ?', [long.sid]))[0].id));
    }
    for (const slot of slots) for (const id of ids) await long.attend(slot, { id, familyId: Number(m.family_id) });
    const res = await t
      .http()
      .post('/api/attendance-list/export.pdf')
      .set(bearer(long.s.adminToken))
      .send({ from: '2026-02-01', to: '2026-02-28', columns: ['date', 'lastName', 'firstName', 'arrival'] })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const pages = pdfPages(res.body as Buffer);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, i) => {
      expect(page).toContain(`page ${i + 1} / ${pages.length}`);
      expect(page).toContain(DEFAULT_FOOTER_TEXT);
      expect(page).toMatch(/Date Nom Prénom Heure d'arrivée/);
    });
    const text = pages.join('\n');
    for (let d = 1; d <= 28; d++) {
      const day = `${String(d).padStart(2, '0')}/02/2026`;
      expect([day, text.split(`${day} NOMBREUX`).length - 1]).toEqual([day, 12]);
    }
    expect(text).toContain('336 présences');
  });

  it('prints the blank sign-in sheet of a slot: families with their present members, archived ones left out', async () => {
    const [gone] = await sc.family('Partis', [{ firstName: 'Ancien' }]);
    await t.http().post(`/api/families/${gone.familyId}/archive`).set(bearer(sc.s.adminToken)).expect(200);
    const day = await t.http().get('/api/attendance/day?date=2026-03-02').set(bearer(sc.s.adminToken));
    const res = await post('/api/attendance-list/sign-in-sheet.pdf', { slotId: day.body.slots[0].id, spareRows: 5 });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename="emargement-${sc.s.structure.slug}-2026-03-02-2026-03-02.pdf"`);
    const text = pdfPages(res.body as Buffer).join('\n');
    expect(text).toContain("Feuille d'émargement");
    expect(text).toContain('Lundi 02/03/2026, créneau 09:30 – 12:00');
    expect(text).toMatch(/Famille Nom Prénom Présent Arrivée Signature/);
    expect(text).toContain('Petit PETIT Paul');
    expect(text).toContain(HOSTILE);
    expect(text).not.toContain('Ancien');
  });

  it('refuses a list over the PDF limit, saying the limit, and another structure’s slot', async () => {
    const big = await StatsScenario.create(t, 'Ludo trop longue');
    const [m] = await big.family('Grande', [{ firstName: 'Gaspard' }]);
    // 5,001 attendance rows: one member in 5,001 slots (five a day), written in a few multi-row statements.
    const values: unknown[] = [];
    const slotsToMake: [string, number][] = [];
    for (let i = 0; i < 5001; i++)
      slotsToMake.push([new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 5) * 86_400_000).toISOString().slice(0, 10), 480 + (i % 5) * 60]);
    for (let i = 0; i < slotsToMake.length; i += 500) {
      const chunk = slotsToMake.slice(i, i + 500);
      await t.dataSource.query(
        `INSERT INTO slot (structure_id, date, start_minute, end_minute, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(([d, start]) => [big.sid, d, start, start + 60, sqlInstant(new Date())]),
      );
    }
    const [row] = await t.dataSource.query('SELECT family_id, sex_id, city_id, status_id, minima_id, qf_id FROM member WHERE id = ?', [
      m.id,
    ]);
    const slotIds: number[] = (await t.dataSource.query('SELECT id FROM slot WHERE structure_id = ? ORDER BY date', [big.sid])).map(
      (r: { id: number }) => Number(r.id),
    );
    for (let i = 0; i < slotIds.length; i += 500) {
      const chunk = slotIds.slice(i, i + 500);
      values.length = 0;
      for (const id of chunk)
        values.push(
          big.sid,
          id,
          m.id,
          row.family_id,
          sqlInstant(new Date()),
          row.sex_id,
          row.city_id,
          row.status_id,
          row.minima_id,
          row.qf_id,
          'retro',
          sqlInstant(new Date()),
        );
      await t.dataSource.query(
        `INSERT INTO attendance (structure_id, slot_id, member_id, family_id, arrived_at, sex_id, city_id, status_id, minima_id, qf_id, source, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        values,
      );
    }
    const res = await t
      .http()
      .post('/api/attendance-list/export.pdf')
      .set(bearer(big.s.adminToken))
      .send({ from: '2000-01-01', to: '2009-12-31' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      'Cette liste compte 5 001 présences : le PDF est limité à 5 000 lignes. Choisissez une période plus courte, ou exportez-la en Excel (XLSX).'.replace(
        / (\d{3})/g,
        '\u202f$1',
      ),
    );
    const foreign = await t
      .http()
      .post('/api/attendance-list/sign-in-sheet.pdf')
      .set(bearer(big.s.adminToken))
      .send({ slotId: (await t.http().get('/api/attendance/day?date=2026-03-02').set(bearer(sc.s.adminToken))).body.slots[0].id });
    expect([foreign.status, foreign.body.field]).toEqual([400, 'slotId']);
  });
});

describeWithChromium('PDF exports without Chromium', () => {
  it('answers 503 with what to install, quickly, and the rest of the app keeps working', async () => {
    const t = await startTestApp({ CHROMIUM_PATH: '/nonexistent/chromium' });
    try {
      const sc = await StatsScenario.create(t, 'Sans Chromium');
      const started = Date.now();
      const res = await t
        .http()
        .post('/api/statistics/export.pdf')
        .set(bearer(sc.s.adminToken))
        .send({ from: '2026-01-01', to: '2026-01-31' });
      expect([res.status, res.body.message]).toEqual([503, PDF_MESSAGES.chromiumMissing]);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(
        (await t.http().post('/api/statistics/export.xlsx').set(bearer(sc.s.adminToken)).send({ from: '2026-01-01', to: '2026-01-31' }))
          .status,
      ).toBe(200);
    } finally {
      await t.close();
    }
  });
});

/** Text without any white space: table cells wrap and pdftotext spaces columns as it sees fit. */
function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
