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

/**
 * Browser tests shorten the delays of the built app by setting
 * `window.__pointageKioskTiming` before it starts (an init script); only
 * positive numbers are taken, anything else keeps the defaults.
 */
export const KIOSK_TIMING_OVERRIDE = '__pointageKioskTiming';

export function kioskTimingFrom(override: unknown): KioskTiming {
  if (!override || typeof override !== 'object') return DEFAULT_KIOSK_TIMING;
  const o = override as Record<string, unknown>;
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback);
  const delays = Array.isArray(o['retryDelaysMs']) && o['retryDelaysMs'].length ? o['retryDelaysMs'].map((v) => num(v, 1000)) : null;
  return {
    inactivityMs: num(o['inactivityMs'], DEFAULT_KIOSK_TIMING.inactivityMs),
    countdownSeconds: num(o['countdownSeconds'], DEFAULT_KIOSK_TIMING.countdownSeconds),
    thanksMs: num(o['thanksMs'], DEFAULT_KIOSK_TIMING.thanksMs),
    statusPollMs: num(o['statusPollMs'], DEFAULT_KIOSK_TIMING.statusPollMs),
    retryDelaysMs: delays ?? DEFAULT_KIOSK_TIMING.retryDelaysMs,
  };
}

export const KIOSK_TIMING = new InjectionToken<KioskTiming>('KIOSK_TIMING', {
  providedIn: 'root',
  factory: () => kioskTimingFrom((globalThis as Record<string, unknown>)[KIOSK_TIMING_OVERRIDE]),
});
