import { HEALTH_DB_DEADLINE_MS, withinDeadline } from './health.controller';

/** The health check's bound on a database that does not answer (the HTTP side: health-stall.int-spec.ts). */
describe('withinDeadline', () => {
  it('says false once the deadline passes on a ping that never settles', async () => {
    const started = Date.now();
    await expect(withinDeadline(new Promise<boolean>(() => undefined), 100)).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes on the answer of a ping in time, and a failed ping as false', async () => {
    await expect(withinDeadline(Promise.resolve(true), 1000)).resolves.toBe(true);
    await expect(withinDeadline(Promise.resolve(false), 1000)).resolves.toBe(false);
    await expect(withinDeadline(Promise.reject(new Error('gone')), 1000)).resolves.toBe(false);
  });

  it('leaves the health check room to answer within 2 s', () => {
    expect(HEALTH_DB_DEADLINE_MS).toBeLessThanOrEqual(1500);
  });
});
