import { Module } from '@nestjs/common';
import { AppSettingsService } from './app-settings.service';
import { PublicSettingsController } from './public-settings.controller';

@Module({
  controllers: [PublicSettingsController],
  providers: [AppSettingsService],
  exports: [AppSettingsService],
})
export class SettingsModule {}
