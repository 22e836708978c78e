import { HttpException, HttpStatus, Injectable } from '@nestjs/common';

const WINDOW_MS = 15 * 60_000;

/** Failed logins allowed per login from one address, and per address overall, in 15 minutes. */
export const MAX_FAILURES_PER_LOGIN = 10;
export const MAX_FAILURES_PER_IP = 100;
/** Password verifications (argon2, ~50 ms of CPU and 19 MiB each) running at once per login and per address. */
export const MAX_IN_FLIGHT_PER_LOGIN = 3;
export const MAX_IN_FLIGHT_PER_IP = 20;
/** Kiosk registrations per address. */
export const MAX_REGISTRATIONS_PER_IP = 10;
/** Reset mails per e-mail address and per client address. */
export const MAX_RESETS_PER_EMAIL = 5;
export const MAX_RESETS_PER_IP = 20;
/** Wrong current passwords per account before its sessions end. */
export const MAX_PASSWORD_CHECK_FAILURES = 5;
/** E-mail addresses found taken per client (address or account): limits probing for accounts. */
export const MAX_EMAIL_CONFLICTS = 10;

/**
 * A sliding window of events per key: at most `max` within 15 minutes. Events
 * can be reserved before the outcome is known and cancelled afterwards.
 */
class Window {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly max: number,
    private readonly now: () => number,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - WINDOW_MS;
    const list = (this.events.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.events.set(key, list);
    else this.events.delete(key);
    return list;
  }

  /** Seconds until one more event is allowed (0: allowed now). */
  wait(key: string): number {
    const list = this.recent(key);
    if (list.length < this.max) return 0;
    const oldestThatCounts = list[list.length - this.max];
    return Math.max(1, Math.ceil((oldestThatCounts + WINDOW_MS - this.now()) / 1000));
  }

  add(key: string): number {
    const t = this.now();
    this.events.set(key, [...this.recent(key), t]);
    if (this.events.size > 100_000) for (const k of [...this.events.keys()]) this.recent(k);
    return t;
  }

  /** Removes one event recorded at `t` (a reservation that turned out fine). */
  cancel(key: string, t: number): void {
    const list = this.events.get(key);
    const i = list?.indexOf(t) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  }

  clear(key: string): void {
    this.events.delete(key);
  }
}

/** How many of something run at once per key. */
class InFlight {
  private readonly running = new Map<string, number>();
  constructor(readonly max: number) {}
  tryEnter(key: string): boolean {
    const n = this.running.get(key) ?? 0;
    if (n >= this.max) return false;
    this.running.set(key, n + 1);
    return true;
  }
  leave(key: string): void {
    const n = (this.running.get(key) ?? 1) - 1;
    if (n > 0) this.running.set(key, n);
    else this.running.delete(key);
  }
}

export function tooManyRequests(message: string, retryAfter: number): HttpException {
  return new HttpException({ message, retryAfter }, HttpStatus.TOO_MANY_REQUESTS);
}

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m > 1 ? 's' : ''}`;
}

/** A login attempt that holds its place in the budgets until its outcome is known. */
export interface LoginReservation {
  /** The password was right: the attempt does not count, and the login's failures are forgiven. */
  succeeded(): void;
  /** The password was wrong: the attempt stays counted. */
  failed(): void;
}

/**
 * The throttles of the public doors, in memory (one process serves an
 * installation), one budget per purpose: a flood of "mot de passe oublié" must
 * not lock the logins of a centre whose kiosks share one address.
 *
 * Logins are keyed on login + address (a centre's kiosks share one address
 * behind NAT: one family mistyping must not lock out the others), with a looser
 * cap per address. An attempt is *reserved* before the password is verified
 * and released only if it was right, so that 200 concurrent wrong passwords
 * cannot all be verified before the first failure is counted.
 */
@Injectable()
export class LoginThrottle {
  private now: () => number = Date.now;
  private readonly clock = () => this.now();
  private readonly loginFailures = new Window(MAX_FAILURES_PER_LOGIN, this.clock);
  private readonly ipFailures = new Window(MAX_FAILURES_PER_IP, this.clock);
  private readonly loginsInFlight = new InFlight(MAX_IN_FLIGHT_PER_LOGIN);
  private readonly ipsInFlight = new InFlight(MAX_IN_FLIGHT_PER_IP);
  private readonly registrations = new Window(MAX_REGISTRATIONS_PER_IP, this.clock);
  private readonly resetsPerEmail = new Window(MAX_RESETS_PER_EMAIL, this.clock);
  private readonly resetsPerIp = new Window(MAX_RESETS_PER_IP, this.clock);
  private readonly passwordChecks = new Window(MAX_PASSWORD_CHECK_FAILURES, this.clock);
  private readonly emailConflicts = new Window(MAX_EMAIL_CONFLICTS, this.clock);

  /** For tests: a controllable clock. */
  useClock(now: () => number): void {
    this.now = now;
  }

  /**
   * Reserves a login attempt, or throws 429 when the login or the address has
   * spent its budget or has too many verifications running.
   */
  reserveLogin(login: string, ip: string): LoginReservation {
    const loginKey = `${login}|${ip}`;
    const wait = Math.max(this.loginFailures.wait(loginKey), this.ipFailures.wait(ip));
    if (wait > 0) throw tooManyRequests(`Trop de tentatives de connexion. Réessayez dans ${minutes(wait)}.`, wait);
    if (!this.loginsInFlight.tryEnter(loginKey)) throw tooManyRequests('Trop de tentatives de connexion en même temps. Réessayez dans un instant.', 2);
    if (!this.ipsInFlight.tryEnter(ip)) {
      this.loginsInFlight.leave(loginKey);
      throw tooManyRequests('Trop de tentatives de connexion en même temps. Réessayez dans un instant.', 2);
    }
    this.loginFailures.add(loginKey);
    const tIp = this.ipFailures.add(ip);
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      this.loginsInFlight.leave(loginKey);
      this.ipsInFlight.leave(ip);
      return true;
    };
    return {
      succeeded: () => {
        if (!settle()) return;
        this.loginFailures.clear(loginKey);
        this.ipFailures.cancel(ip, tIp);
      },
      failed: () => {
        settle();
      },
    };
  }

  /** One kiosk registration from `ip`, or 429. */
  registration(ip: string): void {
    const wait = this.registrations.wait(ip);
    if (wait > 0) throw tooManyRequests(`Trop d'inscriptions depuis cet appareil. Réessayez dans ${minutes(wait)}.`, wait);
    this.registrations.add(ip);
  }

  /** Whether a reset mail may be sent for `email` asked from `ip` (and counts it). */
  resetMailAllowed(email: string, ip: string): boolean {
    if (this.resetsPerEmail.wait(`${email}|${ip}`) > 0 || this.resetsPerIp.wait(ip) > 0) return false;
    this.resetsPerEmail.add(`${email}|${ip}`);
    this.resetsPerIp.add(ip);
    return true;
  }

  /** Seconds before `accountId` may try its current password again (0: now). */
  passwordCheckWait(accountId: number): number {
    return this.passwordChecks.wait(String(accountId));
  }

  /** Counts a wrong current password; true when the account has now spent its budget. */
  passwordCheckFailed(accountId: number): boolean {
    this.passwordChecks.add(String(accountId));
    return this.passwordChecks.wait(String(accountId)) > 0;
  }

  /** Throws 429 when `client` has met too many taken addresses lately. */
  assertEmailProbeAllowed(client: string): void {
    const wait = this.emailConflicts.wait(client);
    if (wait > 0) throw tooManyRequests(`Trop d'adresses e-mail déjà utilisées essayées. Réessayez dans ${minutes(wait)}.`, wait);
  }

  emailConflict(client: string): void {
    this.emailConflicts.add(client);
  }
}
