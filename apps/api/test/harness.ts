import { Global, InjectionToken, Module } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app/app.module';
import { APP_OPTIONS, configureApp, createApp, openDatabase } from '../src/app/bootstrap';
import { AppConfig, loadConfig, prepareDataDir } from '../src/config/config';
import { createTempDatabase, TempDatabase } from './mariadb';

export type TestDialect = 'sqlite' | 'mariadb';

/** The super-admin every test app starts with. */
export const SUPER_ADMIN = { email: 'federation@test.local', password: 'une phrase de passe fédération' };

/** The dialect of this run: the test runner runs the integration suite once per dialect. */
export function testDialect(): TestDialect {
  const d = process.env['DB_TYPE'] ?? 'sqlite';
  if (d !== 'sqlite' && d !== 'mariadb') throw new Error(`DB_TYPE=${d} is not a test dialect`);
  return d;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  dialect: TestDialect;
  /** supertest agent bound to the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * A provider replaced for a test: `provide` is a provider of the application
 * (replaced with Nest's overrideProvider) or an optional injection token that
 * production leaves unprovided (e.g. THROTTLE_TIME), provided here.
 */
export interface ProviderOverride {
  provide: InjectionToken;
  useValue: unknown;
}

/** The application, with providers replaced when asked (then built through Nest's testing module). */
async function buildApp(config: AppConfig, dataSource: DataSource, overrides: ProviderOverride[]): Promise<NestExpressApplication> {
  if (overrides.length === 0) return createApp(config, dataSource);
  @Global()
  @Module({ providers: overrides, exports: overrides.map((o) => o.provide) })
  class TestProviders {}
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, dataSource), TestProviders] });
  for (const o of overrides) builder = builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder.compile();
  return configureApp(moduleRef.createNestApplication<NestExpressApplication>(APP_OPTIONS), config);
}

/**
 * Starts the real application on a fresh database of the run's dialect (a temp
 * SQLite file, or a new MariaDB database dropped on close) and a temp DATA_DIR.
 * `overrides` replace providers (e.g. a time source), as Nest's overrideProvider;
 * `options.mariadbCollation` the MariaDB database's default collation.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  overrides: ProviderOverride[] = [],
  options: { mariadbCollation?: string } = {},
): Promise<TestApp> {
  const dialect = testDialect();
  const dataDir = mkdtempSync(join(tmpdir(), 'pointage-it-'));
  let tempDb: TempDatabase | null = null;
  if (dialect === 'mariadb') tempDb = await createTempDatabase('it', options.mariadbCollation);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DB_TYPE: dialect,
    DATABASE_URL: tempDb?.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    MAIL_TRANSPORT: 'file',
    WEB_ROOT: join(dataDir, 'no-web'),
    POINTAGE_MODE: 'federation',
    POINTAGE_SUPERADMIN_EMAIL: SUPER_ADMIN.email,
    POINTAGE_SUPERADMIN_PASSWORD: SUPER_ADMIN.password,
    ...env,
  });
  prepareDataDir(config);
  let dataSource: DataSource | null = null;
  try {
    dataSource = await openDatabase(config);
    const app = await buildApp(config, dataSource, overrides);
    const server = app.getHttpServer();
    const ds = dataSource;
    return {
      app,
      config,
      dataSource: ds,
      dialect,
      http: () => request(server),
      close: async () => {
        await app.close();
        if (ds.isInitialized) await ds.destroy();
        await tempDb?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await tempDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
