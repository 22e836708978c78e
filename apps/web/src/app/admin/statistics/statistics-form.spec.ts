import {
  allChecked,
  buildRequest,
  criteriaOf,
  emptyGroups,
  emptyGroupsWarning,
  fromQueryParams,
  isFieldProblem,
  listsFrom,
  paramsKey,
  PERIOD_PRESETS,
  presetLabel,
  presetOf,
  presetPeriod,
  StatisticsFormState,
  toQueryParams,
} from './statistics-form';
import { testLists } from './statistics-testing';

const lists = listsFrom(testLists());

function state(overrides: Partial<StatisticsFormState> = {}): StatisticsFormState {
  return {
    from: '2026-01-01',
    to: '2026-12-31',
    referenceDate: null,
    compare: 'none',
    checked: allChecked(lists),
    brackets: lists.brackets,
    ...overrides,
  };
}

describe('presets', () => {
  it('computes each period from today', () => {
    const today = '2026-11-30';
    expect(presetPeriod('current-month', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last-month', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('current-quarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('current-year', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('last-year', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('school-year', today)).toEqual({ from: '2026-09-01', to: '2027-08-31' });
  });

  it('handles January, leap years and the school year before September', () => {
    expect(presetPeriod('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('last-month', '2024-03-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('current-quarter', '2026-02-28')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('current-quarter', '2026-06-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('school-year', '2026-08-31')).toEqual({ from: '2025-09-01', to: '2026-08-31' });
    expect(presetPeriod('school-year', '2026-09-01')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
  });

  it('names them in French and recognises a period that is one of them', () => {
    expect(PERIOD_PRESETS.map((p) => presetLabel(p, '2026-03-02'))).toEqual([
      'Mois en cours',
      'Mois dernier',
      'Trimestre en cours',
      'Année civile en cours',
      'Année civile précédente',
      'Année scolaire 2025–2026',
    ]);
    expect(presetOf('2025-09-01', '2026-08-31', '2026-03-02')).toBe('school-year');
    expect(presetOf('2026-03-01', '2026-03-31', '2026-03-02')).toBe('current-month');
    expect(presetOf('2026-03-01', '2026-03-30', '2026-03-02')).toBeNull();
  });
});

describe('the request of GÉNÉRER', () => {
  it('sorts the lists by position and leaves out whatever is the default', () => {
    expect(lists.items.city.map((c) => c.label)).toEqual(['Lille', 'Ronchin', 'Wattrelos', 'Autres']);
    expect(lists.brackets).toEqual([
      { minAge: 0, maxAge: 2 },
      { minAge: 3, maxAge: 6 },
    ]);
    expect(buildRequest(state(), lists)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('sends a group only when not all its boxes are checked: the ids kept, or [] for none', () => {
    const checked = { ...allChecked(lists), city: [13, 10], status: [] };
    expect(criteriaOf(checked, lists)).toEqual({ city: [10, 13], status: [] });
    expect(buildRequest(state({ checked }), lists)).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      criteria: { city: [10, 13], status: [] },
    });
    // The deactivated city is a box like the others: all four checked = the whole group.
    expect(criteriaOf({ ...allChecked(lists), city: [10, 11, 12, 13] }, lists)).toEqual({});
  });

  it('warns about a group with no box checked', () => {
    const checked = { ...allChecked(lists), status: [], qf: [] };
    expect(emptyGroups(checked, lists)).toEqual(['status', 'qf']);
    expect(emptyGroupsWarning(['status'])).toBe('Aucune case cochée dans le groupe « Statut » : personne ne sera compté.');
    expect(emptyGroupsWarning(['status', 'qf'])).toBe(
      'Aucune case cochée dans les groupes « Statut », « Quotient familial » : personne ne sera compté.',
    );
    expect(emptyGroups(allChecked(lists), lists)).toEqual([]);
  });

  it('sends the brackets, the reference date and the comparison when they are chosen', () => {
    const request = buildRequest(
      state({
        brackets: [
          { minAge: 6, maxAge: 11 },
          { minAge: 0, maxAge: 5 },
        ],
        referenceDate: '2026-09-01',
        compare: 'previous-year',
      }),
      lists,
    );
    expect(request).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      brackets: [
        { minAge: 0, maxAge: 5 },
        { minAge: 6, maxAge: 11 },
      ],
      referenceDate: '2026-09-01',
      compare: 'previous-year',
    });
  });

  it('refuses what the API refuses, with its message and field', () => {
    const problem = (s: Partial<StatisticsFormState>) => {
      const r = buildRequest(state(s), lists);
      return isFieldProblem(r) ? r : null;
    };
    expect(problem({ from: null })).toEqual({ field: 'from', message: 'Choisissez la date de début.' });
    expect(problem({ to: 'invalide' })).toEqual({ field: 'to', message: expect.stringContaining("n'est pas valide") });
    expect(problem({ from: '2026-02-01', to: '2026-01-31' })).toEqual({
      field: 'to',
      message: 'La date de fin est avant la date de début.',
    });
    expect(problem({ from: '2016-01-01', to: '2026-01-01' })).toEqual({
      field: 'to',
      message: 'La période dépasse 10 ans : choisissez une période plus courte.',
    });
    expect(problem({ referenceDate: '1850-01-01' })).toEqual({
      field: 'referenceDate',
      message: 'La date de référence doit être comprise entre 1900 et 2100.',
    });
    expect(
      problem({
        brackets: [
          { minAge: 0, maxAge: 3 },
          { minAge: 3, maxAge: 6 },
        ],
      }),
    ).toEqual({ field: 'brackets', message: 'Les tranches 0–3 ans et 3–6 ans se chevauchent.' });
  });
});

describe('the URL', () => {
  const defaults = state();

  it('keeps only what differs from the defaults, and tells "all" (absent) from "none" (aucun)', () => {
    const request = buildRequest(
      state({
        checked: { ...allChecked(lists), city: [10, 12], minima: [] },
        brackets: [
          { minAge: 0, maxAge: 5 },
          { minAge: 6, maxAge: 17 },
        ],
        referenceDate: '2026-06-30',
        compare: 'previous',
      }),
      lists,
    );
    expect(isFieldProblem(request)).toBe(false);
    if (isFieldProblem(request)) return;
    expect(toQueryParams(request)).toEqual({
      du: '2026-01-01',
      au: '2026-12-31',
      ref: '2026-06-30',
      comparer: 'precedente',
      ville: '10,12',
      minima: 'aucun',
      tranches: '0-5,6-17',
    });
    expect(toQueryParams({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ du: '2026-01-01', au: '2026-01-31' });
  });

  it('round-trips: the URL of a request fills the form that builds the same request', () => {
    const cases: Partial<StatisticsFormState>[] = [
      {},
      { checked: { ...allChecked(lists), city: [10, 12], minima: [] }, compare: 'previous-year' },
      { checked: { ...allChecked(lists), sex: [], city: [], status: [], minima: [], qf: [] } },
      { referenceDate: '2026-06-30', brackets: [{ minAge: 0, maxAge: 120 }], compare: 'previous' },
    ];
    for (const c of cases) {
      const request = buildRequest(state(c), lists);
      if (isFieldProblem(request)) throw new Error(request.message);
      const { state: filled, generate } = fromQueryParams(toQueryParams(request), lists, defaults);
      expect(generate).toBe(true);
      expect(buildRequest(filled, lists)).toEqual(request);
    }
  });

  it('without a period, fills the defaults and does not generate', () => {
    const { state: filled, generate } = fromQueryParams({}, lists, defaults);
    expect(generate).toBe(false);
    expect(filled).toEqual(defaults);
  });

  it('drops unknown ids and keeps a typed-over date visible as invalid', () => {
    const { state: filled } = fromQueryParams(
      { du: '2026-13-45', au: '2026-01-31', ville: '10,999,abc', comparer: 'n-1' },
      lists,
      defaults,
    );
    expect(filled.from).toBe('invalide');
    expect(filled.checked.city).toEqual([10]);
    expect(filled.compare).toBe('previous-year');
    expect(isFieldProblem(buildRequest(filled, lists))).toBe(true);
  });

  it('compares parameters whatever their order', () => {
    expect(paramsKey({ au: '2026-01-31', du: '2026-01-01' })).toBe(paramsKey({ du: '2026-01-01', au: '2026-01-31' }));
    expect(paramsKey({ du: '2026-01-01' })).not.toBe(paramsKey({ du: '2026-01-02' }));
  });
});
