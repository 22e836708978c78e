import type {
  ReferenceLists,
  RefItemWithUsage,
  RefKind,
  StatisticsFigure,
  StatisticsLine,
  StatisticsLineGroup,
  StatisticsPeriodReport,
  StatisticsReport,
} from '@pointage/contracts';

/** Fixtures of the statistics specs (imported by *.spec.ts only). */

function item(kind: RefKind, id: number, label: string, position: number, extra: Partial<RefItemWithUsage> = {}): RefItemWithUsage {
  return { id, kind, label, position, active: true, isChild: false, code: null, usage: 0, ...extra };
}

/** A structure's lists: positions out of id order, one deactivated city (Wattrelos). */
export function testLists(): ReferenceLists {
  return {
    sex: [item('sex', 1, 'Femme', 0, { code: 'female' }), item('sex', 2, 'Homme', 1, { code: 'male' })],
    city: [
      item('city', 12, 'Ronchin', 1),
      item('city', 10, 'Lille', 0),
      item('city', 13, 'Autres', 3, { code: 'other' }),
      item('city', 11, 'Wattrelos', 2, { active: false }),
    ],
    status: [
      item('status', 20, 'Mère', 0, { code: 'mother' }),
      item('status', 21, 'Père', 1, { code: 'father' }),
      item('status', 25, 'Enfant à charge', 2, { code: 'dependent_child', isChild: true }),
    ],
    minima: [item('minima', 30, 'Non', 0, { code: 'none' }), item('minima', 31, 'RSA', 1, { code: 'rsa' })],
    qf: [item('qf', 40, '0 à 480 €', 0), item('qf', 41, '481 à 581 €', 1)],
    ageBrackets: [
      { id: 2, minAge: 3, maxAge: 6, position: 1 },
      { id: 1, minAge: 0, maxAge: 2, position: 0 },
    ],
  };
}

function line(
  group: StatisticsLineGroup,
  itemId: number | null,
  label: string,
  inscrits: number,
  presences: number,
  extra: Partial<StatisticsLine> = {},
): StatisticsLine {
  const selector = itemId ?? label;
  return {
    key: `${group}:${selector}`,
    group,
    itemId,
    label,
    code: null,
    active: true,
    inscrits,
    presences,
    drillInscrits: `inscrits:${group}:${selector}`,
    drillPresences: `presences:${group}:${selector}`,
    ...extra,
  };
}

function figures(v: { days: number; hours: number; inscrits: number; families: number; presences: number }): StatisticsFigure[] {
  const f = (
    key: string,
    label: string,
    section: 'opening' | 'public',
    value: number,
    unit: StatisticsFigure['unit'],
    drill: string | null,
  ) => ({
    key,
    label,
    section,
    value,
    unit,
    drill,
  });
  return [
    f('openingDays', "Nombre de jours d'ouverture", 'opening', v.days, 'days', null),
    f('openingHours', "Nombre d'heures d'ouverture", 'opening', v.hours, 'hours', null),
    f('inscrits', "Nombre d'inscrits total sur la période", 'public', v.inscrits, 'people', 'inscrits'),
    f('inscriptions', "Nombre d'inscriptions sur la période", 'public', 0, 'people', 'inscriptions'),
    f('families', 'Nombre de familles', 'public', v.families, 'families', 'families'),
    f('presences', 'Nombre total de présences', 'public', v.presences, 'presences', 'presences'),
  ];
}

function period(from: string, to: string, v: Parameters<typeof figures>[0], empty = false): StatisticsPeriodReport {
  return {
    from,
    to,
    referenceDate: to,
    empty,
    figures: figures(v),
    lines: {
      sex: [line('sex', 1, 'Femme', 2, 4, { code: 'female' }), line('sex', 2, 'Homme', 3, 5, { code: 'male' })],
      city: [
        line('city', 10, 'Lille', 3, 5),
        line('city', 12, 'Ronchin', 2, 4),
        line('city', 11, 'Wattrelos', 0, 1, { active: false }),
        line('city', 13, 'Autres', 0, 0, { code: 'other' }),
      ],
      status: [
        line('status', 20, 'Mère', 1, 2, { code: 'mother' }),
        line('status', null, 'Grands-parents (grand-mère + grand-père)', 0, 0, { key: 'status:grandparents', code: 'grandparents' }),
      ],
      minima: [line('minima', 30, 'Non', 5, 9, { code: 'none' })],
      qf: [line('qf', 41, '481 à 581 €', 5, 9)],
      age: [line('age', null, '0–2 ans', 0, 0, { key: 'age:0' }), line('age', null, 'Hors tranches', 0, 0, { key: 'age:outside' })],
    },
    series: {
      presencesByMonth: [{ key: '2026-01', label: 'janv. 2026', value: v.presences }],
      peopleByMonth: [{ key: '2026-01', label: 'janv. 2026', value: v.inscrits }],
      presencesByWeekday: ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'].map((label, i) => ({
        key: String(i + 1),
        label,
        value: i === 2 ? v.presences : 0,
      })),
      presencesBySlot: [{ key: '840-1080', label: '14:00 – 18:00', value: v.presences }],
      inscritsByAgeAndSex: [],
    },
    lastAttendanceAt: empty ? null : '2026-01-14T13:05:00.000Z',
  };
}

/** The report of January 2026: 3 days, 10 h 30, 5 people of 2 families, 9 présences. */
export function testReport(overrides: Partial<StatisticsReport> = {}): StatisticsReport {
  return {
    ...period('2026-01-01', '2026-01-31', { days: 3, hours: 10.5, inscrits: 5, families: 2, presences: 9 }),
    structure: { id: 7, name: 'Ludothèque du Chemin Rouge' },
    generatedAt: '2026-11-30T09:00:00.000Z',
    criteria: (['sex', 'city', 'status', 'minima', 'qf'] as const).map((group) => ({
      group,
      label: { sex: 'Sexe', city: 'Ville de résidence', status: 'Statut', minima: 'Minima sociaux', qf: 'Quotient familial' }[group],
      all: true,
      items: testLists()[group].map((i) => ({ id: i.id, label: i.label, active: i.active, checked: true })),
    })),
    brackets: [
      { minAge: 0, maxAge: 2, label: '0–2 ans' },
      { minAge: 3, maxAge: 6, label: '3–6 ans' },
    ],
    bracketsSource: 'structure',
    referenceDateGiven: false,
    comparison: null,
    ...overrides,
  };
}

/** The same report compared with December 2025 (the previous period). */
export function testComparedReport(): StatisticsReport {
  return testReport({
    comparison: {
      ...period('2025-12-01', '2025-12-31', { days: 2, hours: 7, inscrits: 4, families: 2, presences: 12 }),
      kind: 'previous',
      label: 'Période précédente',
    },
  });
}

/** A period without any slot. */
export function testEmptyReport(): StatisticsReport {
  return testReport({ ...period('2025-03-01', '2025-03-31', { days: 0, hours: 0, inscrits: 0, families: 0, presences: 0 }, true) });
}
