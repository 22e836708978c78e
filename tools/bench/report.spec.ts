import { fmt, median, percentile } from './common';
import { cpuCell, cpuText, formatTable } from './report';

describe('bench figures and tables', () => {
  it('percentile is the nearest rank of an ascending list; median the lower middle', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });

  it('formats numbers in English with fixed digits, and leaves NaN readable', () => {
    expect(fmt(12345.678)).toBe('12,346');
    expect(fmt(1.5, 2)).toBe('1.50');
    expect(fmt(NaN)).toBe('NaN');
  });

  it('prints the CPU per request of each process; "–" for the database of SQLite', () => {
    const sqlite = { cpuPerRequest: { server: 612.4, generator: 88 }, statementsPerRequest: NaN };
    const mariadb = { cpuPerRequest: { server: 612.4, mariadb: 301, generator: 88 }, statementsPerRequest: 3.371 };
    expect(cpuCell(sqlite)).toBe('612 / – / 88 µs');
    expect(cpuCell(mariadb)).toBe('612 / 301 / 88 µs, 3.37 SQL statements');
    expect(cpuText(sqlite)).toBe('serveur 612 µs, générateur 88 µs par requête');
    expect(cpuText(mariadb)).toBe('serveur 612 µs, MariaDB 301 µs, générateur 88 µs par requête ; 3.37 requêtes SQL par requête');
  });

  it('pads the columns of a table to their widest cell', () => {
    expect(
      formatTable(
        'Résultats sqlite',
        ['measure', 'value'],
        [
          ['seed', '4.0 s'],
          ['(a) generation', '186 ms'],
        ],
      ),
    ).toEqual([
      '\nRésultats sqlite',
      '  measure        | value ',
      '  ---------------+-------',
      '  seed           | 4.0 s ',
      '  (a) generation | 186 ms',
    ]);
  });
});
