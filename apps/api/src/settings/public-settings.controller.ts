import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicAppSettings } from '@pointage/contracts';
import { Public } from '../common/access.decorators';
import { AppSettingsService } from './app-settings.service';

@ApiTags('public')
@Controller('public')
export class PublicSettingsController {
  constructor(private readonly settings: AppSettingsService) {}

  /** Shown on every page, kiosk included, before anybody logs in (FEDER obligation). */
  @Public()
  @Get('settings')
  get(): Promise<PublicAppSettings> {
    return this.settings.publicSettings();
  }
}
