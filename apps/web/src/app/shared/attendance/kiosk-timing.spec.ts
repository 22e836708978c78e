import { DEFAULT_KIOSK_TIMING, kioskTimingFrom } from './kiosk-timing';

describe('kioskTimingFrom', () => {
  it('keeps the defaults without an override, and takes only positive numbers from one', () => {
    expect(kioskTimingFrom(undefined)).toBe(DEFAULT_KIOSK_TIMING);
    expect(kioskTimingFrom('vite')).toBe(DEFAULT_KIOSK_TIMING);
    expect(kioskTimingFrom({ inactivityMs: 2000, countdownSeconds: 3, thanksMs: -1, statusPollMs: 'x' })).toEqual({
      ...DEFAULT_KIOSK_TIMING,
      inactivityMs: 2000,
      countdownSeconds: 3,
    });
    expect(kioskTimingFrom({ retryDelaysMs: [10, 0] }).retryDelaysMs).toEqual([10, 1000]);
  });
});
