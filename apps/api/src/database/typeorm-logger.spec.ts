import { Logger } from '@nestjs/common';
import { SafeTypeOrmLogger } from './typeorm-logger';

describe('SafeTypeOrmLogger', () => {
  let error: jest.SpyInstance;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each(['ER_LOCK_DEADLOCK', 'ER_AUTOINC_READ_FAILED', 'ER_LOCK_WAIT_TIMEOUT'])(
    'logs a %s (run again by the caller) as a warning',
    (code) => {
      new SafeTypeOrmLogger().logQueryError(Object.assign(new Error('Deadlock found'), { code }), 'INSERT INTO attendance …', ['Martin']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(error).not.toHaveBeenCalled();
    },
  );

  it('logs any other failure as an error, without its parameters', () => {
    new SafeTypeOrmLogger().logQueryError(
      Object.assign(new Error("Unknown column 'x'"), { code: 'ER_BAD_FIELD_ERROR' }),
      'SELECT x FROM family WHERE name = ?',
      ['Martin'],
    );
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).not.toContain('Martin');
  });
});
