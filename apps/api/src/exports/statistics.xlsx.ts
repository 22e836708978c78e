import { STATISTICS_SECTION_TITLES, StatisticsDrillMember, StatisticsLineGroup, StatisticsReport } from '@pointage/contracts';
import { bracketOf } from '@pointage/domain';
import { excelDate } from './attendance-list.xlsx';
import { reportSubtitle } from './report-text';
import type { XlsxCell, XlsxRow, XlsxSink } from './xlsx-stream';

/** Order of the per-item tables, as on the page. */
export const LINE_GROUPS: StatisticsLineGroup[] = ['sex', 'city', 'status', 'minima', 'qf', 'age'];

const HOURS = '0.00';

/** A figure's cell: hours keep two decimals, counts are whole numbers. */
function figureCell(value: number, unit: string): XlsxCell {
  return unit === 'hours' ? { value, numFmt: HOURS } : value;
}

export const DETAIL_COLUMNS = [
  'Nom',
  'Prénom',
  'Famille',
  'Sexe',
  'Ville de résidence',
  'Statut',
  'Minima sociaux',
  'Quotient familial',
  'Date de naissance',
  'Âge',
  "Tranche d'âge",
  'Présences',
  'Dernière présence',
  "Date d'inscription",
];

/**
 * "Statistiques": what was counted (period, criteria, brackets, reference date,
 * comparison, when), every figure with its label, then the per-item tables.
 * "Détail": one row per person counted (the inscrits), with the attributes used.
 */
export async function writeStatisticsXlsx(
  sink: XlsxSink,
  report: StatisticsReport,
  people: StatisticsDrillMember[],
  timeZone: string,
  footer: string,
): Promise<void> {
  const cmp = report.comparison;
  sink.sheet({
    name: 'Statistiques',
    columns: [
      { key: 'label', width: 58 },
      { key: 'a', width: 14, numFmt: '0' },
      { key: 'b', width: 14, numFmt: '0' },
      { key: 'c', width: 16, numFmt: '0' },
      { key: 'd', width: 16, numFmt: '0' },
    ],
    footer,
  });
  const rows: XlsxRow[] = [{ values: [`Statistiques — ${report.structure.name}`], kind: 'title' }];
  for (const line of reportSubtitle(report, timeZone)) rows.push({ values: [line], kind: 'subtitle' });
  rows.push({ values: [] });
  if (report.empty) rows.push({ values: ['Aucun créneau ni aucune présence sur cette période.'] });

  rows.push({ values: ['Chiffres', 'Valeur', ...(cmp ? [cmp.label, 'Évolution'] : [])], kind: 'header' });
  for (const f of report.figures) {
    const previous = cmp?.figures.find((p) => p.key === f.key);
    rows.push({
      values: [
        f.label,
        figureCell(f.value, f.unit),
        ...(previous ? [figureCell(previous.value, f.unit), figureCell(f.value - previous.value, f.unit)] : []),
      ],
    });
  }

  for (const group of LINE_GROUPS) {
    rows.push({ values: [] });
    rows.push({ values: [STATISTICS_SECTION_TITLES[group]], kind: 'section' });
    rows.push({
      values: ['', 'Inscrits', 'Présences', ...(cmp ? [`Inscrits (${cmp.label})`, `Présences (${cmp.label})`] : [])],
      kind: 'header',
    });
    const previousLines = new Map((cmp?.lines[group] ?? []).map((l) => [l.key, l]));
    for (const l of report.lines[group]) {
      const previous = previousLines.get(l.key);
      rows.push({
        values: [
          l.active ? l.label : `${l.label} (désactivé)`,
          l.inscrits,
          l.presences,
          ...(cmp ? [previous?.inscrits ?? 0, previous?.presences ?? 0] : []),
        ],
        kind: l.itemId === null && l.group !== 'age' ? 'total' : undefined,
      });
    }
  }
  await sink.rows(rows);

  sink.sheet({
    name: 'Détail',
    columns: DETAIL_COLUMNS.map((_c, i) => ({
      key: `c${i}`,
      width: [20, 16, 24, 10, 20, 22, 18, 16, 14, 7, 14, 11, 16, 16][i],
      numFmt: [8, 12, 13].includes(i) ? 'dd/mm/yyyy' : [9, 11].includes(i) ? '0' : undefined,
    })),
    headerRow: 1,
    autoFilter: true,
    landscape: true,
    footer,
  });
  await sink.rows([{ values: DETAIL_COLUMNS, kind: 'header' }]);
  for (let i = 0; i < people.length; i += 1000) {
    await sink.rows(people.slice(i, i + 1000).map((p) => ({ values: detailCells(p, report) })));
  }
}

/** One person of the "Détail" sheet. */
export function detailCells(p: StatisticsDrillMember, report: Pick<StatisticsReport, 'brackets'>): XlsxCell[] {
  const bracket = bracketOf(p.age, report.brackets);
  return [
    p.lastName,
    p.firstName,
    p.familyName,
    p.sex,
    p.city,
    p.status,
    p.minima,
    p.qf,
    p.birthDate ? excelDate(p.birthDate) : null,
    p.age,
    bracket ? bracket.label : 'Hors tranches',
    p.presences,
    p.lastAttendance ? excelDate(p.lastAttendance) : null,
    p.registeredOn ? excelDate(p.registeredOn) : null,
  ];
}
