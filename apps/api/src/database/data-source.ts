import { Logger as NestLogger } from '@nestjs/common';
import { AfterQueryEvent, DataSource, DataSourceOptions, EntitySubscriberInterface } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MARIADB_MIGRATIONS } from './migrations/mariadb';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './naming-strategy';
import { SafeTypeOrmLogger } from './typeorm-logger';

export type Dialect = 'sqlite' | 'mariadb';

/** Queries slower than this are logged (both dialects). */
export const SLOW_QUERY_MS = 2000;
/**
 * MariaDB: a query without an answer for this long fails (mysql2 `timeout`), so
 * a stalled server holds a request for at most this long — then 503 — instead
 * of for the whole stall. Far above the slowest report query (≈1.5 s at
 * federation scale, docs/performance.md). DB_QUERY_TIMEOUT_MS changes it.
 */
export const DEFAULT_QUERY_TIMEOUT_MS = 20_000;
/** MariaDB: opening a connection (TCP + handshake) gives up after this long. */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Logs slow queries. TypeORM's own slow-query log shares its threshold with the
 * query timeout on MariaDB (`enableQueryTimeout`), so it is done here instead.
 */
class SlowQueryLog implements EntitySubscriberInterface {
  private readonly logger = new NestLogger('Database');

  afterQuery(event: AfterQueryEvent<unknown>): void {
    // A failed query is logged as such by SafeTypeOrmLogger.
    if (event.success && event.executionTime !== undefined && event.executionTime > SLOW_QUERY_MS) {
      this.logger.warn(`Slow query (${event.executionTime} ms): ${event.query.slice(0, 500)}`);
    }
  }
}

export interface DataSourceTuning {
  /**
   * Apply the per-query timeout (default true). Migrations run without it: an
   * ALTER TABLE on a large table may take minutes.
   */
  queryTimeout?: boolean;
  /**
   * The connection that runs the migrations (default false): failures are reported by
   * runMigrationsGuarded (migration-guard.ts), not logged query by query.
   */
  migrations?: boolean;
}

/**
 * TypeORM options for either dialect. `synchronize` is never used: the schema
 * comes from the migrations of each dialect (see docs/development.md).
 */
export function dataSourceOptions(db: AppConfig['db'], tuning: DataSourceTuning = {}): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    logger: new SafeTypeOrmLogger(tuning.migrations === true),
    logging: ['error' as const, 'warn' as const, 'migration' as const],
    subscribers: [SlowQueryLog],
  };
  if (db.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      // Explicit require: TypeORM loads drivers dynamically, which bundlers cannot see.
      driver: require('better-sqlite3'),
      migrations: SQLITE_MIGRATIONS,
      enableWAL: true,
      // TypeORM keeps 100 prepared statements by default; the hot paths use more.
      statementCacheSize: 1000,
      prepareDatabase: (handle: { pragma(sql: string): unknown }) => {
        handle.pragma('foreign_keys = ON');
        handle.pragma('busy_timeout = 5000');
        handle.pragma('synchronous = NORMAL');
      },
    };
  }
  const queryTimeoutMs = tuning.queryTimeout === false ? 0 : (db.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
  return {
    ...common,
    type: 'mariadb',
    url: db.url,
    driver: require('mysql2'),
    connectorPackage: 'mysql2',
    migrations: MARIADB_MIGRATIONS,
    // Instants are stored in UTC whatever the time zone of the server or of the process.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    // TypeORM passes maxQueryExecutionTime to mysql2 as the query's `timeout` when enableQueryTimeout is set.
    ...(queryTimeoutMs > 0 ? { enableQueryTimeout: true, maxQueryExecutionTime: queryTimeoutMs } : {}),
    extra: { connectionLimit: 20, connectTimeout: CONNECT_TIMEOUT_MS },
  };
}

export function createDataSource(db: AppConfig['db'], tuning: DataSourceTuning = {}): DataSource {
  return new DataSource(dataSourceOptions(db, tuning));
}

export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb';
}
