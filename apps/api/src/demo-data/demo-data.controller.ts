import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DemoDataInfo, DemoDataRemoval } from '@pointage/contracts';
import { Roles } from '../common/access.decorators';
import { DemoDataService } from './demo-data.service';

/** The first local start's demo data: what is left of it, and its removal (admin home). */
@ApiTags('demo-data')
@Roles('admin')
@Controller('demo-data')
export class DemoDataController {
  constructor(private readonly demo: DemoDataService) {}

  @Get()
  info(): Promise<DemoDataInfo> {
    return this.demo.info();
  }

  @Delete()
  @HttpCode(200)
  remove(): Promise<DemoDataRemoval> {
    return this.demo.remove();
  }
}
