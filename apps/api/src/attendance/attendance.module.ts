import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { SlotsModule } from '../slots/slots.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';

@Module({ imports: [SettingsModule, SlotsModule], controllers: [AttendanceController], providers: [AttendanceService] })
export class AttendanceModule {}
