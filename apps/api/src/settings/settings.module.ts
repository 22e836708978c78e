import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MailModule } from '../mail/mail.module';
import { AppSettingsService } from './app-settings.service';
import { InstallationSettingsController } from './installation-settings.controller';
import { PublicSettingsController } from './public-settings.controller';
import { SettingsController } from './settings.controller';
import { StructureSettingsService } from './structure-settings.service';
import { Uploads } from './uploads';

@Module({
  imports: [AuditModule, MailModule],
  controllers: [PublicSettingsController, SettingsController, InstallationSettingsController],
  providers: [AppSettingsService, StructureSettingsService, Uploads],
  exports: [AppSettingsService, StructureSettingsService, Uploads],
})
export class SettingsModule {}
