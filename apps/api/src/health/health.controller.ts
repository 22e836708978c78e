import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@pointage/contracts';
import { Public } from '../common/access.decorators';
import { Database } from '../database/database.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Database) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database check (used by Docker HEALTHCHECK).' })
  async check(): Promise<HealthResponse> {
    if (!(await this.db.ping())) {
      throw new ServiceUnavailableException('La base de données ne répond pas.');
    }
    return { status: 'ok', db: this.db.dialect };
  }
}
