import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Dialect, dialectOf } from './data-source';
import { driverCode, isLostRace, retrying } from './driver-errors';

/**
 * The one way to write to the database.
 *
 * SQLite has a single connection: two interleaved `transaction()` calls would
 * collide ("cannot start a transaction within a transaction", typeorm #8668) or,
 * worse, a plain write could land inside another request's transaction and be
 * rolled back with it. So on SQLite every write transaction waits its turn in a
 * queue. On MariaDB transactions run concurrently and a deadlock is retried.
 */
@Injectable()
export class Database {
  private readonly logger = new Logger(Database.name);
  readonly dialect: Dialect;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource);
  }

  /** Read-only access outside of a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      const run = this.queue.then(() => this.dataSource.transaction(work));
      // Keep the queue going whatever the outcome of this transaction.
      this.queue = run.catch(() => undefined);
      return run;
    }
    return retrying(() => this.dataSource.transaction(work), {
      attempts: 4,
      when: isLostRace,
      onRetry: (e, attempt) => this.logger.warn(`Transaction retried after ${driverCode(e)} (attempt ${attempt})`),
    });
  }

  /**
   * For work that is atomic by itself (a single multi-row INSERT): no
   * BEGIN/COMMIT round trips. On MariaDB it runs in autocommit on a pooled
   * connection. On SQLite it still waits its turn in the write queue — run
   * outside it, it would land inside another request's open transaction — and
   * then runs as one autocommit statement.
   */
  async atomic<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      const run = this.queue.then(() => work(this.dataSource.manager));
      this.queue = run.catch(() => undefined);
      return run;
    }
    return work(this.dataSource.manager);
  }

  /**
   * Several reads that must see the same data (a report whose figures must add
   * up). On MariaDB: a read-only transaction with a consistent snapshot on one
   * pooled connection, concurrent with writers. On SQLite the reads wait their
   * turn in the write queue, so no write lands between two of them.
   */
  async readSnapshot<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'sqlite') {
      const run = this.queue.then(() => work(this.dataSource.manager));
      this.queue = run.catch(() => undefined);
      return run;
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT');
      try {
        return await work(runner.manager);
      } finally {
        await runner.query('COMMIT');
      }
    } finally {
      await runner.release();
    }
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
