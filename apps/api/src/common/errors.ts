import type { ApiErrorCode } from '@pointage/contracts';

/**
 * The one way our code gives an error a user-facing message: the body of a Nest
 * HTTP exception is made by french(), which marks it as written by us, in French.
 *
 *   throw new NotFoundException(french('Famille introuvable.'));
 *   throw new BadRequestException(french('La date de fin est avant la date de début.', { field: 'to' }));
 *
 * AllExceptionsFilter sends a marked message as it is (with its code and field) and
 * replaces any other message (Nest's "Cannot GET /x", passport's "Unauthorized",
 * multer's "File too large", the JSON parser's…) by the French default of its
 * status. The API's eslint config refuses `new …Exception(…)` without french().
 */
const FRENCH = Symbol('french');

/** What the filter reads of an error body besides its message. */
export interface ErrorExtras {
  /** A machine-readable code of the contract (API_ERROR_CODES): the filter drops unknown ones. */
  code?: ApiErrorCode;
  /** The form field the message is about (a property path, "to", "members.0.name"). */
  field?: string;
  /** For a 429 or 503: the seconds a client should wait (the Retry-After header). */
  retryAfter?: number;
}

export type FrenchBody = ErrorExtras & { message: string };

/** The body of an HTTP exception whose message is ours, in French, fit to show to users. */
export function french(message: string, extras: ErrorExtras = {}): FrenchBody {
  const body: FrenchBody = { ...extras, message };
  // Not enumerable: invisible to JSON and to tests' toEqual, only isFrench() sees it.
  Object.defineProperty(body, FRENCH, { value: true });
  return body;
}

/** Whether an exception's body was made by french(). */
export function isFrench(body: unknown): body is FrenchBody {
  return typeof body === 'object' && body !== null && (body as { [FRENCH]?: unknown })[FRENCH] === true;
}
