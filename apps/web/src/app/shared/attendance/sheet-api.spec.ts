import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, Subscription, throwError } from 'rxjs';
import { isTransient, newKey, retryDelay, sendWithRetry } from './sheet-api';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function httpError(status: number): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, message: 'Erreur' } });
}

describe('newKey', () => {
  it('uses crypto.randomUUID when the page is a secure context', () => {
    expect(newKey({ randomUUID: () => 'from-random-uuid', getRandomValues: <T>(a: T) => a } as never)).toBe('from-random-uuid');
  });

  it('builds a UUID v4 from random bytes elsewhere (a kiosk on http://192.168.…)', () => {
    let n = 0;
    const cryptoImpl = {
      getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array;
        for (let i = 0; i < bytes.length; i++) bytes[i] = (n++ * 37) & 0xff;
        return array;
      },
    };
    const a = newKey(cryptoImpl);
    const b = newKey(cryptoImpl);
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
  });
});

describe('retry rules', () => {
  it('retries only when the request did not arrive or the server failed', () => {
    expect(isTransient(httpError(0))).toBe(true);
    expect(isTransient(httpError(500))).toBe(true);
    expect(isTransient(httpError(503))).toBe(true);
    expect(isTransient(httpError(400))).toBe(false);
    expect(isTransient(httpError(401))).toBe(false);
    expect(isTransient(httpError(409))).toBe(false);
    expect(isTransient(new Error('bug'))).toBe(false);
    // The first attempt reached the server and is still being processed: wait for its answer.
    expect(
      isTransient(
        new HttpErrorResponse({
          status: 409,
          error: { statusCode: 409, message: 'Validation déjà en cours : patientez un instant.', code: 'validation-in-progress' },
        }),
      ),
    ).toBe(true);
    // Decided by the code, not by the wording (which may be reworded).
    expect(
      isTransient(
        new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'Un instant…', code: 'validation-in-progress' } }),
      ),
    ).toBe(true);
    expect(
      isTransient(
        new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'Validation déjà en cours : patientez un instant.' } }),
      ),
    ).toBe(false);
    expect(isTransient(new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: "Aucun créneau aujourd'hui." } }))).toBe(
      false,
    );
  });

  it('waits 1 s, 2 s, 4 s, then 5 s each time', () => {
    const delays = [1000, 2000, 4000, 5000];
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, delays))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
  });
});

describe('sendWithRetry', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  /** An attempt function answering from a script: an error status, or 'ok'. */
  function scripted(script: (number | 'ok')[]) {
    const calls: number[] = [];
    const attempt = (): Observable<string> => {
      calls.push(Date.now());
      const next = script.shift();
      return next === 'ok' ? of('recorded') : throwError(() => httpError(next ?? 0));
    };
    return { attempt, calls };
  }

  it('tries again after transient failures with back-off, and stops at the first success', () => {
    const { attempt, calls } = scripted([0, 503, 0, 0, 'ok', 'ok']);
    const retries: [number, number][] = [];
    const results: string[] = [];
    sendWithRetry(attempt, [1000, 2000, 4000, 5000], (n, wait) => retries.push([n, wait])).subscribe((r) => results.push(r));
    expect(calls).toHaveLength(1);
    jest.advanceTimersByTime(999);
    expect(calls).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(calls).toHaveLength(2);
    jest.advanceTimersByTime(2000);
    expect(calls).toHaveLength(3);
    jest.advanceTimersByTime(4000);
    expect(calls).toHaveLength(4);
    jest.advanceTimersByTime(5000);
    expect(calls).toHaveLength(5);
    expect(results).toEqual(['recorded']);
    expect(retries).toEqual([
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [4, 5000],
    ]);
    jest.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(5);
  });

  it('gives up at once on a refusal (4xx)', () => {
    const { attempt, calls } = scripted([409]);
    let error: unknown = null;
    sendWithRetry(attempt, [1000]).subscribe({ error: (e: unknown) => (error = e) });
    expect(calls).toHaveLength(1);
    expect((error as HttpErrorResponse).status).toBe(409);
  });

  it('stops when unsubscribed ("Annuler")', () => {
    const { attempt, calls } = scripted([0, 0, 0, 0]);
    const sub: Subscription = sendWithRetry(attempt, [1000]).subscribe();
    jest.advanceTimersByTime(1000);
    expect(calls).toHaveLength(2);
    sub.unsubscribe();
    jest.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(2);
  });
});
