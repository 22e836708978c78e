import { InjectionToken } from '@angular/core';
import { toLocalDate } from './french-date-adapter';

/**
 * Today's calendar date ('YYYY-MM-DD') on the device's clock: ages shown live
 * and the latest allowed birth date. A token so that tests can fix the day.
 */
export const TODAY = new InjectionToken<() => string>('TODAY', {
  providedIn: 'root',
  factory: () => () => toLocalDate(new Date()),
});
