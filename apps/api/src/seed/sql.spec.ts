import { quoteId, rowsForPacket, rowsPerStatement } from './sql';

describe('seed SQL helpers', () => {
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
