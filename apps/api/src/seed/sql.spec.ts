import { quoteId, readLocalDate, rowsForPacket, rowsPerStatement, sqlInstant } from './sql';

describe('seed SQL helpers', () => {
  it('writes instants the way TypeORM stores them (UTC, milliseconds)', () => {
    expect(sqlInstant(Date.UTC(2026, 2, 18, 9, 5, 7, 42))).toBe('2026-03-18 09:05:07.042');
  });

  it('reads DATE columns of both drivers', () => {
    expect(readLocalDate('2026-03-18')).toBe('2026-03-18');
    expect(readLocalDate(new Date('2026-03-18T00:00:00Z'))).toBe('2026-03-18');
  });

  it('keeps statements under the limits of each dialect', () => {
    expect(rowsPerStatement({ dialect: 'sqlite' }, 13) * 13).toBeLessThan(32_766);
    expect(rowsPerStatement({ dialect: 'mariadb', maxRows: rowsForPacket(16 * 1024 * 1024) }, 13)).toBe(4_000);
    // An old server with max_allowed_packet = 1 MB: smaller statements.
    expect(rowsForPacket(1024 * 1024)).toBe(512);
    expect(rowsForPacket(1024)).toBe(50);
  });

  it('quotes identifiers per dialect', () => {
    expect(quoteId('sqlite', 'key')).toBe('"key"');
    expect(quoteId('mariadb', 'key')).toBe('`key`');
  });
});
