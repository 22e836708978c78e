import { AttendanceListRow, DEFAULT_DAY_COLUMNS, DEFAULT_PERIOD_COLUMNS } from '@pointage/contracts';
import { BAD_FROM, BAD_TO, INVALID_DATE, NO_FROM } from '../slots/slot-form';
import {
  ALL_SLOTS,
  BAD_ORDER,
  cellText,
  checkChoice,
  COLUMNS_STORAGE_KEY,
  countText,
  exportRequest,
  fromQueryParams,
  listRequest,
  ListQuery,
  NO_COLUMN,
  parseColumnChoice,
  presetOf,
  presetPeriod,
  readColumnChoice,
  SLOT_NEEDS_ONE_DAY,
  toggleColumn,
  TOO_LONG,
  toQueryParams,
  writeColumnChoice,
} from './attendance-list-form';

const DAY: ListQuery = { from: '2026-03-02', to: null, slotId: null, sort: null, order: 'asc', page: 1, pageSize: 50 };

describe('checkChoice', () => {
  it('accepts one day (Au empty or equal to Du), with or without a slot', () => {
    expect(checkChoice('2026-03-02', null, null, ['lastName'])).toEqual({ from: '2026-03-02', to: null, slotId: null });
    expect(checkChoice('2026-03-02', '2026-03-02', 12, ['lastName'])).toEqual({ from: '2026-03-02', to: null, slotId: 12 });
    expect(checkChoice('2026-03-02', null, ALL_SLOTS, ['lastName'])).toEqual({ from: '2026-03-02', to: null, slotId: null });
  });

  it('accepts a period without a slot, and refuses a slot for a period', () => {
    expect(checkChoice('2026-03-01', '2026-03-31', null, ['date'])).toEqual({ from: '2026-03-01', to: '2026-03-31', slotId: null });
    expect(checkChoice('2026-03-01', '2026-03-31', 12, ['date'])).toEqual({ field: 'slotId', message: SLOT_NEEDS_ONE_DAY });
  });

  it('says which field is wrong, with the messages of the API', () => {
    expect(checkChoice(null, null, null, ['date'])).toEqual({ field: 'from', message: NO_FROM });
    expect(checkChoice(INVALID_DATE, null, null, ['date'])).toEqual({ field: 'from', message: BAD_FROM });
    expect(checkChoice('2026-02-30', null, null, ['date'])).toEqual({ field: 'from', message: BAD_FROM });
    expect(checkChoice('2026-03-02', INVALID_DATE, null, ['date'])).toEqual({ field: 'to', message: BAD_TO });
    expect(checkChoice('2026-03-02', '2026-03-01', null, ['date'])).toEqual({ field: 'to', message: BAD_ORDER });
    expect(checkChoice('2016-03-02', '2026-03-02', null, ['date'])).toEqual({ field: 'to', message: TOO_LONG });
    expect(checkChoice('2016-03-03', '2026-03-02', null, ['date'])).toEqual({ from: '2016-03-03', to: '2026-03-02', slotId: null });
    expect(checkChoice('2026-03-02', null, null, [])).toEqual({ field: 'columns', message: NO_COLUMN });
  });
});

describe('listRequest and exportRequest', () => {
  it('sends one day without `to`, and the columns in the table order', () => {
    expect(listRequest(DAY, ['arrival', 'lastName', 'firstName'])).toEqual({
      from: '2026-03-02',
      columns: ['lastName', 'firstName', 'arrival'],
      page: 1,
      pageSize: 50,
    });
  });

  it('sends a period, a slot, the sort and its order, the page', () => {
    expect(listRequest({ ...DAY, to: '2026-03-31', sort: 'age', order: 'desc', page: 3, pageSize: 100 }, ['date', 'age'])).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
      columns: ['date', 'age'],
      sort: 'age',
      order: 'desc',
      page: 3,
      pageSize: 100,
    });
    expect(listRequest({ ...DAY, slotId: 12 }, ['lastName'])).toMatchObject({ from: '2026-03-02', slotId: 12 });
  });

  it('exports the same list without paging', () => {
    const q: ListQuery = { ...DAY, slotId: 12, sort: 'lastName', order: 'desc', page: 4, pageSize: 25 };
    expect(exportRequest(q, ['lastName', 'arrival'])).toEqual({
      from: '2026-03-02',
      slotId: 12,
      columns: ['lastName', 'arrival'],
      sort: 'lastName',
      order: 'desc',
    });
  });
});

describe('URL', () => {
  it('round-trips a list through the query parameters', () => {
    const q: ListQuery = { from: '2026-03-01', to: '2026-03-31', slotId: null, sort: 'age', order: 'desc', page: 2, pageSize: 100 };
    const params = toQueryParams(q);
    expect(params).toEqual({ du: '2026-03-01', au: '2026-03-31', tri: 'age', ordre: 'desc', page: '2', lignes: '100' });
    expect(fromQueryParams(params)).toEqual(q);
    const day: ListQuery = { ...DAY, slotId: 12 };
    expect(toQueryParams(day)).toEqual({ du: '2026-03-02', creneau: '12' });
    expect(fromQueryParams(toQueryParams(day))).toEqual(day);
  });

  it('names no list without `du`, and ignores what it cannot read', () => {
    expect(fromQueryParams({})).toBeNull();
    expect(
      fromQueryParams({ du: '2026-03-02', au: '2026-03-02', creneau: 'x', tri: 'password', ordre: 'sideways', page: '-1', lignes: '7' }),
    ).toEqual(DAY);
    expect(fromQueryParams({ du: '02/03/2026', au: 'demain' })).toMatchObject({ from: INVALID_DATE, to: INVALID_DATE });
  });
});

describe('columns remembered on this device', () => {
  beforeEach(() => localStorage.clear());

  it('defaults to the day and period columns of the contracts', () => {
    expect(readColumnChoice(localStorage)).toEqual({ day: DEFAULT_DAY_COLUMNS, period: DEFAULT_PERIOD_COLUMNS });
    expect(readColumnChoice(null)).toEqual({ day: DEFAULT_DAY_COLUMNS, period: DEFAULT_PERIOD_COLUMNS });
  });

  it('keeps a choice per kind of list under a versioned key', () => {
    writeColumnChoice(localStorage, { day: ['lastName', 'arrival'], period: ['date', 'lastName'] });
    expect(JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '')).toEqual({
      day: ['lastName', 'arrival'],
      period: ['date', 'lastName'],
    });
    expect(readColumnChoice(localStorage)).toEqual({ day: ['lastName', 'arrival'], period: ['date', 'lastName'] });
  });

  it('ignores garbage: not JSON, wrong shapes, unknown or repeated columns, empty lists', () => {
    const defaults = { day: DEFAULT_DAY_COLUMNS, period: DEFAULT_PERIOD_COLUMNS };
    for (const raw of ['{oops', 'null', '42', '"day"', '[]', '{"day":"lastName"}', '{"day":[]}', '{"day":[1,null,{}],"period":"x"}']) {
      expect(parseColumnChoice(raw)).toEqual(defaults);
    }
    expect(parseColumnChoice('{"day":["arrival","nope","lastName","lastName"]}')).toEqual({
      day: ['lastName', 'arrival'],
      period: DEFAULT_PERIOD_COLUMNS,
    });
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(readColumnChoice(broken).day).toEqual(DEFAULT_DAY_COLUMNS);
    expect(() => writeColumnChoice(broken, { day: ['lastName'], period: ['date'] })).not.toThrow();
  });

  it('toggles a column and keeps the table order', () => {
    expect(toggleColumn(['lastName', 'arrival'], 'date', true)).toEqual(['date', 'lastName', 'arrival']);
    expect(toggleColumn(['lastName', 'arrival'], 'lastName', false)).toEqual(['arrival']);
  });
});

describe('period presets', () => {
  // Wednesday 4 March 2026
  const today = '2026-03-04';

  it('gives one day for today and yesterday, Monday to Sunday for this week, whole months', () => {
    expect(presetPeriod('today', today)).toEqual({ from: '2026-03-04', to: null });
    expect(presetPeriod('yesterday', today)).toEqual({ from: '2026-03-03', to: null });
    expect(presetPeriod('this-week', today)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(presetPeriod('this-month', today)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(presetPeriod('last-month', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('this-week', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });

  it('recognises the preset a period matches', () => {
    expect(presetOf('2026-03-04', null, today)).toBe('today');
    expect(presetOf('2026-03-04', '2026-03-04', today)).toBe('today');
    expect(presetOf('2026-03-01', '2026-03-31', today)).toBe('this-month');
    expect(presetOf('2026-03-01', '2026-03-30', today)).toBeNull();
    expect(presetOf(null, null, today)).toBeNull();
  });
});

describe('what the page says', () => {
  it('counts the presences of a day, a slot or a period', () => {
    expect(countText(12, '2026-03-02', '2026-03-02', '09:30 – 12:00')).toBe('12 présences le lundi 02/03/2026, créneau 09:30 – 12:00');
    expect(countText(1, '2026-03-02', null, null)).toBe('1 présence le lundi 02/03/2026');
    expect(countText(0, '2026-03-01', '2026-03-31', null)).toBe('Aucune présence du 01/03/2026 au 31/03/2026');
    expect(countText(1234, '2026-03-01', '2026-03-31', null)).toBe('1\u202f234 présences du 01/03/2026 au 31/03/2026');
  });

  it('shows dates as jj/mm/aaaa, ages in years, arrival as HH:MM, the source in words', () => {
    const row: AttendanceListRow = {
      id: 1,
      date: '2026-03-02',
      slotId: 12,
      slot: '09:30 – 12:00',
      memberId: 5,
      lastName: 'GRUJIC',
      firstName: 'Luka',
      familyId: 3,
      family: 'GRUJIC',
      sex: 'Homme',
      age: 7,
      status: 'Enfant à charge',
      city: 'Lille',
      minima: 'Non',
      qf: '481 à 581 €',
      arrival: '09:42',
      source: 'retro',
    };
    expect(cellText(row, 'date')).toBe('02/03/2026');
    expect(cellText(row, 'age')).toBe('7 ans');
    expect(cellText({ ...row, age: 1 }, 'age')).toBe('1 an');
    expect(cellText({ ...row, age: 0 }, 'age')).toBe("moins d'un an");
    expect(cellText(row, 'arrival')).toBe('09:42');
    expect(cellText(row, 'source')).toBe('a posteriori');
    expect(cellText(row, 'qf')).toBe('481 à 581 €');
  });
});
