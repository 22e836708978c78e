import { ConsoleLogger, INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { jsonParseErrors } from '../common/http-exception.filter';
import { frenchValidationPipe } from '../common/validation';
import { AppConfig, prepareDataDir } from '../config/config';
import { dropConnectionsAfterQueryTimeout } from '../database/query-timeout';
import { createDataSource } from '../database/data-source';
import { runMigrationsGuarded } from '../database/migration-guard';
import { serveWeb } from '../web/serve-web';
import { AppModule } from './app.module';

/**
 * SQLite opens a file it may not write read-only without a word, and then every
 * write fails: try one (a header write, rolled back) so that the start fails
 * instead, with SQLITE_READONLY (see startup-errors.ts).
 */
async function probeSqliteWrite(dataSource: DataSource): Promise<void> {
  const rows: { user_version: number }[] = await dataSource.query('PRAGMA user_version');
  const version = Number(rows[0]?.user_version ?? 0);
  await dataSource.query('BEGIN IMMEDIATE');
  try {
    await dataSource.query(`PRAGMA user_version = ${version}`);
  } finally {
    await dataSource.query('ROLLBACK');
  }
}

/** How long a replica waits for another one's migrations before giving up (it is then restarted by its supervisor). */
export const MIGRATION_LOCK_WAIT_S = 60;

/**
 * Several replicas may start at once on one MariaDB database (decision 10):
 * the migrations run in one of them while the others wait on a named lock,
 * then find nothing left to do. The lock is per database (two installations
 * on one server do not wait for each other) and belongs to one connection:
 * should the process die, the server releases it. SQLite is opened by one
 * process, whose migrations need no lock.
 */
async function underMigrationLock(ds: DataSource, work: () => Promise<unknown>): Promise<void> {
  if (ds.options.type === 'sqlite' || ds.options.type === 'better-sqlite3') {
    await work();
    return;
  }
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    const [{ db }]: { db: string }[] = await runner.query('SELECT DATABASE() AS db');
    const name = `pointage_migrations:${db}`.slice(0, 64);
    const [{ got }]: { got: number | string | null }[] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [name, MIGRATION_LOCK_WAIT_S]);
    if (Number(got) !== 1) {
      throw new Error(
        `une autre instance de Pointage applique les migrations de la base « ${db} » depuis plus de ${MIGRATION_LOCK_WAIT_S} s : relancez celle-ci une fois la première démarrée.`,
      );
    }
    try {
      await work();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/**
 * Opens the database of either dialect and brings its schema up to date.
 * Migrations run on a connection of their own without the per-query timeout
 * (an ALTER TABLE on a large table may take minutes); the data source returned
 * has it. A migration that fails leaves the database as it was before it
 * (database/migration-guard.ts) and throws a MigrationFailedError whose message
 * is the line to show.
 */
export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const migrator = createDataSource(config.db, { queryTimeout: false, migrations: true });
  try {
    await migrator.initialize();
    await underMigrationLock(migrator, () => runMigrationsGuarded(migrator));
  } finally {
    if (migrator.isInitialized) await migrator.destroy().catch(() => undefined);
  }
  const dataSource = createDataSource(config.db);
  try {
    await dataSource.initialize();
    if (config.db.type === 'mariadb') dropConnectionsAfterQueryTimeout(dataSource);
    if (config.db.type === 'sqlite') await probeSqliteWrite(dataSource);
    return dataSource;
  } catch (e) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    throw e;
  }
}

function logLevels(config: AppConfig): LogLevel[] {
  return config.env === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'];
}

export function openApiDocument(app: INestApplication) {
  const doc = new DocumentBuilder()
    .setTitle('Pointage API')
    .setDescription('Attendance and statistics for ludothèques. Errors: {statusCode, message} with a French message.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}

/** Builds the fully configured Nest application (not listening yet). Used by main.ts and by the tests. */
export async function createApp(config: AppConfig, dataSource: DataSource): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, dataSource), APP_OPTIONS);
  return configureApp(app, config);
}

/** Options of the Nest application, also used by tests that build it through Nest's testing module. */
export const APP_OPTIONS = { logger: ['error', 'warn'] as LogLevel[], abortOnError: false };

/** Prefix, proxy trust, security headers, web root, validation, API docs, then init(). */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<NestExpressApplication> {
  app.setGlobalPrefix('api');
  // A number of hops or the proxies' addresses, never `true`: see TrustProxy in config.ts.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular and Material inject component styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'self'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // The site may run over plain http on a centre's local network.
      strictTransportSecurity: config.publicUrl.startsWith('https:'),
    }),
  );
  if (config.webRoot) app.use(serveWeb(config.webRoot));
  // The JSON parser registered here rather than by init(), so that its failures get our French message.
  app.useBodyParser('json');
  app.use(jsonParseErrors);
  app.useGlobalPipes(frenchValidationPipe());
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    customSiteTitle: 'Pointage API',
  });
  await app.init();
  // Quiet start-up (no list of mapped routes), then one line per request.
  app.useLogger(new ConsoleLogger({ prefix: 'Pointage', logLevels: logLevels(config) }));
  for (const warning of config.warnings) new Logger('Configuration').warn(warning);
  return app;
}

/** Fails early, before touching the database, when the port is taken. */
function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export interface RunningServer {
  app: NestExpressApplication;
  dataSource: DataSource;
  url: string;
  /**
   * Stops accepting connections, closes idle keep-alive connections, answers the
   * requests in flight with `Connection: close`, cuts what is still open after
   * SHUTDOWN_DRAIN_MS, then closes the application and the database.
   */
  close(): Promise<void>;
}

/** How long requests in flight get to finish on SIGTERM before their connections are cut. */
export const SHUTDOWN_DRAIN_MS = 10_000;

/**
 * Keep-alive connections would otherwise keep being served after SIGTERM
 * (a kiosk polling every few seconds keeps its connection busy, so
 * server.close() never sees it idle) until the forced exit. While stopping,
 * every response says `Connection: close` and each connection is closed as
 * soon as it is idle.
 */
function drainOnClose(server: HttpServer): { stop(deadlineMs: number): Promise<void> } {
  let stopping = false;
  const inFlight = new Set<ServerResponse>();
  const onRequest = (_req: IncomingMessage, res: ServerResponse) => {
    if (stopping) res.setHeader('Connection', 'close');
    inFlight.add(res);
    const done = () => inFlight.delete(res);
    res.once('finish', done);
    res.once('close', done);
  };
  // Before Express's own listener, so that the header is set before any answer.
  server.prependListener('request', onRequest);
  return {
    stop: async (deadlineMs: number) => {
      stopping = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
      await Promise.race([closed, late]);
      clearTimeout(timer);
      // Whatever is still open (a stuck upload, a client that ignores Connection: close).
      server.closeAllConnections();
      await closed;
    },
  };
}

export async function startServer(config: AppConfig): Promise<RunningServer> {
  prepareDataDir(config);
  await assertPortFree(config.host, config.port);
  const dataSource = await openDatabase(config);
  let app: NestExpressApplication;
  try {
    app = await createApp(config, dataSource);
    await app.listen(config.port, config.host);
  } catch (e) {
    await dataSource.destroy().catch(() => undefined);
    throw e;
  }
  const localUrl = `http://localhost:${config.port}`;
  const drain = drainOnClose(app.getHttpServer() as HttpServer);
  let closing: Promise<void> | null = null;
  return {
    app,
    dataSource,
    url: localUrl,
    close: () =>
      (closing ??= (async () => {
        await drain.stop(SHUTDOWN_DRAIN_MS);
        await app.close();
        if (dataSource.isInitialized) await dataSource.destroy();
      })()),
  };
}
