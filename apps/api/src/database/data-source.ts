import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MARIADB_MIGRATIONS } from './migrations/mariadb';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { SnakeNamingStrategy } from './naming-strategy';
import { SafeTypeOrmLogger } from './typeorm-logger';

export type Dialect = 'sqlite' | 'mariadb';

/**
 * TypeORM options for either dialect. `synchronize` is never used: the schema
 * comes from the migrations of each dialect (see docs/development.md).
 */
export function dataSourceOptions(db: AppConfig['db']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    logger: new SafeTypeOrmLogger(),
    logging: ['error' as const, 'warn' as const, 'migration' as const],
    maxQueryExecutionTime: 2000,
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
    extra: { connectionLimit: 20, connectTimeout: 5000 },
  };
}

export function createDataSource(db: AppConfig['db']): DataSource {
  return new DataSource(dataSourceOptions(db));
}

export function dialectOf(dataSource: DataSource): Dialect {
  return dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb';
}
