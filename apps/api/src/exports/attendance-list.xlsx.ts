import { ATTENDANCE_LIST_COLUMN_LABELS, ATTENDANCE_SOURCE_LABELS, AttendanceListColumn, AttendanceListRow } from '@pointage/contracts';
import { formatFrenchDate, wallClockAt } from '@pointage/domain';
import type { ResolvedList } from '../attendance-list/attendance-list.service';
import { listPeriodLabel } from '../attendance-list/attendance-list.service';
import type { XlsxCell, XlsxColumn, XlsxSink } from './xlsx-stream';

const WIDTHS: Record<AttendanceListColumn, number> = {
  date: 12,
  slot: 15,
  lastName: 22,
  firstName: 18,
  family: 24,
  sex: 10,
  age: 7,
  status: 22,
  city: 20,
  minima: 18,
  qf: 16,
  arrival: 10,
  source: 16,
};

const FORMATS: Partial<Record<AttendanceListColumn, string>> = { date: 'dd/mm/yyyy', arrival: 'hh:mm' };

/** A calendar date as an Excel date (UTC midnight: no time zone can move it). */
export function excelDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** 'HH:MM' as an Excel time (a fraction of a day). */
export function excelTime(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return (h * 60 + m) / 1440;
}

/** The value of one cell of the list, with its Excel type. */
export function listCell(row: AttendanceListRow, column: AttendanceListColumn): XlsxCell {
  switch (column) {
    case 'date':
      return excelDate(row.date);
    case 'age':
      return row.age;
    case 'arrival':
      return excelTime(row.arrival);
    case 'source':
      return ATTENDANCE_SOURCE_LABELS[row.source];
    default:
      return row[column];
  }
}

/** "Générée le 30/11/2026 à 14:05" in the structure's time zone. */
export function generatedLine(instant: Date, timeZone: string): string {
  const local = wallClockAt(instant, timeZone);
  return `Générée le ${formatFrenchDate(local.date)} à ${local.time.slice(0, 5)}`;
}

/** Rows above the table: title and what was listed. The table header is the next row. */
export const LIST_HEADER_ROW = 5;

/** The list as one sheet with the chosen columns, in the screen's order. */
export async function writeAttendanceListXlsx(
  sink: XlsxSink,
  list: ResolvedList,
  total: number,
  generatedAt: Date,
  footer: string,
  chunks: AsyncIterable<AttendanceListRow[]>,
): Promise<void> {
  const columns: XlsxColumn[] = list.columns.map((c) => ({ key: c, width: WIDTHS[c], numFmt: FORMATS[c] }));
  sink.sheet({
    name: 'Liste de présence',
    columns,
    headerRow: LIST_HEADER_ROW,
    autoFilter: true,
    landscape: list.columns.length > 7,
    footer,
  });
  const blank = () => ({ values: columns.map(() => null) });
  await sink.rows([
    { values: [`Liste de présence — ${list.structure.name}`], kind: 'title' },
    { values: [`Présences ${listPeriodLabel(list)} : ${total}`], kind: 'subtitle' },
    { values: [generatedLine(generatedAt, list.structure.timeZone)], kind: 'subtitle' },
    blank(),
    { values: list.columns.map((c) => ATTENDANCE_LIST_COLUMN_LABELS[c]), kind: 'header' },
  ]);
  for await (const rows of chunks) {
    await sink.rows(rows.map((r) => ({ values: list.columns.map((c) => listCell(r, c)) })));
  }
}
