import { Global, Module } from '@nestjs/common';
import { Tenancy } from './tenancy.service';
import { TenantContext } from './tenant-context';

/** The tenancy wall: who the caller is acting for (TenantContext) and the scoped access to the data (Tenancy). */
@Global()
@Module({
  providers: [TenantContext, Tenancy],
  exports: [TenantContext, Tenancy],
})
export class TenancyModule {}
