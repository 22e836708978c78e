import type { StatisticsComparison, StatisticsPeriodReport, StatisticsPoint } from '@pointage/contracts';
import { daysInMonth, formatFrenchDate, FRENCH_MONTHS } from '@pointage/domain';
import type { EChartsOption } from 'echarts';
import { CATEGORY_COLORS, CHART_GRID_LINE, CHART_MUTED_TEXT, CHART_TEXT, COMPARISON_COLOR, CURRENT_COLOR } from './palette';

/**
 * The charts of STATISTIQUES as data: each is a plain JSON ECharts option
 * (no functions, no class instances), so the same object is drawn by
 * ngx-echarts on the page and rendered to SVG on the server (echarts SSR) for
 * the PDF export, plus a text alternative and the table of its values.
 */

export type StatisticsChartKey = 'presencesByMonth' | 'peopleByMonth' | 'presencesByWeekday' | 'presencesBySlot' | 'inscritsByAgeAndSex';

/** The values behind a chart, for screen readers, the "Voir les données" disclosure and the exports. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartSpec {
  key: StatisticsChartKey;
  title: string;
  /** A plain JSON ECharts option: safe to serialise, to send to a worker, to render server-side. */
  option: EChartsOption;
  /** One or two sentences saying what the chart shows (role="img" + aria-label). */
  ariaLabel: string;
  table: ChartTable;
}

/** The period compared with (the report's `comparison`): only its dates, kind and series are read. */
export type ChartComparison = Pick<StatisticsPeriodReport, 'from' | 'to' | 'series'> & { kind?: StatisticsComparison };

export interface ChartBuildOptions {
  /** False for printing, exports and users who prefer reduced motion. Default true. */
  animation?: boolean;
  /** Font of every text of the charts. */
  fontFamily?: string;
}

type PeriodLike = Pick<StatisticsPeriodReport, 'from' | 'to' | 'series'>;

const WEEKDAYS_SHORT = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];
const DEFAULT_FONT = 'Roboto, Arial, Helvetica, sans-serif';
/** Above this many categories, values are no longer written on the bars (they would overlap). */
const MAX_LABELLED_CATEGORIES = 24;

/** The name of a whole civil year, month or school year (September to August): '2026', 'mars 2026', '2025–2026'; else null. */
export function namedPeriod(from: string, to: string): string | null {
  // A malformed date gives NaN parts, which match no name (as before the defaults were written).
  const [fy = NaN, fm = NaN, fd = NaN] = from.split('-').map(Number);
  const [ty = NaN, tm = NaN, td = NaN] = to.split('-').map(Number);
  if (fd === 1 && fm === 1 && tm === 12 && td === 31 && fy === ty) return String(fy);
  if (fd === 1 && fy === ty && fm === tm && td === daysInMonth(ty, tm)) return `${FRENCH_MONTHS[fm - 1]} ${fy}`;
  if (fd === 1 && fm === 9 && tm === 8 && td === 31 && ty === fy + 1) return `${fy}–${ty}`;
  return null;
}

/** A period by its name when it has one, else by its dates: '2026', '01/02/2026 – 15/03/2026'. */
export function shortPeriodLabel(from: string, to: string): string {
  return namedPeriod(from, to) ?? `${formatFrenchDate(from)} – ${formatFrenchDate(to)}`;
}

/** The legend name of the period studied: its name ('2026', 'mars 2026'), or 'Période choisie' (the dates are in the caption). */
export function periodName(period: { from: string; to: string }): string {
  return namedPeriod(period.from, period.to) ?? 'Période choisie';
}

/** The legend name of the comparison period: '2025 (N-1)', 'décembre 2025 (période précédente)', or 'N-1', 'Période précédente'. */
export function comparisonName(comparison: ChartComparison): string {
  const named = namedPeriod(comparison.from, comparison.to);
  const kind = comparison.kind === 'previous-year' ? 'N-1' : comparison.kind === 'previous' ? 'période précédente' : 'comparaison';
  if (named) return `${named} (${kind})`;
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** ", comparées aux mêmes dates un an plus tôt (du 01/01/2025 au 31/03/2025)" */
function comparedWith(comparison: ChartComparison): string {
  const what =
    comparison.kind === 'previous-year'
      ? 'aux mêmes dates un an plus tôt'
      : comparison.kind === 'previous'
        ? 'à la période précédente'
        : 'à la période';
  return `, comparées ${what} (${periodPhrase(comparison)})`;
}

function periodPhrase(p: { from: string; to: string }): string {
  return `du ${formatFrenchDate(p.from)} au ${formatFrenchDate(p.to)}`;
}

function frenchNumber(n: number): string {
  return new Intl.NumberFormat('fr-FR').format(n);
}

/** "1 présence", "12 présences" (French: 0 and 1 take the singular). */
function plural(n: number, one: string, many: string): string {
  return `${frenchNumber(n)} ${Math.abs(n) >= 2 ? many : one}`;
}

// ------------------------------------------------------------------ option parts

function baseOption(opts: ChartBuildOptions): EChartsOption {
  return {
    animation: opts.animation ?? true,
    textStyle: { fontFamily: opts.fontFamily ?? DEFAULT_FONT, color: CHART_TEXT, fontSize: 12 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  };
}

function legend(names: string[]): EChartsOption['legend'] {
  return { show: true, top: 0, left: 'center', data: names, textStyle: { color: CHART_TEXT, fontSize: 12 }, itemGap: 16 };
}

/**
 * Room above the plot for the legend: one line, or two when its names are long
 * (a chart printed half a page wide is about 340 px; the legend wraps and must not cover the bars).
 */
function grid(legendNames: string[] = []): EChartsOption['grid'] {
  const legendWidth = legendNames.reduce((w, name) => w + name.length * 7 + 25 + 16, 0);
  const top = legendNames.length === 0 ? 16 : legendWidth > 300 ? 58 : 36;
  return { left: 8, right: 16, top, bottom: 8, containLabel: true };
}

function categoryAxis(labels: string[], name?: string): EChartsOption['xAxis'] {
  return {
    type: 'category',
    data: labels,
    ...(name ? { name, nameLocation: 'middle', nameGap: 28, nameTextStyle: { color: CHART_MUTED_TEXT } } : {}),
    axisLabel: { color: CHART_TEXT, hideOverlap: true, rotate: labels.length > 12 ? 40 : 0 },
    axisLine: { lineStyle: { color: CHART_MUTED_TEXT } },
    axisTick: { alignWithLabel: true },
  };
}

function valueAxis(): EChartsOption['yAxis'] {
  return {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: CHART_TEXT },
    splitLine: { lineStyle: { color: CHART_GRID_LINE } },
  };
}

/** Diagonal hatching on the comparison bars: told apart without colour (colour-blind readers, black-and-white prints). */
const COMPARISON_DECAL = {
  symbol: 'rect',
  symbolSize: 1,
  color: 'rgba(255, 255, 255, 0.55)',
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: Math.PI / 4,
};

/** Bar data with the value written above (not for zeros, not when there are too many bars). */
function barData(values: (number | null)[], labelled: boolean): (number | null | { value: number; label: { show: boolean } })[] {
  if (!labelled) return values;
  return values.map((v) => (v === 0 ? { value: 0, label: { show: false } } : v));
}

function barSeries(
  name: string,
  values: (number | null)[],
  color: string,
  labelled: boolean,
  comparison: boolean,
): NonNullable<EChartsOption['series']> {
  return {
    type: 'bar',
    name,
    data: barData(values, labelled),
    itemStyle: { color, ...(comparison ? { decal: COMPARISON_DECAL } : {}) },
    barMaxWidth: 48,
    label: { show: labelled, position: 'top', color: CHART_TEXT, fontSize: 11 },
    emphasis: { focus: 'series' },
  } as NonNullable<EChartsOption['series']>;
}

function lineSeries(
  name: string,
  values: (number | null)[],
  color: string,
  comparison: boolean,
  labelled: boolean,
): NonNullable<EChartsOption['series']> {
  return {
    type: 'line',
    name,
    data: values,
    color,
    lineStyle: { color, width: 2, type: comparison ? 'dashed' : 'solid' },
    itemStyle: { color },
    symbol: comparison ? 'triangle' : 'circle',
    symbolSize: 7,
    label: { show: labelled, position: 'top', color: CHART_TEXT, fontSize: 11 },
  } as NonNullable<EChartsOption['series']>;
}

function total(values: number[]): number {
  return values.reduce((n, v) => n + v, 0);
}

/** "Le plus haut : 42 (mars 2026)." */
function peakPhrase(points: { label: string; value: number }[], unit: string): string {
  if (points.length === 0) return '';
  const best = points.reduce((a, b) => (b.value > a.value ? b : a));
  if (best.value === 0) return ` Aucune ${unit} sur la période.`;
  return ` Le plus haut : ${frenchNumber(best.value)} (${best.label}).`;
}

// ------------------------------------------------------------------ month charts

/** Months of both periods paired by position (1st month with 1st month…); the labels of the period studied. */
function pairMonths(current: StatisticsPoint[], compared: StatisticsPoint[] | null) {
  const n = Math.max(current.length, compared?.length ?? 0);
  const firstYear = current[0]?.key.slice(0, 4);
  const sameYear = firstYear !== undefined && current.every((p) => p.key.slice(0, 4) === firstYear);
  const short = (p: StatisticsPoint) => (sameYear && !compared ? p.label.replace(/\s\d{4}$/, '') : p.label);
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const point = current[i];
    labels.push(point ? short(point) : `(${compared?.[i]?.label ?? ''})`);
  }
  return { n, labels };
}

function monthChart(
  key: 'presencesByMonth' | 'peopleByMonth',
  report: PeriodLike,
  comparison: ChartComparison | null,
  opts: ChartBuildOptions,
): ChartSpec {
  const isPresences = key === 'presencesByMonth';
  const title = isPresences ? 'Présences par mois' : 'Personnes distinctes par mois';
  const measure = isPresences ? 'Présences' : 'Personnes distinctes';
  const current = report.series[key];
  const compared = comparison ? comparison.series[key] : null;
  const { n, labels } = pairMonths(current, compared);
  const currentValues = Array.from({ length: n }, (_, i) => current[i]?.value ?? null);
  const comparedValues = compared ? Array.from({ length: n }, (_, i) => compared[i]?.value ?? null) : null;
  const labelled = n <= MAX_LABELLED_CATEGORIES;
  const currentName = periodName(report);
  const comparedName = comparison ? comparisonName(comparison) : '';

  const series: NonNullable<EChartsOption['series']>[] = isPresences
    ? [barSeries(currentName, currentValues, CURRENT_COLOR, labelled, false)]
    : [lineSeries(currentName, currentValues, CURRENT_COLOR, false, labelled)];
  if (comparedValues) {
    series.push(
      isPresences
        ? barSeries(comparedName, comparedValues, COMPARISON_COLOR, labelled, true)
        : lineSeries(comparedName, comparedValues, COMPARISON_COLOR, true, labelled),
    );
  }
  const option: EChartsOption = {
    ...baseOption(opts),
    ...(comparison ? { legend: legend([currentName, comparedName]) } : {}),
    grid: grid(comparison ? [currentName, comparedName] : []),
    xAxis: categoryAxis(labels),
    yAxis: valueAxis(),
    series: series as EChartsOption['series'],
  };

  const columns = comparison
    ? ['Mois', `${measure} — ${currentName}`, `Mois — ${comparedName}`, `${measure} — ${comparedName}`]
    : ['Mois', measure];
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const c = current[i];
    const row: (string | number)[] = [c?.label ?? '', c?.value ?? ''];
    if (compared) row.push(compared[i]?.label ?? '', compared[i]?.value ?? '');
    rows.push(row);
  }
  const unit = isPresences ? 'présence' : 'personne';
  const kind = isPresences ? 'Graphique en barres' : 'Graphique en courbe';
  const totalPhrase = isPresences ? ` Total : ${plural(total(current.map((p) => p.value)), 'présence', 'présences')}.` : '';
  const comparedPhrase = comparison ? comparedWith(comparison) : '';
  return {
    key,
    title,
    option,
    ariaLabel: `${kind} : ${title.toLowerCase()} ${periodPhrase(report)}${comparedPhrase}.${totalPhrase}${peakPhrase(current, unit)}`,
    table: { caption: `${title} ${periodPhrase(report)}`, columns, rows },
  };
}

/** Présences par mois: bars, with the comparison period's months beside them (paired by position). */
export function presencesByMonthChart(
  report: PeriodLike,
  comparison: ChartComparison | null = null,
  opts: ChartBuildOptions = {},
): ChartSpec {
  return monthChart('presencesByMonth', report, comparison, opts);
}

/** Personnes distinctes par mois (counted inscrits present at least once in the month): a line. */
export function peopleByMonthChart(report: PeriodLike, comparison: ChartComparison | null = null, opts: ChartBuildOptions = {}): ChartSpec {
  return monthChart('peopleByMonth', report, comparison, opts);
}

// ------------------------------------------------------------------ category charts

/** A bar chart of présences per category (weekday, slot), the comparison's values beside when asked. */
function categoryBarChart(
  key: 'presencesByWeekday' | 'presencesBySlot',
  title: string,
  categoryName: string,
  report: PeriodLike,
  comparison: ChartComparison | null,
  categories: { key: string; label: string; axisLabel?: string }[],
  opts: ChartBuildOptions,
): ChartSpec {
  const valueOf = (points: StatisticsPoint[], k: string) => points.find((p) => p.key === k)?.value ?? 0;
  const values = categories.map((c) => ({
    label: c.label,
    current: valueOf(report.series[key], c.key),
    compared: comparison ? valueOf(comparison.series[key], c.key) : 0,
  }));
  const current = values.map((v) => v.current);
  const compared = comparison ? values.map((v) => v.compared) : null;
  const labelled = categories.length <= MAX_LABELLED_CATEGORIES;
  const currentName = periodName(report);
  const comparedName = comparison ? comparisonName(comparison) : '';
  const series = [barSeries(currentName, current, CURRENT_COLOR, labelled, false)];
  if (compared) series.push(barSeries(comparedName, compared, COMPARISON_COLOR, labelled, true));
  const labels = categories.map((c) => c.axisLabel ?? c.label);
  const option: EChartsOption = {
    ...baseOption(opts),
    ...(comparison ? { legend: legend([currentName, comparedName]) } : {}),
    grid: grid(comparison ? [currentName, comparedName] : []),
    xAxis: categoryAxis(labels),
    yAxis: valueAxis(),
    series: series as EChartsOption['series'],
  };
  const columns = comparison ? [categoryName, `Présences — ${currentName}`, `Présences — ${comparedName}`] : [categoryName, 'Présences'];
  const rows = values.map((v) => (compared ? [v.label, v.current, v.compared] : [v.label, v.current]));
  const comparedPhrase = comparison ? comparedWith(comparison) : '';
  const points = values.map((v) => ({ label: v.label, value: v.current }));
  return {
    key,
    title,
    option,
    ariaLabel:
      categories.length === 0
        ? `Graphique en barres : ${title.toLowerCase()} ${periodPhrase(report)}. Aucun créneau sur la période.`
        : `Graphique en barres : ${title.toLowerCase()} ${periodPhrase(report)}${comparedPhrase}.${peakPhrase(points, 'présence')}`,
    table: { caption: `${title} ${periodPhrase(report)}`, columns, rows },
  };
}

/** Présences par jour de la semaine, lundi to dimanche. */
export function presencesByWeekdayChart(
  report: PeriodLike,
  comparison: ChartComparison | null = null,
  opts: ChartBuildOptions = {},
): ChartSpec {
  // Short day names on the axis (a chart printed half a page wide has room for them), full ones in the table.
  const categories = report.series.presencesByWeekday.map((p) => ({
    key: p.key,
    label: p.label,
    axisLabel: WEEKDAYS_SHORT[Number(p.key) - 1],
  }));
  return categoryBarChart('presencesByWeekday', 'Présences par jour de la semaine', 'Jour', report, comparison, categories, opts);
}

/** Start and end minutes of a slot point key ('570-720'). */
function slotBounds(key: string): [number, number] {
  // A malformed key gives NaN bounds, as before the defaults were written.
  const [start = NaN, end = NaN] = key.split('-').map(Number);
  return [start, end];
}

/** Présences par créneau horaire: every time range of either period, by start time then end time. */
export function presencesBySlotChart(
  report: PeriodLike,
  comparison: ChartComparison | null = null,
  opts: ChartBuildOptions = {},
): ChartSpec {
  const byKey = new Map<string, string>();
  for (const p of [...report.series.presencesBySlot, ...(comparison?.series.presencesBySlot ?? [])])
    if (!byKey.has(p.key)) byKey.set(p.key, p.label);
  const categories = [...byKey.entries()]
    .map(([key, label]) => ({ key, label, bounds: slotBounds(key) }))
    .sort((a, b) => a.bounds[0] - b.bounds[0] || a.bounds[1] - b.bounds[1])
    .map(({ key, label }) => ({ key, label }));
  return categoryBarChart('presencesBySlot', 'Présences par créneau horaire', 'Créneau', report, comparison, categories, opts);
}

// ------------------------------------------------------------------ age and sex

/**
 * Inscrits par tranche d'âge et par sexe: one stacked bar per bracket, one
 * colour per sex. "Hors tranches" only when somebody is outside every bracket.
 */
export function inscritsByAgeAndSexChart(report: PeriodLike, opts: ChartBuildOptions = {}): ChartSpec {
  const title = "Inscrits par tranche d'âge et par sexe";
  const brackets = report.series.inscritsByAgeAndSex.filter((b) => b.key !== 'age:outside' || b.bySex.some((s) => s.value > 0));
  const sexes: { key: string; label: string }[] = [];
  for (const b of brackets) for (const s of b.bySex) if (!sexes.some((x) => x.key === s.key)) sexes.push({ key: s.key, label: s.label });
  const valueOf = (b: (typeof brackets)[number], sexKey: string) => b.bySex.find((s) => s.key === sexKey)?.value ?? 0;
  const series = sexes.map((s, i) => ({
    type: 'bar' as const,
    name: s.label,
    stack: 'inscrits',
    barMaxWidth: 56,
    itemStyle: { color: CATEGORY_COLORS[i % CATEGORY_COLORS.length], borderColor: '#ffffff', borderWidth: 1 },
    label: { show: true, position: 'inside' as const, color: '#ffffff', fontSize: 11, fontWeight: 'bold' as const },
    emphasis: { focus: 'series' as const },
    // Zeros get no label (a "0" inside an empty segment would sit on the next one)
    // and no border (its white outline would cut the axis line).
    data: brackets.map((b) => {
      const v = valueOf(b, s.key);
      return v === 0 ? { value: 0, label: { show: false }, itemStyle: { borderWidth: 0 } } : v;
    }),
  }));
  const labels = brackets.map((b) => b.label);
  const option: EChartsOption = {
    ...baseOption(opts),
    legend: legend(sexes.map((s) => s.label)),
    grid: grid(sexes.map((s) => s.label)),
    // "0–2", "3–6" on the axis (the title says they are ages), "0–2 ans" in the table.
    xAxis: categoryAxis(labels.map((l) => l.replace(/ ans$/, ''))),
    yAxis: valueAxis(),
    series: series as EChartsOption['series'],
  };
  const rows = brackets.map((b) => {
    const values = sexes.map((s) => valueOf(b, s.key));
    return [b.label, ...values, total(values)];
  });
  const totals = brackets.map((b) => total(sexes.map((s) => valueOf(b, s.key))));
  const biggest = totals.length ? brackets[totals.indexOf(Math.max(...totals))] : null;
  const peak =
    biggest && Math.max(...totals) > 0
      ? ` La tranche la plus nombreuse : ${biggest.label} (${plural(Math.max(...totals), 'inscrit', 'inscrits')}).`
      : ' Aucun inscrit.';
  return {
    key: 'inscritsByAgeAndSex',
    title,
    option,
    ariaLabel: `Graphique en barres empilées : inscrits par tranche d'âge (${labels.join(', ')}), par sexe (${sexes.map((s) => s.label).join(', ')}), ${periodPhrase(report)}.${peak}`,
    table: { caption: `${title} ${periodPhrase(report)}`, columns: ["Tranche d'âge", ...sexes.map((s) => s.label), 'Total'], rows },
  };
}

// ------------------------------------------------------------------ all of them

/** Every chart of a report, in the order of the page and the PDF. The age chart shows the period studied only. */
export function statisticsCharts(report: PeriodLike, comparison: ChartComparison | null = null, opts: ChartBuildOptions = {}): ChartSpec[] {
  return [
    presencesByMonthChart(report, comparison, opts),
    peopleByMonthChart(report, comparison, opts),
    presencesByWeekdayChart(report, comparison, opts),
    presencesBySlotChart(report, comparison, opts),
    inscritsByAgeAndSexChart(report, opts),
  ];
}
