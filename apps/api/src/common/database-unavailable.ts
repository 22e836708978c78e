import { ServiceUnavailableException } from '@nestjs/common';
import { french } from './errors';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'La base de données ne répond pas pour le moment : rien n’a été perdu, réessayez dans quelques instants.';

/** 503 with the machine code clients retry on (the session stays valid). */
export function databaseUnavailable(): ServiceUnavailableException {
  return new ServiceUnavailableException(french(DATABASE_UNAVAILABLE_MESSAGE, { code: 'database-unavailable' }));
}
