import { DEFAULT_REFERENCE_LISTS, REF_KINDS } from '@pointage/contracts';
import { parseSeedArgs } from './seed-command';
import { mapReferences, RefRow } from './references';
import { adminEmail, familyEmail, structureName } from './seed-runner';

describe('parseSeedArgs', () => {
  const now = new Date('2026-06-30T22:30:00Z'); // already 1 July in Paris

  it('has the documented defaults, today being the date in Paris', () => {
    expect(parseSeedArgs([], now)).toEqual({ structures: 1, families: 30, years: 1, seed: 42, today: '2026-07-01', intoExisting: false });
  });

  it('reads every option, with a space or an equals sign', () => {
    expect(
      parseSeedArgs(
        ['--structures', '50', '--families=300', '--years', '3', '--seed', '7', '--today', '2025-01-31', '--into-existing'],
        now,
      ),
    ).toEqual({
      structures: 50,
      families: 300,
      years: 3,
      seed: 7,
      today: '2025-01-31',
      intoExisting: true,
    });
  });

  it('refuses unknown options and bad values with a French message', () => {
    expect(parseSeedArgs(['--famillies', '3'], now)).toMatch(/Option inconnue/);
    expect(parseSeedArgs(['--years', '0'], now)).toMatch(/entre 1 et 10/);
    expect(parseSeedArgs(['--families', '-3'], now)).toMatch(/nombre entier/);
    expect(parseSeedArgs(['--today', '2025-02-30'], now)).toMatch(/pas une date valide/);
    expect(parseSeedArgs(['--seed'], now)).toMatch(/demande une valeur/);
  });
});

describe('names and logins', () => {
  it('structure names are unique for a federation', () => {
    const names = Array.from({ length: 120 }, (_, i) => structureName(i));
    expect(new Set(names).size).toBe(120);
    expect(structureName(0)).toBe('Ludothèque Les Tilleuls');
    expect(structureName(25)).toBe('Ludothèque Les Tilleuls 2');
  });

  it('logins are fictional addresses of the structure', () => {
    expect(familyEmail(12, 'ludo')).toBe('famille.12@ludo.seed.local');
    expect(adminEmail('ludo')).toBe('admin@ludo.seed.local');
  });
});

describe('mapReferences', () => {
  function defaults(): RefRow[] {
    let id = 100;
    return REF_KINDS.flatMap((kind) =>
      DEFAULT_REFERENCE_LISTS[kind].map((e, position) => ({
        id: id++,
        kind,
        label: e.label,
        position,
        active: true,
        isChild: e.isChild ?? false,
        code: e.code ?? null,
      })),
    );
  }

  it('finds every code in the default lists and favours the default cities', () => {
    const refs = mapReferences(defaults());
    expect(new Set(Object.values(refs.status)).size).toBe(7);
    expect(new Set(Object.values(refs.minima)).size).toBe(5);
    expect(refs.cities).toHaveLength(4);
    expect(refs.cityWeights).toEqual([40, 25, 20, 15]);
    expect(refs.qf).toHaveLength(6);
  });

  it('falls back on an entry of the same kind when a team removed one', () => {
    const rows = defaults().filter((r) => r.code !== 'minded_child' && r.code !== 'aeh');
    const refs = mapReferences(rows);
    const dependent = rows.find((r) => r.code === 'dependent_child')?.id;
    expect(refs.status.minded_child).toBe(dependent);
    expect(refs.minima.aeh).toBe(refs.minima.none);
  });

  it('refuses empty lists', () => {
    expect(() => mapReferences(defaults().filter((r) => r.kind !== 'qf'))).toThrow(/Quotient familial/);
  });
});
