import { choicesFor, isChildStatus, labelOf, RETIRED_ENTRY_LABEL } from './reference';
import { testOptions } from './testing';

describe('reference catalog', () => {
  const options = testOptions();

  it('offers the active entries, plus a deactivated current value with its label when known', () => {
    expect(choicesFor({ options }, 'city', 10).map((c) => c.label)).toEqual(['Lille', 'Ronchin']);
    const known = { city: [...options.city, { ...options.city[0], id: 12, label: 'Wattignies', active: false }] };
    expect(choicesFor({ options, known }, 'city', 12).at(-1)).toEqual({ id: 12, label: 'Wattignies (désactivé)', retired: true });
    expect(choicesFor({ options }, 'city', 12).at(-1)).toEqual({ id: 12, label: RETIRED_ENTRY_LABEL, retired: true });
  });

  it('names entries and tells child statuses', () => {
    expect(labelOf({ options }, 'status', 25)).toBe('Enfant à charge');
    expect(labelOf({ options }, 'status', null)).toBe('—');
    expect(isChildStatus({ options }, 25)).toBe(true);
    expect(isChildStatus({ options }, 20)).toBe(false);
    expect(isChildStatus({ options }, 99)).toBeNull();
  });
});
