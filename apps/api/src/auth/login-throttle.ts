import { Injectable } from '@nestjs/common';

const WINDOW_MS = 15 * 60_000;
/** Failed attempts allowed per login from one address, and per address overall, in 15 minutes. */
export const MAX_FAILURES_PER_LOGIN = 10;
export const MAX_FAILURES_PER_IP = 100;

/**
 * Counts failed logins in memory (one process serves an installation). Keyed on
 * login + IP, because a whole centre's kiosks share one address behind NAT: one
 * family mistyping must not lock out the others. A looser per-IP cap stops a
 * machine trying many logins.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private now: () => number = Date.now;

  /** For tests: a controllable clock. */
  useClock(now: () => number): void {
    this.now = now;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before trying again, or 0 when allowed. */
  retryAfter(login: string, ip: string): number {
    const checks: [string, number][] = [
      [`l:${login}|${ip}`, MAX_FAILURES_PER_LOGIN],
      [`i:${ip}`, MAX_FAILURES_PER_IP],
    ];
    let wait = 0;
    for (const [key, max] of checks) {
      const list = this.recent(key);
      if (list.length >= max) {
        const oldestThatCounts = list[list.length - max];
        wait = Math.max(wait, Math.ceil((oldestThatCounts + WINDOW_MS - this.now()) / 1000));
      }
    }
    return wait;
  }

  fail(login: string, ip: string): void {
    const t = this.now();
    for (const key of [`l:${login}|${ip}`, `i:${ip}`]) this.failures.set(key, [...this.recent(key), t]);
    if (this.failures.size > 100_000) this.prune();
  }

  succeed(login: string, ip: string): void {
    this.failures.delete(`l:${login}|${ip}`);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
