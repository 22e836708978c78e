import { DestroyRef, Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { BehaviorSubject, EMPTY, Observable, catchError, combineLatest, finalize, of, switchMap, tap } from 'rxjs';
import { apiErrorMessage } from './api-error';

/**
 * What a page shows of data it loads from the API. The one way pages load
 * (issue 15): a component never subscribes to a GET itself, it asks for an
 * `apiResource` and reads its signals in the template.
 */
export interface ApiResource<T> {
  /**
   * The last value loaded. Kept while the next one loads (a table keeps its rows
   * under the progress bar), `undefined` before the first answer, while the
   * parameters are `undefined`, and after a failure.
   */
  readonly value: Signal<T | undefined>;
  /** A request is on its way. */
  readonly loading: Signal<boolean>;
  /** The French sentence of the last failure (from the API's message), or null. */
  readonly error: Signal<string | null>;
  /** Asks again with the same parameters (after a change made elsewhere). */
  reload(): void;
  /** Shows a value the page already has (the answer of a save) without asking the API. */
  set(value: T): void;
}

/** Loads once, when the component is made. */
export function apiResource<T>(load: () => Observable<T>): ApiResource<T>;
/**
 * Loads whenever `params` changes (a newer request cancels the one on its way);
 * `undefined` parameters mean "nothing to load" (an empty search, no structure chosen).
 */
export function apiResource<P, T>(params: () => P | undefined, load: (params: P) => Observable<T>): ApiResource<T>;
export function apiResource<P, T>(
  first: (() => P | undefined) | (() => Observable<T>),
  second?: (params: P) => Observable<T>,
): ApiResource<T> {
  const value = signal<T | undefined>(undefined);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const reloads = new BehaviorSubject<void>(undefined);
  // Without parameters the request leaves at once (as a subscription in the constructor did);
  // with them, on the first change detection and at every change after (toObservable).
  const params$: Observable<P | undefined> = second ? toObservable(computed(first as () => P | undefined)) : of(true as P);
  const load = second ?? (first as () => Observable<T>);

  combineLatest([params$, reloads])
    .pipe(
      switchMap(([params]) => {
        if (params === undefined) {
          value.set(undefined);
          error.set(null);
          return EMPTY;
        }
        loading.set(true);
        error.set(null);
        return load(params).pipe(
          tap((v) => value.set(v)),
          catchError((err: unknown) => {
            value.set(undefined);
            error.set(apiErrorMessage(err));
            return EMPTY;
          }),
          finalize(() => loading.set(false)),
        );
      }),
      takeUntilDestroyed(inject(DestroyRef)),
    )
    .subscribe();

  return {
    value: value.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    reload: () => reloads.next(),
    set: (v: T) => {
      value.set(v);
      error.set(null);
    },
  };
}
