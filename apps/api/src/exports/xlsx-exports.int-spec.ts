import ExcelJS from 'exceljs';
import {
  ATTENDANCE_LIST_COLUMN_LABELS,
  ATTENDANCE_LIST_COLUMNS,
  ATTENDANCE_SOURCE_LABELS,
  type AttendanceListRow,
  type StatisticsReport,
} from '@pointage/contracts';
import type { Response } from 'supertest';
import { bearer } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { StatsScenario } from '../../test/statistics-fixtures';
import { LIST_HEADER_ROW } from './attendance-list.xlsx';
import { DETAIL_COLUMNS, LINE_GROUPS } from './statistics.xlsx';

/** Collects a binary response body (supertest buffers only text by default). */
function binary(res: Response, callback: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as unknown as ArrayBuffer);
  return wb;
}

/** A cell read back, as the API's JSON would say it. */
function text(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

/**
 * The XLSX exports read back with exceljs: cell for cell what the API answers,
 * with real dates and numbers, and user text that stays text.
 */
describe('XLSX exports', () => {
  let t: TestApp;
  let sc: StatsScenario;
  const HOSTILE_FAMILY = '=HYPERLINK("http://evil.example/x","clic")';
  const HOSTILE_NAME = '<img src=file:///etc/passwd>';

  beforeAll(async () => {
    t = await startTestApp();
    sc = await StatsScenario.create(t, 'Export Ludo');
    const [a, b] = await sc.family(HOSTILE_FAMILY, [
      { firstName: '+33 6 12 34 56 78', status: 'Mère', birthDate: '1990-05-01' },
      { firstName: '@SUM(A1:A9)', status: 'Enfant à charge', birthDate: '2021-06-15', minima: 'RSA' },
    ]);
    const [c] = await sc.family('Petit', [{ firstName: HOSTILE_NAME, sex: 'Homme', status: 'Père', city: 'Ronchin' }]);
    await t.dataSource.query("UPDATE member SET last_name = '-2+3' WHERE id = ?", [c.id]);
    const s1 = await sc.slot('2026-03-02', '09:30', '12:00');
    const s2 = await sc.slot('2026-03-03', '14:00', '18:00');
    await sc.attend(s1, a, {}, '2026-03-02T08:40:00Z');
    await sc.attend(s1, b, {}, '2026-03-02T08:41:00Z');
    await sc.attend(s2, c, {}, '2026-03-03T13:15:00Z');
    await sc.attend(s2, a, { city: 'Ronchin' }, '2026-03-03T13:20:00Z');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => t.http().post(path).set(bearer(sc.s.adminToken)).send(body).buffer(true).parse(binary);

  it('exports the attendance list with the chosen columns, equal to the API cell for cell', async () => {
    const body = { from: '2026-03-01', to: '2026-03-31', sort: 'lastName', order: 'desc' };
    const api = await t
      .http()
      .post('/api/attendance-list')
      .set(bearer(sc.s.adminToken))
      .send({ ...body, pageSize: 500 });
    const rows = api.body.items as AttendanceListRow[];
    expect(rows).toHaveLength(4);

    const res = await post('/api/attendance-list/export.xlsx', body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename="liste-presence-${sc.s.structure.slug}-2026-03-01-2026-03-31.xlsx"`);
    const ws = (await workbookOf(res)).getWorksheet('Liste de présence');
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(LIST_HEADER_ROW).values).toEqual([undefined, ...ATTENDANCE_LIST_COLUMNS.map((c) => ATTENDANCE_LIST_COLUMN_LABELS[c])]);
    const read = rows.map((_r, i) => ATTENDANCE_LIST_COLUMNS.map((_c, j) => ws.getRow(LIST_HEADER_ROW + 1 + i).getCell(j + 1)));
    const expected = rows.map((r) =>
      ATTENDANCE_LIST_COLUMNS.map((c) => (c === 'family' ? r.family : c === 'source' ? ATTENDANCE_SOURCE_LABELS[r.source] : r[c])),
    );
    const actual = read.map((cells, i) =>
      cells.map((cell, j) => {
        const c = ATTENDANCE_LIST_COLUMNS[j];
        if (c === 'arrival') {
          // An Excel time: a fraction of a day, shown hh:mm (exceljs reads it back as a Date on 30/12/1899).
          expect(cell.numFmt).toBe('hh:mm');
          const v = cell.value as Date | number;
          const minutes = v instanceof Date ? v.getUTCHours() * 60 + v.getUTCMinutes() : Math.round(v * 1440);
          return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        }
        if (c === 'date') {
          expect(cell.value).toBeInstanceOf(Date);
          expect(cell.numFmt).toBe('dd/mm/yyyy');
        }
        if (c === 'age') expect(typeof cell.value).toBe('number');
        return text(cell) ?? rows[i][c];
      }),
    );
    expect(actual).toEqual(expected);
    // Text that looks like a formula stays text: no formula anywhere in the sheet.
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((cell) => (formulas += cell.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
    const familyCell = read[0][ATTENDANCE_LIST_COLUMNS.indexOf('family')];
    expect([familyCell.type, familyCell.value]).toEqual([ExcelJS.ValueType.String, expect.any(String)]);
    expect(read.flat().map((cell) => cell.value)).toEqual(
      expect.arrayContaining([HOSTILE_FAMILY, '+33 6 12 34 56 78', '@SUM(A1:A9)', '-2+3', HOSTILE_NAME]),
    );
    // Frozen header, auto-filter, header repeated on printed pages.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: LIST_HEADER_ROW });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup.printTitlesRow).toBe(`${LIST_HEADER_ROW}:${LIST_HEADER_ROW}`);
  });

  it('exports only the chosen columns, for one slot', async () => {
    const day = await t.http().get('/api/attendance/day?date=2026-03-03').set(bearer(sc.s.adminToken));
    const slotId = day.body.slots[0].id as number;
    const res = await post('/api/attendance-list/export.xlsx', {
      from: '2026-03-03',
      slotId,
      columns: ['arrival', 'lastName', 'firstName'],
    });
    expect(res.status).toBe(200);
    const ws = (await workbookOf(res)).getWorksheet('Liste de présence');
    if (!ws) throw new Error('no sheet');
    // Columns come in the list's order whatever the order asked.
    expect(ws.getRow(LIST_HEADER_ROW).values).toEqual([undefined, 'Nom', 'Prénom', "Heure d'arrivée"]);
    expect(ws.getCell('A2').value).toContain('le 03/03/2026, créneau 14:00 – 18:00');
    expect(ws.rowCount).toBe(LIST_HEADER_ROW + 2);
  });

  it('exports the statistics: every figure and line of the report, and one detail row per inscrit', async () => {
    const body = { from: '2026-03-01', to: '2026-03-31', compare: 'previous-year' };
    const report = (await t.http().post('/api/statistics/report').set(bearer(sc.s.adminToken)).send(body)).body as StatisticsReport;
    const res = await post('/api/statistics/export.xlsx', body);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename="statistiques-${sc.s.structure.slug}-2026-03-01-2026-03-31.xlsx"`);
    const wb = await workbookOf(res);
    const ws = wb.getWorksheet('Statistiques');
    if (!ws) throw new Error('no sheet');
    const cells: unknown[][] = [];
    ws.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    // Criteria, period and reference date at the top.
    expect(cells[1][0]).toBe('Période du 01/03/2026 au 31/03/2026');
    expect(
      cells
        .slice(0, 8)
        .map((r) => String(r[0]))
        .join('\n'),
    ).toMatch(/Critères — Sexe : tous ; Ville de résidence : tous/);
    for (const f of report.figures) {
      const row = cells.find((r) => r[0] === f.label);
      const previous = report.comparison?.figures.find((p) => p.key === f.key)?.value;
      expect([f.key, row?.[1], row?.[2]]).toEqual([f.key, f.value, previous]);
    }
    for (const group of LINE_GROUPS) {
      const start = cells.findIndex(
        (r) =>
          r[0] ===
          {
            sex: 'Par sexe',
            city: 'Par ville',
            status: 'Par statut',
            minima: 'Par minima sociaux',
            qf: 'Par quotient familial',
            age: "Par tranche d'âge",
          }[group],
      );
      expect(start).toBeGreaterThan(0);
      const table = cells.slice(start + 2, start + 2 + report.lines[group].length);
      expect(table.map((r) => r.slice(0, 3))).toEqual(
        report.lines[group].map((l) => [l.active ? l.label : `${l.label} (désactivé)`, l.inscrits, l.presences]),
      );
    }
    const detail = wb.getWorksheet('Détail');
    if (!detail) throw new Error('no detail sheet');
    expect(detail.getRow(1).values).toEqual([undefined, ...DETAIL_COLUMNS]);
    expect(detail.rowCount - 1).toBe(report.figures.find((f) => f.key === 'inscrits')?.value);
    const families = new Set<unknown>();
    detail.eachRow((row, n) => {
      if (n > 1) families.add(row.getCell(3).value);
    });
    expect(families).toEqual(new Set([HOSTILE_FAMILY, 'Petit']));
  });

  it('answers a bad request as JSON, before any byte of a file', async () => {
    const res = await t
      .http()
      .post('/api/statistics/export.xlsx')
      .set(bearer(sc.s.adminToken))
      .send({ from: '2026-03-31', to: '2026-03-01' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'to', message: 'La date de fin est avant la date de début.' });
    const list = await t
      .http()
      .post('/api/attendance-list/export.xlsx')
      .set(bearer(sc.s.adminToken))
      .send({ from: '2026-03-01', columns: ['nom'] });
    expect(list.status).toBe(400);
    expect(list.body.message).toContain('« nom »');
  });
});
