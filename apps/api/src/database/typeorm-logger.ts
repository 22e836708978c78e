import { Logger as NestLogger } from '@nestjs/common';
import { Logger, QueryRunner } from 'typeorm';
import { isLostRace } from './driver-errors';

/**
 * TypeORM's console logger prints the parameters of a failed query, i.e.
 * names, e-mails or password hashes. This one logs the SQL text and the error
 * only. Failures that the API turns into a 4xx (unique or foreign-key
 * violations) are not errors of the server: they are logged at debug level.
 */
export class SafeTypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  /**
   * @param migrating for the connection that runs the migrations at start-up: a failed
   * query or migration is not logged here, since runMigrationsGuarded reports it (with
   * its SQL) in the one line that says whether the database was left as it was.
   */
  constructor(private readonly migrating = false) {}

  logQuery(): void {
    /* queries are not logged */
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (this.migrating) return;
    const message = typeof error === 'string' ? error : error.message;
    if (/UNIQUE|FOREIGN KEY|Duplicate entry|foreign key constraint/i.test(message)) {
      this.logger.debug(`Constraint refused a write: ${message}`);
      return;
    }
    // Deadlocks and their kin roll the statement back whole and are run again by the caller
    // (Database.transaction, the check-in): a warning, not an error. One that is not retried
    // in the end reaches the exception filter, which logs it as an error.
    if (typeof error !== 'string' && isLostRace(error)) {
      this.logger.warn(`Lost race, to be retried: ${message} -- ${query.slice(0, 200)}`);
      return;
    }
    this.logger.error(`Query failed: ${message} -- ${query.slice(0, 500)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Slow query (${time} ms): ${query.slice(0, 500)}`);
  }

  logSchemaBuild(): void {
    /* silent */
  }

  logMigration(message: string): void {
    if (this.migrating) return;
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
