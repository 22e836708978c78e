import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiError, AttendanceSheet, SLOT_ROUTES, ValidateAttendanceRequest, ValidateAttendanceResponse } from '@pointage/contracts';
import { defer, Observable, retry, throwError, timer } from 'rxjs';

/**
 * A new idempotency key (UUID v4). crypto.randomUUID exists only in secure
 * contexts (https, localhost): a kiosk reached at http://192.168.… has only
 * crypto.getRandomValues.
 */
export function newKey(cryptoImpl: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A failure worth trying again: the request never arrived (status 0), the
 * server failed (5xx), or an earlier attempt with the same key is still being
 * processed (409 with the code `validation-in-progress`).
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof HttpErrorResponse)) return false;
  if (err.status === 0 || err.status >= 500) return true;
  const code: unknown = (err.error as Partial<ApiError> | null)?.code;
  return err.status === 409 && code === 'validation-in-progress';
}

/** The wait before retry number `attempt` (1, 2, …): the delays in turn, then the last one again. */
export function retryDelay(attempt: number, delays: readonly number[]): number {
  if (delays.length === 0) return 1_000;
  return delays[Math.min(Math.max(attempt, 1), delays.length) - 1];
}

/**
 * Subscribes to `attempt()` again after each transient failure, waiting the
 * given delays, until it succeeds; any other error ends it. `onRetry` is told
 * before each wait. Unsubscribing (the family presses "Annuler") stops it.
 */
export function sendWithRetry<T>(
  attempt: () => Observable<T>,
  delays: readonly number[],
  onRetry: (attempt: number, delayMs: number, err: unknown) => void = () => undefined,
): Observable<T> {
  return defer(attempt).pipe(
    retry({
      delay: (err: unknown, count: number) => {
        if (!isTransient(err)) return throwError(() => err);
        const wait = retryDelay(count, delays);
        onRetry(count, wait, err);
        return timer(wait);
      },
    }),
  );
}

/** The family's attendance sheet (kiosk, or an admin acting for the family: both use the 'kiosk' session). */
@Injectable({ providedIn: 'root' })
export class SheetApi {
  private readonly http = inject(HttpClient);

  sheet(): Observable<AttendanceSheet> {
    return this.http.get<AttendanceSheet>(SLOT_ROUTES.sheet);
  }

  /** One attempt; the caller retries with the same body (same key). */
  validate(body: ValidateAttendanceRequest): Observable<ValidateAttendanceResponse> {
    return this.http.post<ValidateAttendanceResponse>(SLOT_ROUTES.validate, body);
  }
}
