import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

// Still @Global only because AttendanceModule (attendance/attendance.module.ts) does not import it yet;
// every other module that uses its providers imports it explicitly (issue 15 item 4).
@Global()
@Module({ controllers: [AuditController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
