import {
  REF_KINDS,
  RefItemDto,
  StatisticsFigure,
  StatisticsLine,
  StatisticsLineGroup,
  StatisticsPeriodReport,
  StatisticsPoint,
  WEEKDAY_LABELS,
  type RefKind,
} from '@pointage/contracts';
import { bracketLabel, formatFrenchMonth, formatTimeRange, isoWeekday, monthsOf, openingOf } from '@pointage/domain';
import type { SlotAggregate, SnapshotAggregate } from './statistics.sql';

/** A reference item as the report needs it (the structure's list entry). */
export type ReportItem = RefItemDto;

export interface ReportInput {
  from: string;
  to: string;
  referenceDate: string;
  items: ReportItem[];
  brackets: { minAge: number; maxAge: number }[];
  slots: SlotAggregate[];
  presences: SnapshotAggregate[];
  inscrits: SnapshotAggregate[];
  peopleByMonth: Map<string, number>;
  inscriptions: number;
}

const SNAPSHOT_FIELD: Record<RefKind, keyof SnapshotAggregate> = {
  sex: 'sexId',
  city: 'cityId',
  status: 'statusId',
  minima: 'minimaId',
  qf: 'qfId',
};

/** Statuses summed into "grands-parents" (SPEC: grand-mère + grand-père). */
export const GRANDPARENT_CODES = ['grandmother', 'grandfather'];

/** Drill-down keys: `<measure>:<group>:<selector>`, selector = item id, bracket index, 'outside' or 'code-<code>[,<code>]'. */
export const drillKey = (measure: 'inscrits' | 'presences', group: StatisticsLineGroup, selector: string | number) =>
  `${measure}:${group}:${selector}`;

function sum(rows: SnapshotAggregate[], pick: (r: SnapshotAggregate) => boolean, field: 'count' | 'familyFirsts' = 'count'): number {
  let total = 0;
  for (const r of rows) if (pick(r)) total += r[field];
  return total;
}

/**
 * Turns the aggregates of one period into its figures, per-item lines and chart
 * series. Pure: the SQL gives counts grouped by snapshot values, this adds them
 * up by item, by code and by bracket.
 */
export function buildPeriodReport(input: ReportInput): StatisticsPeriodReport {
  const { items, presences, inscrits } = input;
  const byKind = (kind: RefKind) => items.filter((i) => i.kind === kind).sort((a, b) => a.position - b.position);
  const idsWithCode = (kind: RefKind, codes: string[]) =>
    new Set(items.filter((i) => i.kind === kind && i.code !== null && codes.includes(i.code)).map((i) => i.id));
  const childStatuses = new Set(items.filter((i) => i.kind === 'status' && i.isChild).map((i) => i.id));
  const rsa = idsWithCode('minima', ['rsa']);

  const opening = openingOf(input.slots);
  const totalInscrits = sum(inscrits, () => true);
  const isChild = (r: SnapshotAggregate) => childStatuses.has(r.statusId);

  const figures: StatisticsFigure[] = [
    { key: 'openingDays', label: "Nombre de jours d'ouverture", section: 'opening', value: opening.days, unit: 'days', drill: null },
    {
      key: 'openingHours',
      label: "Nombre d'heures d'ouverture",
      section: 'opening',
      value: opening.minutes / 60,
      unit: 'hours',
      drill: null,
    },
    {
      key: 'inscrits',
      label: "Nombre d'inscrits total sur la période",
      section: 'public',
      value: totalInscrits,
      unit: 'people',
      drill: 'inscrits',
    },
    {
      key: 'inscriptions',
      label: "Nombre d'inscriptions sur la période",
      section: 'public',
      value: input.inscriptions,
      unit: 'people',
      drill: 'inscriptions',
    },
    {
      key: 'families',
      label: 'Nombre de familles',
      section: 'public',
      value: sum(inscrits, () => true, 'familyFirsts'),
      unit: 'families',
      drill: 'families',
    },
    {
      key: 'presences',
      label: 'Nombre total de présences',
      section: 'public',
      value: sum(presences, () => true),
      unit: 'presences',
      drill: 'presences',
    },
    {
      key: 'rsaChildren',
      label: "Nombre d'enfants dont les parents sont bénéficiaires du RSA",
      section: 'public',
      value: sum(inscrits, (r) => isChild(r) && rsa.has(r.minimaId)),
      unit: 'people',
      drill: 'rsaChildren',
    },
    {
      key: 'childrenUnder6',
      label: "Nombre d'enfants de moins de 6 ans",
      section: 'public',
      value: sum(inscrits, (r) => isChild(r) && r.young === 1),
      unit: 'people',
      drill: 'childrenUnder6',
    },
    {
      key: 'children6Plus',
      label: "Nombre d'enfants de 6 ans et plus",
      section: 'public',
      value: sum(inscrits, (r) => isChild(r) && r.young === 0),
      unit: 'people',
      drill: 'children6Plus',
    },
  ];

  const lines = {} as Record<StatisticsLineGroup, StatisticsLine[]>;
  for (const kind of REF_KINDS) {
    const field = SNAPSHOT_FIELD[kind];
    const out: StatisticsLine[] = [];
    for (const item of byKind(kind)) {
      const line: StatisticsLine = {
        key: `${kind}:${item.id}`,
        group: kind,
        itemId: item.id,
        label: item.label,
        code: item.code,
        active: item.active,
        inscrits: sum(inscrits, (r) => r[field] === item.id),
        presences: sum(presences, (r) => r[field] === item.id),
        drillInscrits: drillKey('inscrits', kind, item.id),
        drillPresences: drillKey('presences', kind, item.id),
      };
      // Reading 8: every item of the list; deactivated ones only when they have figures.
      if (item.active || line.inscrits > 0 || line.presences > 0) out.push(line);
    }
    if (kind === 'status') {
      const grand = idsWithCode('status', GRANDPARENT_CODES);
      const selector = `code-${GRANDPARENT_CODES.join(',')}`;
      out.push({
        key: 'status:grandparents',
        group: 'status',
        itemId: null,
        label: 'Grands-parents (grand-mère + grand-père)',
        code: 'grandparents',
        active: true,
        inscrits: sum(inscrits, (r) => grand.has(r.statusId)),
        presences: sum(presences, (r) => grand.has(r.statusId)),
        drillInscrits: drillKey('inscrits', 'status', selector),
        drillPresences: drillKey('presences', 'status', selector),
      });
    }
    lines[kind] = out;
  }
  lines.age = [
    ...input.brackets.map((b, i) => ({
      key: `age:${i}`,
      group: 'age' as const,
      itemId: null,
      label: bracketLabel(b),
      code: null,
      active: true,
      inscrits: sum(inscrits, (r) => r.bracket === i),
      presences: sum(presences, (r) => r.bracket === i),
      drillInscrits: drillKey('inscrits', 'age', i),
      drillPresences: drillKey('presences', 'age', i),
    })),
    {
      key: 'age:outside',
      group: 'age',
      itemId: null,
      label: 'Hors tranches',
      code: null,
      active: true,
      inscrits: sum(inscrits, (r) => r.bracket === -1),
      presences: sum(presences, (r) => r.bracket === -1),
      drillInscrits: drillKey('inscrits', 'age', 'outside'),
      drillPresences: drillKey('presences', 'age', 'outside'),
    },
  ];

  // Series for the charts.
  const months = monthsOf(input.from, input.to);
  const perMonth = new Map(months.map((m) => [m, 0]));
  const perWeekday = new Map([1, 2, 3, 4, 5, 6, 7].map((d) => [d, 0]));
  const perRange = new Map<string, { start: number; end: number; value: number }>();
  let last: Date | null = null;
  for (const s of input.slots) {
    const month = s.date.slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + s.presences);
    const weekday = isoWeekday(s.date);
    perWeekday.set(weekday, (perWeekday.get(weekday) ?? 0) + s.presences);
    const rangeKey = `${s.start}-${s.end}`;
    const range = perRange.get(rangeKey) ?? { start: s.start, end: s.end, value: 0 };
    range.value += s.presences;
    perRange.set(rangeKey, range);
    if (s.last && (!last || s.last > last)) last = s.last;
  }
  const sexes = lines.sex.filter((l) => l.itemId !== null);
  const ageAndSex = lines.age.map((l, i) => {
    const bracket = l.key === 'age:outside' ? -1 : i;
    return {
      key: l.key,
      label: l.label,
      bySex: sexes.map((s) => ({ key: s.key, label: s.label, value: sum(inscrits, (r) => r.bracket === bracket && r.sexId === s.itemId) })),
    };
  });

  const point = (key: string, label: string, value: number): StatisticsPoint => ({ key, label, value });
  return {
    from: input.from,
    to: input.to,
    referenceDate: input.referenceDate,
    // Attendance needs a slot: no slot in the period means nothing at all to report.
    empty: input.slots.length === 0,
    figures,
    lines,
    series: {
      presencesByMonth: months.map((m) => point(m, formatFrenchMonth(m), perMonth.get(m) ?? 0)),
      peopleByMonth: months.map((m) => point(m, formatFrenchMonth(m), input.peopleByMonth.get(m) ?? 0)),
      presencesByWeekday: [1, 2, 3, 4, 5, 6, 7].map((d) => point(String(d), WEEKDAY_LABELS[d - 1], perWeekday.get(d) ?? 0)),
      presencesBySlot: [...perRange.entries()]
        .sort(([, a], [, b]) => a.start - b.start || a.end - b.end)
        .map(([key, r]) => point(key, formatTimeRange(r.start, r.end), r.value)),
      inscritsByAgeAndSex: ageAndSex,
    },
    lastAttendanceAt: last ? last.toISOString() : null,
  };
}
