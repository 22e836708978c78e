import { OptionError, parseOptions } from './options';

describe('bench options', () => {
  it('defaults to the federation scale on both dialects, every phase', () => {
    const o = parseOptions([], {});
    expect(o).toEqual({
      quick: false,
      dialects: ['sqlite', 'mariadb'],
      structures: 50,
      families: 500,
      years: 3,
      duration: 30,
      homeDuration: 10,
      connections: 50,
      logins: 480,
      phases: new Set(['a', 'b', 'c', 'd', 'e', 'f']),
      replicas: 1,
    });
  });

  it('--quick (or BENCH_QUICK=1) makes a small, short run', () => {
    for (const o of [parseOptions(['--quick'], {}), parseOptions([], { BENCH_QUICK: '1' })]) {
      expect(o).toMatchObject({ quick: true, structures: 3, families: 60, years: 1, duration: 8, homeDuration: 4, logins: 120 });
    }
  });

  it('takes the environment, and flags win over it', () => {
    const env = { BENCH_DIALECTS: 'mariadb', BENCH_STRUCTURES: '7', BENCH_PHASES: 'd, e', BENCH_REPLICAS: '2' };
    expect(parseOptions([], env)).toMatchObject({ dialects: ['mariadb'], structures: 7, phases: new Set(['d', 'e']), replicas: 2 });
    const o = parseOptions(['--dialects', ' sqlite ,', '--structures', '9', '--home-duration', '3', '--phases', 'b,c'], env);
    expect(o).toMatchObject({ dialects: ['sqlite'], structures: 9, homeDuration: 3, phases: new Set(['b', 'c']), replicas: 2 });
  });

  it('refuses unknown options, non-positive or non-integer numbers and unknown dialects, in French', () => {
    expect(() => parseOptions(['--fast'], {})).toThrow(new OptionError('Option inconnue : --fast'));
    expect(() => parseOptions(['--constructor', '1'], {})).toThrow(OptionError);
    expect(() => parseOptions(['--replicas', '0'], {})).toThrow(new OptionError('Valeur invalide pour replicas : 0'));
    expect(() => parseOptions(['--duration', '1.5'], {})).toThrow(new OptionError('Valeur invalide pour duration : 1.5'));
    expect(() => parseOptions([], { BENCH_LOGINS: 'many' })).toThrow(new OptionError('Valeur invalide pour logins : NaN'));
    expect(() => parseOptions(['--dialects', 'postgres'], {})).toThrow(new OptionError('--dialects : sqlite, mariadb ou les deux.'));
  });
});
