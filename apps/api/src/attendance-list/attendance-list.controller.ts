import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AttendanceListPage } from '@pointage/contracts';
import { Roles } from '../common/access.decorators';
import { AttendanceListService } from './attendance-list.service';
import { AttendanceListDto } from './dto/attendance-list.dto';

/** LISTE DE PRÉSENCE. POST: the request is a body like the exports'; nothing is written. */
@ApiTags('attendance-list')
@Roles('admin')
@Controller('attendance-list')
export class AttendanceListController {
  constructor(private readonly list: AttendanceListService) {}

  @Post()
  @HttpCode(200)
  page(@Body() dto: AttendanceListDto): Promise<AttendanceListPage> {
    return this.list.page(dto);
  }
}
