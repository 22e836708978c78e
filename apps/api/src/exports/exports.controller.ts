import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { AttendanceListDto, SignInSheetDto } from '../attendance-list/dto/attendance-list.dto';
import { StatisticsRequestDto } from '../statistics/dto/statistics.dto';
import { ExportsService } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';

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

  @Post('statistics/export.pdf')
  @HttpCode(200)
  @ApiProduces(PDF)
  statisticsPdf(@Body() dto: StatisticsRequestDto, @Res() res: Response): Promise<void> {
    return this.exports.statisticsPdf(dto, res);
  }

  @Post('attendance-list/export.pdf')
  @HttpCode(200)
  @ApiProduces(PDF)
  attendanceListPdf(@Body() dto: AttendanceListDto, @Res() res: Response): Promise<void> {
    return this.exports.attendanceListPdf(dto, res);
  }

  /** The blank sign-in sheet of a slot: the structure's families with empty boxes, and spare rows. */
  @Post('attendance-list/sign-in-sheet.pdf')
  @HttpCode(200)
  @ApiProduces(PDF)
  signInSheetPdf(@Body() dto: SignInSheetDto, @Res() res: Response): Promise<void> {
    return this.exports.signInSheetPdf(dto, res);
  }

  @Post('attendance-list/export.xlsx')
  @HttpCode(200)
  @ApiProduces(XLSX)
  attendanceListXlsx(@Body() dto: AttendanceListDto, @Res() res: Response): Promise<void> {
    return this.exports.attendanceListXlsx(dto, res);
  }
}
