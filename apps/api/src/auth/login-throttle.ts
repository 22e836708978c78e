import { HttpException, HttpStatus, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { ThrottleEvent } from './entities/throttle-event.entity';
import { rawInstant, sqlInstant } from '../database/raw-values';
import { french } from '../common/errors';

const WINDOW_MS = 15 * 60_000;

/** The instants the throttle writes to and compares in the database, in ms since the epoch. */
export interface ThrottleTime {
  now(): number;
}

/**
 * Injection token of the throttle's time source (an optional dependency of
 * LoginThrottle). Nothing provides it in production, so LoginThrottle uses the
 * system clock (Date.now); the tests that move past a window provide their own
 * (startTestApp's overrides, test/harness.ts).
 */
export const THROTTLE_TIME = Symbol('THROTTLE_TIME');

const SYSTEM_TIME: ThrottleTime = { now: () => Date.now() };

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
  return new HttpException(french(message, { retryAfter }), HttpStatus.TOO_MANY_REQUESTS);
}

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} minute${m > 1 ? 's' : ''}`;
}

/** A login attempt that holds its place in the budgets until its outcome is known. */
export interface LoginReservation {
  /** The password was right (or the database failed): the attempt does not count, and the login's failures are forgiven. */
  succeeded(): Promise<void>;
  /** The password was wrong: the attempt stays counted. */
  failed(): void;
}

/** A budget: at most `max` events per key within the window. */
interface Budget {
  bucket: string;
  max: number;
}

const LOGIN: Budget = { bucket: 'login', max: MAX_FAILURES_PER_LOGIN };
const LOGIN_IP: Budget = { bucket: 'login-ip', max: MAX_FAILURES_PER_IP };
const REGISTRATION: Budget = { bucket: 'registration', max: MAX_REGISTRATIONS_PER_IP };
const RESET_EMAIL: Budget = { bucket: 'reset-email', max: MAX_RESETS_PER_EMAIL };
const RESET_IP: Budget = { bucket: 'reset-ip', max: MAX_RESETS_PER_IP };
const PASSWORD_CHECK: Budget = { bucket: 'password-check', max: MAX_PASSWORD_CHECK_FAILURES };
const EMAIL_CONFLICT: Budget = { bucket: 'email-conflict', max: MAX_EMAIL_CONFLICTS };

/** Old events and key rows are deleted at most this often per process. */
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * The throttles of the public doors, one budget per purpose: a flood of "mot
 * de passe oublié" must not lock the logins of a centre whose kiosks share one
 * address. The sliding windows live in the database (`throttle_event`), so that
 * every replica of the API counts the same attempts (decision 10); only the
 * cap on verifications running at once is per process.
 *
 * Logins are keyed on login + address (a centre's kiosks share one address
 * behind NAT: one family mistyping must not lock out the others), with a looser
 * cap per address. An attempt is *reserved* before the password is verified
 * and released only if it was right, so that 200 concurrent wrong passwords
 * cannot all be verified before the first failure is counted. Counting and
 * adding happen in one transaction holding the key's `throttle_key` row
 * (MariaDB), or in SQLite's write queue (one process).
 *
 * Keys are stored as an HMAC-SHA-256 keyed with the JWT secret (shared by the
 * replicas): no login or address in clear, and not reversible by hashing every
 * IPv4 address.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly loginsInFlight = new InFlight(MAX_IN_FLIGHT_PER_LOGIN);
  private readonly ipsInFlight = new InFlight(MAX_IN_FLIGHT_PER_IP);
  private lastPrune = 0;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(THROTTLE_TIME) private readonly time: ThrottleTime = SYSTEM_TIME,
  ) {}

  private now(): number {
    return this.time.now();
  }

  private hash(key: string): string {
    return createHmac('sha256', this.config.jwt.secret).update(`pointage-throttle|${key}`).digest('hex');
  }

  /**
   * Holds the key's row until the transaction ends, so that another replica's
   * count-and-add of the same key waits. SQLite needs none: its write
   * transactions run one at a time (Database.transaction).
   */
  private async lock(em: EntityManager, budget: Budget, keyHash: string, now: number): Promise<void> {
    if (this.db.dialect !== 'mariadb') return;
    await em.query('INSERT INTO throttle_key (bucket, key_hash, at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE at = VALUES(at)', [
      budget.bucket,
      keyHash,
      sqlInstant(now),
    ]);
  }

  /** Seconds until one more event of `budget` is allowed for the key (0: allowed now). */
  private async wait(em: EntityManager, budget: Budget, keyHash: string, now: number): Promise<number> {
    // The max-th most recent event within the window, if there are that many.
    const rows: { at: Date | string }[] = await em.query(
      'SELECT at FROM throttle_event WHERE bucket = ? AND key_hash = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?',
      [budget.bucket, keyHash, sqlInstant(now - WINDOW_MS), budget.max - 1],
    );
    if (rows.length === 0) return 0;
    return Math.max(1, Math.ceil((rawInstant(rows[0].at).getTime() + WINDOW_MS - now) / 1000));
  }

  private async add(em: EntityManager, budget: Budget, keyHash: string, now: number): Promise<number> {
    const result = await em.insert(ThrottleEvent, { bucket: budget.bucket, keyHash, at: new Date(now) });
    return Number(result.identifiers[0]['id']);
  }

  /** Counts and adds in one transaction, under the lock of `lockOn` (a key that every other key of the call contains). */
  private async withLock<T>(lockOn: [Budget, string], work: (em: EntityManager, now: number) => Promise<T>): Promise<T> {
    // Not awaited: pruning is housekeeping, and a request must not wait for it (nor for its
    // timeout when the database is stalled). It logs its own failure.
    void this.prune();
    return this.db.transaction(async (em) => {
      const now = this.now();
      await this.lock(em, lockOn[0], lockOn[1], now);
      return work(em, now);
    });
  }

  private read(budget: Budget, keyHash: string): Promise<number> {
    return this.wait(this.db.manager, budget, keyHash, this.now());
  }

  /** Deletes the events out of every window, and the key rows unused as long, at most every few minutes per process. */
  private async prune(): Promise<void> {
    const now = this.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS && now >= this.lastPrune) return;
    this.lastPrune = now;
    const cutoff = sqlInstant(now - WINDOW_MS);
    try {
      await this.db.atomic((em) => em.query('DELETE FROM throttle_event WHERE at <= ?', [cutoff]));
      await this.db.atomic((em) => em.query('DELETE FROM throttle_key WHERE at <= ?', [cutoff]));
    } catch (e) {
      // Another replica pruning at the same moment, or a database outage the request itself will meet: try again later.
      this.logger.warn(`Throttle pruning skipped: ${(e as Error).message}`);
    }
  }

  /**
   * Reserves a login attempt, or throws 429 when the login or the address has
   * spent its budget or has too many verifications running (in this process).
   */
  async reserveLogin(login: string, ip: string): Promise<LoginReservation> {
    const loginKey = `${login}|${ip}`;
    if (!this.loginsInFlight.tryEnter(loginKey))
      throw tooManyRequests('Trop de tentatives de connexion en même temps. Réessayez dans un instant.', 2);
    if (!this.ipsInFlight.tryEnter(ip)) {
      this.loginsInFlight.leave(loginKey);
      throw tooManyRequests('Trop de tentatives de connexion en même temps. Réessayez dans un instant.', 2);
    }
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      this.loginsInFlight.leave(loginKey);
      this.ipsInFlight.leave(ip);
      return true;
    };
    const loginHash = this.hash(`login|${loginKey}`);
    const ipHash = this.hash(`ip|${ip}`);
    let ipEvent: number;
    try {
      // The address's row is the lock: the login key contains the address.
      ipEvent = await this.withLock([LOGIN_IP, ipHash], async (em, now) => {
        const wait = Math.max(await this.wait(em, LOGIN, loginHash, now), await this.wait(em, LOGIN_IP, ipHash, now));
        if (wait > 0) throw tooManyRequests(`Trop de tentatives de connexion. Réessayez dans ${minutes(wait)}.`, wait);
        await this.add(em, LOGIN, loginHash, now);
        return this.add(em, LOGIN_IP, ipHash, now);
      });
    } catch (e) {
      settle();
      throw e;
    }
    return {
      succeeded: async () => {
        if (!settle()) return;
        try {
          // One statement, atomic by itself: no BEGIN/COMMIT round trips.
          await this.db.atomic((em) =>
            em.query('DELETE FROM throttle_event WHERE id = ? OR (bucket = ? AND key_hash = ?)', [ipEvent, LOGIN.bucket, loginHash]),
          );
        } catch (e) {
          // Not forgiving errs on the safe side (the attempt stays counted).
          this.logger.warn(`Login reservation not released: ${(e as Error).message}`);
        }
      },
      failed: () => {
        settle();
      },
    };
  }

  /** One kiosk registration from `ip`, or 429. */
  async registration(ip: string): Promise<void> {
    const key = this.hash(`ip|${ip}`);
    await this.withLock([REGISTRATION, key], async (em, now) => {
      const wait = await this.wait(em, REGISTRATION, key, now);
      if (wait > 0) throw tooManyRequests(`Trop d'inscriptions depuis cet appareil. Réessayez dans ${minutes(wait)}.`, wait);
      await this.add(em, REGISTRATION, key, now);
    });
  }

  /** Whether a reset mail may be sent for `email` asked from `ip` (and counts it). */
  async resetMailAllowed(email: string, ip: string): Promise<boolean> {
    const emailKey = this.hash(`email|${email}|${ip}`);
    const ipKey = this.hash(`ip|${ip}`);
    return this.withLock([RESET_IP, ipKey], async (em, now) => {
      if ((await this.wait(em, RESET_EMAIL, emailKey, now)) > 0 || (await this.wait(em, RESET_IP, ipKey, now)) > 0) return false;
      await this.add(em, RESET_EMAIL, emailKey, now);
      await this.add(em, RESET_IP, ipKey, now);
      return true;
    });
  }

  /** Seconds before `accountId` may try its current password again (0: now). */
  passwordCheckWait(accountId: number): Promise<number> {
    return this.read(PASSWORD_CHECK, this.hash(`account|${accountId}`));
  }

  /** Counts a wrong current password; true when the account has now spent its budget. */
  async passwordCheckFailed(accountId: number): Promise<boolean> {
    const key = this.hash(`account|${accountId}`);
    return this.withLock([PASSWORD_CHECK, key], async (em, now) => {
      await this.add(em, PASSWORD_CHECK, key, now);
      return (await this.wait(em, PASSWORD_CHECK, key, now)) > 0;
    });
  }

  /** Throws 429 when `client` has met too many taken addresses lately. */
  async assertEmailProbeAllowed(client: string): Promise<void> {
    const wait = await this.read(EMAIL_CONFLICT, this.hash(`client|${client}`));
    if (wait > 0) throw tooManyRequests(`Trop d'adresses e-mail déjà utilisées essayées. Réessayez dans ${minutes(wait)}.`, wait);
  }

  async emailConflict(client: string): Promise<void> {
    const key = this.hash(`client|${client}`);
    await this.withLock([EMAIL_CONFLICT, key], (em, now) => this.add(em, EMAIL_CONFLICT, key, now));
  }
}
