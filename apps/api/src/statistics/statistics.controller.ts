import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { StatisticsDrilldown, StatisticsReport } from '@pointage/contracts';
import { Roles } from '../common/access.decorators';
import { StatisticsDrilldownDto, StatisticsRequestDto } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';

/** STATISTIQUES. POST: the criteria are a body (lists of ids); nothing is written. */
@ApiTags('statistics')
@Roles('admin')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Post('report')
  @HttpCode(200)
  report(@Body() dto: StatisticsRequestDto): Promise<StatisticsReport> {
    return this.statistics.report(dto);
  }

  @Post('drilldown')
  @HttpCode(200)
  drilldown(@Body() dto: StatisticsDrilldownDto): Promise<StatisticsDrilldown> {
    return this.statistics.drilldown(dto);
  }
}
