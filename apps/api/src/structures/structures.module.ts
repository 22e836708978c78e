import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { StructuresService } from './structures.service';
import { SuperAdminController } from './super-admin.controller';

/** The structures (the tenants) and the super-admin API that creates and manages them. */
@Module({
  imports: [AuditModule, AuthModule],
  controllers: [SuperAdminController],
  providers: [StructuresService],
  exports: [StructuresService],
})
export class StructuresModule {}
