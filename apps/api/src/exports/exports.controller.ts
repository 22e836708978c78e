import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { AttendanceListDto } from '../attendance-list/dto/attendance-list.dto';
import { StatisticsRequestDto } from '../statistics/dto/statistics.dto';
import { ExportsService } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Exports of the statistics and the attendance list: the same request as the
 * screen's, answered with a file. POST: the criteria are a body, and the
 * token stays in the Authorization header (never in a URL).
 */
@ApiTags('exports')
@Roles('admin')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post('statistics/export.xlsx')
  @HttpCode(200)
  @ApiProduces(XLSX)
  statisticsXlsx(@Body() dto: StatisticsRequestDto, @Res() res: Response): Promise<void> {
    return this.exports.statisticsXlsx(dto, res);
  }

  @Post('attendance-list/export.xlsx')
  @HttpCode(200)
  @ApiProduces(XLSX)
  attendanceListXlsx(@Body() dto: AttendanceListDto, @Res() res: Response): Promise<void> {
    return this.exports.attendanceListXlsx(dto, res);
  }
}
