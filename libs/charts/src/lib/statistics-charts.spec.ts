import type { StatisticsPeriodReport, StatisticsPoint } from '@pointage/contracts';
import * as echarts from 'echarts';
import { COMPARISON_COLOR, CURRENT_COLOR } from './palette';
import {
  ChartComparison,
  ChartSpec,
  comparisonName,
  periodName,
  inscritsByAgeAndSexChart,
  peopleByMonthChart,
  presencesByMonthChart,
  presencesBySlotChart,
  presencesByWeekdayChart,
  shortPeriodLabel,
  statisticsCharts,
} from './statistics-charts';

const WEEKDAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];

function months(year: number, values: number[], first = 1): StatisticsPoint[] {
  const short = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
  return values.map((value, i) => {
    const m = first + i;
    return { key: `${year}-${String(m).padStart(2, '0')}`, label: `${short[m - 1]} ${year}`, value };
  });
}

/** The series of a report: only what the charts read. */
function period(from: string, to: string, series: Partial<StatisticsPeriodReport['series']>): ChartComparison {
  return {
    from,
    to,
    series: {
      presencesByMonth: [],
      peopleByMonth: [],
      presencesByWeekday: WEEKDAYS.map((label, i) => ({ key: String(i + 1), label, value: 0 })),
      presencesBySlot: [],
      inscritsByAgeAndSex: [],
      ...series,
    },
  };
}

const Q1_2026 = period('2026-01-01', '2026-03-31', {
  presencesByMonth: months(2026, [12, 0, 30]),
  peopleByMonth: months(2026, [5, 0, 9]),
  presencesByWeekday: WEEKDAYS.map((label, i) => ({ key: String(i + 1), label, value: [4, 0, 20, 0, 0, 18, 0][i] ?? 0 })),
  presencesBySlot: [
    { key: '570-720', label: '09:30 – 12:00', value: 10 },
    { key: '840-1080', label: '14:00 – 18:00', value: 32 },
  ],
  inscritsByAgeAndSex: [
    {
      key: 'age:0',
      label: '0–2 ans',
      bySex: [
        { key: 'sex:1', label: 'Femme', value: 2 },
        { key: 'sex:2', label: 'Homme', value: 1 },
      ],
    },
    {
      key: 'age:1',
      label: '3–6 ans',
      bySex: [
        { key: 'sex:1', label: 'Femme', value: 0 },
        { key: 'sex:2', label: 'Homme', value: 4 },
      ],
    },
    {
      key: 'age:outside',
      label: 'Hors tranches',
      bySex: [
        { key: 'sex:1', label: 'Femme', value: 0 },
        { key: 'sex:2', label: 'Homme', value: 0 },
      ],
    },
  ],
});

const Q1_2025: ChartComparison = {
  ...period('2025-01-01', '2025-03-31', {
    presencesByMonth: months(2025, [7, 8, 9]),
    peopleByMonth: months(2025, [3, 3, 4]),
    presencesByWeekday: WEEKDAYS.map((label, i) => ({ key: String(i + 1), label, value: i === 2 ? 24 : 0 })),
    presencesBySlot: [
      { key: '540-720', label: '09:00 – 12:00', value: 6 },
      { key: '840-1080', label: '14:00 – 18:00', value: 18 },
    ],
  }),
  kind: 'previous-year',
};

/** Every path of an object graph whose value is not plain JSON data. */
function nonJsonPaths(value: unknown, path = 'option'): string[] {
  if (value === null) return [];
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return [];
    case 'number':
      return Number.isFinite(value) ? [] : [`${path} (${value})`];
    case 'object': {
      const proto = Object.getPrototypeOf(value);
      if (Array.isArray(value)) return value.flatMap((v, i) => nonJsonPaths(v, `${path}[${i}]`));
      if (proto !== Object.prototype && proto !== null) return [`${path} (instance of ${proto?.constructor?.name})`];
      return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => nonJsonPaths(v, `${path}.${k}`));
    }
    default:
      return [`${path} (${typeof value})`];
  }
}

type AnySeries = { type: string; name: string; data: unknown[]; stack?: string; itemStyle?: { color?: string; decal?: unknown } };
type LineSeries = AnySeries & { lineStyle: { type: string }; symbol: string };
const seriesOf = (spec: ChartSpec) => spec.option.series as AnySeries[];
/** Series i of a chart, failing the test when the chart has fewer. */
function seriesAt(spec: ChartSpec, i: number): AnySeries {
  const series = seriesOf(spec)[i];
  if (!series) throw new Error(`the chart has no series ${i}`);
  return series;
}
const categoriesOf = (spec: ChartSpec) => (spec.option.xAxis as { data: string[] }).data;
const valuesOf = (s: AnySeries) => s.data.map((d) => (d !== null && typeof d === 'object' ? (d as { value: number }).value : d));

describe('period names', () => {
  it('names whole years, months and school years shortly, other periods by their dates', () => {
    expect(shortPeriodLabel('2026-01-01', '2026-12-31')).toBe('2026');
    expect(shortPeriodLabel('2026-02-01', '2026-02-28')).toBe('février 2026');
    expect(shortPeriodLabel('2024-02-01', '2024-02-29')).toBe('février 2024');
    expect(shortPeriodLabel('2025-09-01', '2026-08-31')).toBe('2025–2026');
    expect(shortPeriodLabel('2026-01-01', '2026-03-31')).toBe('01/01/2026 – 31/03/2026');
    // Legends: a named period by its name, any other by what it is (its dates are in the caption and the table).
    expect(periodName({ from: '2026-01-01', to: '2026-12-31' })).toBe('2026');
    expect(periodName({ from: '2026-01-01', to: '2026-03-31' })).toBe('Période choisie');
    expect(comparisonName(Q1_2025)).toBe('N-1');
    expect(comparisonName({ ...Q1_2025, kind: 'previous' })).toBe('Période précédente');
    expect(comparisonName({ from: '2025-01-01', to: '2025-12-31', series: Q1_2025.series, kind: 'previous-year' })).toBe('2025 (N-1)');
    expect(comparisonName({ from: '2025-12-01', to: '2025-12-31', series: Q1_2025.series, kind: 'previous' })).toBe(
      'décembre 2025 (période précédente)',
    );
  });
});

describe('présences par mois', () => {
  it('one bar per month of the period, in order, zeros included, without the year when all months share it', () => {
    const spec = presencesByMonthChart(Q1_2026);
    expect(spec.key).toBe('presencesByMonth');
    expect(spec.title).toBe('Présences par mois');
    expect(categoriesOf(spec)).toEqual(['janv.', 'févr.', 'mars']);
    const bars = seriesAt(spec, 0);
    expect(seriesOf(spec)).toHaveLength(1);
    expect(bars.type).toBe('bar');
    expect(valuesOf(bars)).toEqual([12, 0, 30]);
    expect(bars.itemStyle?.color).toBe(CURRENT_COLOR);
    expect(spec.option.legend).toBeUndefined();
    expect(spec.table).toEqual({
      caption: 'Présences par mois du 01/01/2026 au 31/03/2026',
      columns: ['Mois', 'Présences'],
      rows: [
        ['janv. 2026', 12],
        ['févr. 2026', 0],
        ['mars 2026', 30],
      ],
    });
    expect(spec.ariaLabel).toBe(
      'Graphique en barres : présences par mois du 01/01/2026 au 31/03/2026. Total : 42 présences. Le plus haut : 30 (mars 2026).',
    );
  });

  it('adds the comparison period as a second, hatched series paired month by month, with a legend', () => {
    const spec = presencesByMonthChart(Q1_2026, Q1_2025);
    expect(categoriesOf(spec)).toEqual(['janv. 2026', 'févr. 2026', 'mars 2026']);
    const [current, compared] = [seriesAt(spec, 0), seriesAt(spec, 1)];
    expect(valuesOf(current)).toEqual([12, 0, 30]);
    expect(valuesOf(compared)).toEqual([7, 8, 9]);
    expect(compared.name).toBe('N-1');
    expect(compared.itemStyle?.color).toBe(COMPARISON_COLOR);
    expect(compared.itemStyle?.decal).toBeDefined();
    expect(current.itemStyle?.decal).toBeUndefined();
    expect((spec.option.legend as { data: string[] }).data).toEqual(['Période choisie', 'N-1']);
    expect(spec.table.columns).toEqual(['Mois', 'Présences — Période choisie', 'Mois — N-1', 'Présences — N-1']);
    expect(spec.table.rows[1]).toEqual(['févr. 2026', 0, 'févr. 2025', 8]);
    expect(spec.ariaLabel).toContain('comparées aux mêmes dates un an plus tôt (du 01/01/2025 au 31/03/2025)');
  });

  it('pairs periods of different month counts by position, naming the extra months of the comparison', () => {
    // 1–31 March: the previous period of the same length is 29 January – 28 February (two months).
    const march = period('2026-03-01', '2026-03-31', { presencesByMonth: months(2026, [5], 3) });
    const before: ChartComparison = { ...period('2026-01-29', '2026-02-28', { presencesByMonth: months(2026, [1, 4]) }), kind: 'previous' };
    const spec = presencesByMonthChart(march, before);
    expect(categoriesOf(spec)).toEqual(['mars 2026', '(févr. 2026)']);
    expect(valuesOf(seriesAt(spec, 0))).toEqual([5, null]);
    expect(valuesOf(seriesAt(spec, 1))).toEqual([1, 4]);
    expect(spec.table.rows).toEqual([
      ['mars 2026', 5, 'janv. 2026', 1],
      ['', '', 'févr. 2026', 4],
    ]);
  });

  it('says "1 présence", not "1 présences"', () => {
    const one = period('2026-02-01', '2026-02-28', { presencesByMonth: months(2026, [1], 2) });
    expect(presencesByMonthChart(one).ariaLabel).toContain('Total : 1 présence.');
  });

  it('writes values above the bars, except zeros and when there are too many months', () => {
    const bars = seriesAt(presencesByMonthChart(Q1_2026), 0);
    expect(bars.data).toEqual([12, { value: 0, label: { show: false } }, 30]);
    const tenYears = period('2016-01-01', '2025-12-31', {
      presencesByMonth: Array.from({ length: 10 }, (_, y) => months(2016 + y, Array(12).fill(1))).flat(),
    });
    const long = presencesByMonthChart(tenYears);
    expect(categoriesOf(long)).toHaveLength(120);
    expect((seriesAt(long, 0) as unknown as { label: { show: boolean } }).label.show).toBe(false);
  });
});

describe('personnes distinctes par mois', () => {
  it('a line of the people counted each month; the comparison dashed with other symbols', () => {
    const spec = peopleByMonthChart(Q1_2026, Q1_2025);
    expect(spec.title).toBe('Personnes distinctes par mois');
    const [current, compared] = [seriesAt(spec, 0), seriesAt(spec, 1)] as [LineSeries, LineSeries];
    expect(current.type).toBe('line');
    expect(valuesOf(current)).toEqual([5, 0, 9]);
    expect(valuesOf(compared)).toEqual([3, 3, 4]);
    expect(current.lineStyle.type).toBe('solid');
    expect(compared.lineStyle.type).toBe('dashed');
    expect(compared.symbol).not.toBe(current.symbol);
    expect(spec.table.columns[1]).toBe('Personnes distinctes — Période choisie');
    expect(spec.ariaLabel.startsWith('Graphique en courbe : personnes distinctes par mois')).toBe(true);
  });
});

describe('présences par jour de la semaine', () => {
  it('lundi to dimanche, with the comparison on the same days', () => {
    const spec = presencesByWeekdayChart(Q1_2026, Q1_2025);
    // Short names on the axis, full ones in the table.
    expect(categoriesOf(spec)).toEqual(['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.']);
    expect(spec.table.rows.map((r) => r[0])).toEqual(WEEKDAYS);
    expect(valuesOf(seriesAt(spec, 0))).toEqual([4, 0, 20, 0, 0, 18, 0]);
    expect(valuesOf(seriesAt(spec, 1))).toEqual([0, 0, 24, 0, 0, 0, 0]);
    expect(spec.table.rows[2]).toEqual(['Mercredi', 20, 24]);
    expect(spec.ariaLabel).toContain('Le plus haut : 20 (Mercredi).');
  });
});

describe('présences par créneau horaire', () => {
  it('every time range of either period, by start then end time, 0 where a period had none', () => {
    const spec = presencesBySlotChart(Q1_2026, Q1_2025);
    expect(categoriesOf(spec)).toEqual(['09:00 – 12:00', '09:30 – 12:00', '14:00 – 18:00']);
    expect(valuesOf(seriesAt(spec, 0))).toEqual([0, 10, 32]);
    expect(valuesOf(seriesAt(spec, 1))).toEqual([6, 0, 18]);
    expect(spec.table.columns[0]).toBe('Créneau');
  });

  it('says so when the period has no slot', () => {
    const spec = presencesBySlotChart(period('2026-05-01', '2026-05-31', {}));
    expect(categoriesOf(spec)).toEqual([]);
    expect(spec.ariaLabel).toContain('Aucun créneau sur la période.');
  });
});

describe("inscrits par tranche d'âge et par sexe", () => {
  it('one stacked bar per bracket and one series per sex; "Hors tranches" left out when empty', () => {
    const spec = inscritsByAgeAndSexChart(Q1_2026);
    expect(categoriesOf(spec)).toEqual(['0–2', '3–6']);
    const [women, men] = [seriesAt(spec, 0), seriesAt(spec, 1)];
    expect([women.name, men.name]).toEqual(['Femme', 'Homme']);
    expect(women.stack).toBe('inscrits');
    expect(men.stack).toBe('inscrits');
    expect(valuesOf(women)).toEqual([2, 0]);
    expect(valuesOf(men)).toEqual([1, 4]);
    expect(women.itemStyle?.color).not.toBe(men.itemStyle?.color);
    expect(spec.table).toEqual({
      caption: "Inscrits par tranche d'âge et par sexe du 01/01/2026 au 31/03/2026",
      columns: ["Tranche d'âge", 'Femme', 'Homme', 'Total'],
      rows: [
        ['0–2 ans', 2, 1, 3],
        ['3–6 ans', 0, 4, 4],
      ],
    });
    expect(spec.ariaLabel).toContain('La tranche la plus nombreuse : 3–6 ans (4 inscrits).');
  });

  it('keeps "Hors tranches" when somebody is outside every bracket', () => {
    const outside = period('2026-01-01', '2026-01-31', {
      inscritsByAgeAndSex: [
        { key: 'age:0', label: '0–2 ans', bySex: [{ key: 'sex:1', label: 'Femme', value: 0 }] },
        { key: 'age:outside', label: 'Hors tranches', bySex: [{ key: 'sex:1', label: 'Femme', value: 2 }] },
      ],
    });
    expect(categoriesOf(inscritsByAgeAndSexChart(outside))).toEqual(['0–2', 'Hors tranches']);
  });
});

describe('every chart', () => {
  const all = [...statisticsCharts(Q1_2026), ...statisticsCharts(Q1_2026, Q1_2025)];

  it('comes in the order of the page', () => {
    expect(statisticsCharts(Q1_2026).map((c) => c.key)).toEqual([
      'presencesByMonth',
      'peopleByMonth',
      'presencesByWeekday',
      'presencesBySlot',
      'inscritsByAgeAndSex',
    ]);
  });

  it('is plain JSON: no function, no class instance, no NaN anywhere in the option, and survives a JSON round trip', () => {
    for (const spec of all) {
      expect(nonJsonPaths(spec.option)).toEqual([]);
      expect(nonJsonPaths(spec.table, 'table')).toEqual([]);
      expect(JSON.parse(JSON.stringify(spec.option))).toEqual(spec.option);
    }
  });

  it('the walk does find functions and instances (the test above can fail)', () => {
    expect(nonJsonPaths({ a: [{ formatter: () => 'x' }], b: new Date(0) })).toEqual([
      'option.a[0].formatter (function)',
      'option.b (instance of Date)',
    ]);
  });

  it('animates unless the caller says not to', () => {
    expect(statisticsCharts(Q1_2026).every((c) => c.option.animation === true)).toBe(true);
    expect(statisticsCharts(Q1_2026, Q1_2025, { animation: false }).every((c) => c.option.animation === false)).toBe(true);
  });

  it('has table rows as wide as its columns', () => {
    for (const spec of all) for (const row of spec.table.rows) expect(row).toHaveLength(spec.table.columns.length);
  });

  it('renders to SVG server-side with echarts SSR, French labels included', () => {
    for (const spec of statisticsCharts(Q1_2026, Q1_2025, { animation: false })) {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
      try {
        chart.setOption(spec.option);
        const svg = chart.renderToSVGString();
        expect(svg.startsWith('<svg')).toBe(true);
        expect(svg).toContain('viewBox="0 0 640 320"');
        const expected = {
          presencesByMonth: 'mars 2026',
          peopleByMonth: 'févr. 2026',
          presencesByWeekday: 'mer.',
          presencesBySlot: '14:00 – 18:00',
          inscritsByAgeAndSex: '3–6',
        }[spec.key];
        expect(svg).toContain(expected);
      } finally {
        chart.dispose();
      }
    }
  });
});
