import { InjectionToken } from '@angular/core';

/** Durations of the kiosk and of the attendance sheet; a token so that tests can shorten them. */
export interface KioskTiming {
  /** Without a touch or a key for this long, a family page asks "Êtes-vous toujours là ?". */
  inactivityMs: number;
  /** Seconds the question waits before the family session is dropped. */
  countdownSeconds: number;
  /** How long the thank-you stays before the kiosk goes back to its home page. */
  thanksMs: number;
  /** How often the kiosk home page refreshes its status (counter, slot). */
  statusPollMs: number;
  /** Waits between attempts to send a validation; the last one repeats. */
  retryDelaysMs: readonly number[];
}

export const DEFAULT_KIOSK_TIMING: KioskTiming = {
  inactivityMs: 60_000,
  countdownSeconds: 15,
  thanksMs: 5_000,
  statusPollMs: 30_000,
  retryDelaysMs: [1_000, 2_000, 4_000, 5_000],
};

export const KIOSK_TIMING = new InjectionToken<KioskTiming>('KIOSK_TIMING', {
  providedIn: 'root',
  factory: () => DEFAULT_KIOSK_TIMING,
});
