import { ATTENDANCE_LIST_COLUMN_LABELS, ATTENDANCE_SOURCE_LABELS, AttendanceListColumn, AttendanceListRow } from '@pointage/contracts';
import { formatFrenchDate, formatFrenchDayDate } from '@pointage/domain';
import type { ResolvedList } from '../attendance-list/attendance-list.service';
import { listPeriodLabel } from '../attendance-list/attendance-list.service';
import { documentFrame, DocumentBranding, html, PdfDocument } from '../pdf';

/**
 * Lists up to this many rows are tagged (accessible) PDFs; longer ones are
 * untagged: tagging doubles the time and multiplies the size by ten on long
 * tables (decision 8). Past ATTENDANCE_LIST_LIMITS.pdfRows, the XLSX is the way.
 */
export const TAGGED_LIST_ROWS = 1000;

const LIST_STYLES = `
table.list { font-size: 8.5pt; }
table.list td, table.list th { padding: 0.8mm 1.2mm; }
.count { margin: 0 0 3mm; }
`;

/** A cell of the list as printed. */
export function printedCell(row: AttendanceListRow, column: AttendanceListColumn): string {
  switch (column) {
    case 'date':
      return formatFrenchDate(row.date);
    case 'age':
      return String(row.age);
    case 'source':
      return ATTENDANCE_SOURCE_LABELS[row.source];
    default:
      return row[column];
  }
}

const NUMERIC: AttendanceListColumn[] = ['age', 'arrival'];

/** The attendance list as printed: the chosen columns, the screen's order, landscape when wide. */
export function attendanceListPdf(
  list: ResolvedList,
  rows: AttendanceListRow[],
  branding: DocumentBranding,
  generatedAt: Date,
): PdfDocument {
  const columns = list.columns;
  const body = html`<p class="count">${rows.length.toLocaleString('fr-FR')} présence${rows.length > 1 ? 's' : ''}</p>
    <table class="list">
      <thead>
        <tr>
          ${columns.map((c) => html`<th scope="col" class="${NUMERIC.includes(c) ? 'num' : ''}">${ATTENDANCE_LIST_COLUMN_LABELS[c]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              ${columns.map((c) => html`<td class="${NUMERIC.includes(c) ? 'num' : ''}">${printedCell(r, c)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`;
  const { from, to } = list.scope;
  return documentFrame({
    branding,
    title: 'Liste de présence',
    subtitleLines: [
      from === to
        ? `${capitalise(formatFrenchDayDate(from))}${list.slot ? `, créneau ${list.slot.label}` : ', tous les créneaux'}`
        : listPeriodLabel(list),
    ],
    generatedAt,
    body,
    landscape: columns.length > 7,
    styles: LIST_STYLES,
    tagged: rows.length <= TAGGED_LIST_ROWS,
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface SignInFamily {
  name: string;
  members: { lastName: string; firstName: string }[];
}

const SHEET_STYLES = `
table.sheet td { height: 8mm; vertical-align: middle; }
table.sheet .box { width: 14mm; text-align: center; }
.tick { display: inline-block; width: 4mm; height: 4mm; border: 0.8pt solid #333; vertical-align: middle; }
table.sheet .time { width: 22mm; }
table.sheet .sign { width: 45mm; }
tr.family-first td { border-top: 1.2pt solid #555; }
.hint { font-size: 9pt; color: #444; }
`;

/**
 * The blank sign-in sheet of a slot ("feuille d'émargement"): the fallback when
 * the kiosk or the network is down. Every family with its members and an empty
 * box, then empty rows for newcomers; the team types it in afterwards with the
 * back-in-time entry.
 */
export function signInSheetPdf(
  slot: { date: string; label: string },
  families: SignInFamily[],
  spareRows: number,
  branding: DocumentBranding,
  generatedAt: Date,
): PdfDocument {
  const rows = families.flatMap((f) =>
    f.members.map(
      (m, i) =>
        html`<tr class="${i === 0 ? 'family-first' : ''}">
          <td>${i === 0 ? f.name : ''}</td>
          <td>${m.lastName}</td>
          <td>${m.firstName}</td>
          <td class="box"><span class="tick"></span></td>
          <td class="time"></td>
          <td class="sign"></td>
        </tr>`,
    ),
  );
  const spare = Array.from(
    { length: spareRows },
    () =>
      html`<tr>
        <td></td>
        <td></td>
        <td></td>
        <td class="box"><span class="tick"></span></td>
        <td class="time"></td>
        <td class="sign"></td>
      </tr>`,
  );
  const body = html`<p class="hint">
      Cochez la case des personnes présentes et notez l'heure d'arrivée. Les nouvelles familles s'inscrivent sur les lignes vides en fin de
      liste. Saisie ensuite dans Pointage : « Présences passées ».
    </p>
    <table class="sheet">
      <thead>
        <tr>
          <th scope="col">Famille</th>
          <th scope="col">Nom</th>
          <th scope="col">Prénom</th>
          <th scope="col" class="box">Présent</th>
          <th scope="col" class="time">Arrivée</th>
          <th scope="col" class="sign">Signature</th>
        </tr>
      </thead>
      <tbody>
        ${rows} ${spare}
      </tbody>
    </table>`;
  return documentFrame({
    branding,
    title: "Feuille d'émargement",
    subtitleLines: [`${capitalise(formatFrenchDayDate(slot.date))}, créneau ${slot.label}`],
    generatedAt,
    body,
    styles: SHEET_STYLES,
    tagged: true,
  });
}
