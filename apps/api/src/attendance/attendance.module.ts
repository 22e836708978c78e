import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { SettingsModule } from '../settings/settings.module';
import { SlotsModule } from '../slots/slots.module';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CheckInFaults } from './check-in-faults';
import { CheckInService } from './check-in.service';

@Module({
  imports: [AuditModule, AuthModule, SettingsModule, SlotsModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, CheckInService, CheckInFaults],
})
export class AttendanceModule {}
