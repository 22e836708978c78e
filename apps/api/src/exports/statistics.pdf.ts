import { statisticsCharts } from '@pointage/charts';
import { STATISTICS_SECTION_TITLES, StatisticsFigure, StatisticsLine, StatisticsReport, StatisticsSection } from '@pointage/contracts';
import { formatFrenchDate } from '@pointage/domain';
import { chartFigure, DOCUMENT_FONT_STACK, documentFrame, DocumentBranding, html, PdfDocument, renderChartSvg, SafeHtml } from '../pdf';
import { changeText, criteriaLines, figureText, localInstant, periodText } from './report-text';
import { LINE_GROUPS } from './statistics.xlsx';

/** Styles of the report (constant CSS, no user data). */
const STYLES = `
.figures td:first-child { width: 62%; }
.lines td:first-child { width: 40%; }
.total td { font-weight: bold; }
.inactive { color: #555; font-style: italic; }
.empty { margin: 8mm 0; font-size: 12pt; }
.section { break-inside: avoid; }
.charts figure { margin: 0 0 6mm; }
`;

/** The comparison's column header: short, the subtitle says what it is. */
function comparisonHeader(report: StatisticsReport): string {
  return report.comparison?.kind === 'previous-year' ? 'N-1' : 'Période précédente';
}

/** Width of a chart on an A4 portrait page, in CSS pixels. */
const CHART_SIZE = { width: 700, height: 300 };

/** The lines under the title: what was counted, exactly as the screen says it. */
export function statisticsSubtitle(report: StatisticsReport, timeZone: string): string[] {
  const lines = [
    `Période ${periodText(report.from, report.to)}`,
    `Âges au ${formatFrenchDate(report.referenceDate)}${report.referenceDateGiven ? '' : ' (fin de la période)'} — tranches${
      report.bracketsSource === 'request' ? ' choisies pour ce rapport' : ''
    } : ${report.brackets.map((b) => b.label).join(', ') || 'aucune'}`,
    `Critères — ${criteriaLines(report).join(' ; ')}`,
  ];
  if (report.comparison)
    lines.push(`Comparaison : ${report.comparison.label}, ${periodText(report.comparison.from, report.comparison.to)}`);
  lines.push(
    report.lastAttendanceAt
      ? `Dernière présence de la période enregistrée le ${localInstant(report.lastAttendanceAt, timeZone)}`
      : 'Aucune présence sur la période',
  );
  return lines;
}

function figureRows(report: StatisticsReport, section: StatisticsSection): SafeHtml[] {
  const cmp = report.comparison;
  return report.figures
    .filter((f) => f.section === section)
    .map((f: StatisticsFigure) => {
      const previous = cmp?.figures.find((p) => p.key === f.key);
      return html`<tr>
        <td>${f.label}</td>
        <td class="num">${figureText(f)}</td>
        ${previous
          ? html`<td class="num">${figureText(previous)}</td>
              <td class="num">${changeText(f.value, previous.value, f.unit)}</td>`
          : null}
      </tr>`;
    });
}

function lineTable(report: StatisticsReport, group: (typeof LINE_GROUPS)[number]): SafeHtml {
  const cmp = report.comparison;
  const previous = new Map((cmp?.lines[group] ?? []).map((l) => [l.key, l]));
  const row = (l: StatisticsLine) => {
    const p = previous.get(l.key);
    const classes = [l.itemId === null && l.group !== 'age' ? 'total' : '', l.active ? '' : 'inactive'].filter(Boolean).join(' ');
    return html`<tr class="${classes}">
      <td>${l.active ? l.label : `${l.label} (désactivé)`}</td>
      <td class="num">${l.inscrits.toLocaleString('fr-FR')}</td>
      <td class="num">${l.presences.toLocaleString('fr-FR')}</td>
      ${cmp
        ? html`<td class="num">${(p?.inscrits ?? 0).toLocaleString('fr-FR')}</td>
            <td class="num">${(p?.presences ?? 0).toLocaleString('fr-FR')}</td>`
        : null}
    </tr>`;
  };
  return html`<section class="section">
    <h2>${STATISTICS_SECTION_TITLES[group]}</h2>
    <table class="lines">
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col" class="num">Inscrits</th>
          <th scope="col" class="num">Présences</th>
          ${cmp
            ? html`<th scope="col" class="num">Inscrits ${comparisonHeader(report)}</th>
                <th scope="col" class="num">Présences ${comparisonHeader(report)}</th>`
            : null}
        </tr>
      </thead>
      <tbody>
        ${report.lines[group].map(row)}
      </tbody>
    </table>
  </section>`;
}

/**
 * The statistics as a clean A4 portrait report: what was counted, every figure
 * (with the comparison when asked), the per-item tables, then the charts of
 * the page rendered server-side from the same definitions (libs/charts).
 */
export function statisticsPdf(report: StatisticsReport, branding: DocumentBranding, generatedAt: Date): PdfDocument {
  const cmp = report.comparison;
  const figuresTable = (section: StatisticsSection) =>
    html`<section class="section">
      <h2>${STATISTICS_SECTION_TITLES[section]}</h2>
      <table class="figures">
        <thead>
          <tr>
            <th scope="col">Chiffre</th>
            <th scope="col" class="num">Valeur</th>
            ${cmp
              ? html`<th scope="col" class="num">${comparisonHeader(report)}</th>
                  <th scope="col" class="num">Évolution</th>`
              : null}
          </tr>
        </thead>
        <tbody>
          ${figureRows(report, section)}
        </tbody>
      </table>
    </section>`;
  const charts = report.empty
    ? []
    : statisticsCharts(report, cmp, { animation: false, fontFamily: DOCUMENT_FONT_STACK }).map((c) =>
        chartFigure(renderChartSvg(c.option, CHART_SIZE), c.ariaLabel, c.title),
      );
  const body = report.empty
    ? html`<p class="empty">Aucun créneau ni aucune présence sur cette période : il n'y a rien à compter.</p>`
    : html`${figuresTable('opening')} ${figuresTable('public')} ${LINE_GROUPS.map((g) => lineTable(report, g))}
        <section class="charts page-break">
          <h2>Graphiques</h2>
          ${charts}
        </section>`;
  return documentFrame({
    branding,
    title: `Statistiques ${periodText(report.from, report.to)}`,
    subtitleLines: statisticsSubtitle(report, branding.timeZone),
    generatedAt,
    body,
    styles: STYLES,
    tagged: true,
  });
}
