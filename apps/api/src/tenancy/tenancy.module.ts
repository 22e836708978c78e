import { Global, Module } from '@nestjs/common';
import { StructuresService } from './structures.service';
import { SuperAdminController } from './super-admin.controller';
import { Tenancy } from './tenancy.service';
import { TenantContext } from './tenant-context';

@Global()
@Module({
  controllers: [SuperAdminController],
  providers: [TenantContext, Tenancy, StructuresService],
  exports: [TenantContext, Tenancy, StructuresService],
})
export class TenancyModule {}
