import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@pointage/contracts';
import { Roles } from '../common/access.decorators';
import { TenantContext } from '../tenancy/tenant-context';
import { AuditService } from './audit.service';
import { AuditQueryDto, SuperAdminAuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly context: TenantContext,
  ) {}

  /** The log of the caller's structure. */
  @Roles('admin')
  @Get('audit')
  structureLog(@Query() q: AuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list({
      structureId: this.context.structureId(),
      page: q.page,
      pageSize: q.pageSize,
      action: q.action,
      search: q.search,
      from: q.from,
      to: q.to,
      names: true,
    });
  }

  /** Every structure's log, and the installation's own events. */
  @Roles('super-admin')
  @Get('super-admin/audit')
  allLogs(@Query() q: SuperAdminAuditQueryDto): Promise<Page<AuditEntry>> {
    return this.audit.list({
      structureId: q.structureId,
      page: q.page,
      pageSize: q.pageSize,
      action: q.action,
      search: q.search,
      from: q.from,
      to: q.to,
    });
  }
}
