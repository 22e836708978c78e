import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RetentionAnonymiseResponse, RetentionPage, RetentionSettings } from '@pointage/contracts';
import { Roles } from '../common/access.decorators';
import { PageQueryDto, RetentionAnonymiseDto, RetentionSettingsDto } from './dto/family.dto';
import { RetentionService } from './retention.service';

/** GDPR retention: the setting, the families inactive for that long, their anonymisation (decision 9). */
@ApiTags('families')
@Roles('admin')
@Controller('retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  list(@Query() q: PageQueryDto): Promise<RetentionPage> {
    return this.retention.list(q);
  }

  @Put()
  setYears(@Body() dto: RetentionSettingsDto): Promise<RetentionSettings> {
    return this.retention.setYears(dto.years);
  }

  @Post('anonymise')
  @HttpCode(200)
  anonymise(@Body() dto: RetentionAnonymiseDto): Promise<RetentionAnonymiseResponse> {
    return this.retention.anonymise(dto.familyIds);
  }
}
