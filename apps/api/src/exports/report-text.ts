import { StatisticsFigure, StatisticsReport } from '@pointage/contracts';
import { formatFrenchDate, formatHoursMinutes, wallClockAt } from '@pointage/domain';

/**
 * The words every statistics export prints about what it counted: the same
 * lines in the PDF and the XLSX, so that both say exactly what the screen said.
 */

export function periodText(from: string, to: string): string {
  return from === to ? `le ${formatFrenchDate(from)}` : `du ${formatFrenchDate(from)} au ${formatFrenchDate(to)}`;
}

/** "Sexe : tous ; Ville de résidence : Lille, Ronchin ; Statut : aucun (personne n'est compté)" */
export function criteriaLines(report: StatisticsReport): string[] {
  return report.criteria.map((g) => {
    if (g.all) return `${g.label} : tous`;
    const checked = g.items.filter((i) => i.checked).map((i) => (i.active ? i.label : `${i.label} (désactivé)`));
    return `${g.label} : ${checked.length ? checked.join(', ') : 'aucun (personne ne correspond)'}`;
  });
}

export function localInstant(iso: string, timeZone: string): string {
  const local = wallClockAt(new Date(iso), timeZone);
  return `${formatFrenchDate(local.date)} à ${local.time.slice(0, 5)}`;
}

/** The lines under the title of a statistics export. */
export function reportSubtitle(report: StatisticsReport, timeZone: string): string[] {
  const lines = [
    `Période ${periodText(report.from, report.to)}`,
    `Âges calculés au ${formatFrenchDate(report.referenceDate)}${report.referenceDateGiven ? '' : ' (fin de la période)'}`,
    `Critères — ${criteriaLines(report).join(' ; ')}`,
    `Tranches d'âge${report.bracketsSource === 'request' ? ' (choisies pour ce rapport)' : ''} : ${report.brackets.map((b) => b.label).join(', ') || 'aucune'}`,
  ];
  if (report.comparison)
    lines.push(`Comparaison : ${report.comparison.label}, ${periodText(report.comparison.from, report.comparison.to)}`);
  lines.push(
    `Généré le ${localInstant(report.generatedAt, timeZone)}` +
      (report.lastAttendanceAt
        ? ` — dernière présence de la période enregistrée le ${localInstant(report.lastAttendanceAt, timeZone)}`
        : ' — aucune présence sur la période'),
  );
  return lines;
}

/** A figure as people read it: "22 h 30" for hours, "1 234" for counts. */
export function figureText(f: Pick<StatisticsFigure, 'unit' | 'value'>): string {
  if (f.unit === 'hours') return formatHoursMinutes(Math.round(f.value * 60));
  return f.value.toLocaleString('fr-FR');
}

/** "+3", "−12" and, when the previous value is not zero, the percentage. */
export function changeText(value: number, previous: number, unit: StatisticsFigure['unit']): string {
  const diff = value - previous;
  const abs = unit === 'hours' ? formatHoursMinutes(Math.round(Math.abs(diff) * 60)) : Math.abs(diff).toLocaleString('fr-FR');
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '';
  const pct = previous !== 0 ? ` (${diff >= 0 ? '+' : '−'}${Math.abs(Math.round((diff / previous) * 100))} %)` : '';
  return diff === 0 ? '=' : `${sign}${abs}${pct}`;
}
