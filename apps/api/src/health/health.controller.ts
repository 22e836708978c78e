import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@pointage/contracts';
import { Public } from '../common/access.decorators';
import { type AppConfig, sqliteFileNotWritable } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { french } from '../common/errors';

/**
 * How long the health check waits for the database. Docker's HEALTHCHECK and
 * load balancers want an answer in a bounded time: a stalled database (the
 * server frozen, the network silently dropping packets) is reported as down
 * within 2 s, not after the query timeout.
 */
export const HEALTH_DB_DEADLINE_MS = 1500;

/** Resolves false when the ping has not answered true within `ms` (the ping itself goes on and is ignored). */
export function withinDeadline(ping: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([ping.catch(() => false), late]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database check (used by Docker HEALTHCHECK); answers within 2 s.' })
  async check(): Promise<HealthResponse> {
    if (!(await withinDeadline(this.db.ping(), HEALTH_DB_DEADLINE_MS))) {
      throw new ServiceUnavailableException(french('La base de données ne répond pas.'));
    }
    // A SQLite file that turned read-only still answers SELECT 1, and refuses every write.
    if (this.config.db.type === 'sqlite' && sqliteFileNotWritable(this.config.db.path)) {
      throw new ServiceUnavailableException(
        french('La base de données est en lecture seule : les modifications ne peuvent pas être enregistrées.'),
      );
    }
    return { status: 'ok', db: this.db.dialect };
  }
}
