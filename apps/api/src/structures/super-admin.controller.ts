import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ActingResponse, AdminCredentialsResponse, StructureSummary } from '@pointage/contracts';
import { Roles } from '../common/access.decorators';
import { idPipe } from '../common/id.pipe';
import { CreateAdminDto, CreateStructureDto, UpdateStructureDto } from './dto/structure.dto';
import { StructuresService } from './structures.service';

@ApiTags('super-admin')
@Roles('super-admin')
@Controller('super-admin')
export class SuperAdminController {
  constructor(private readonly structures: StructuresService) {}

  @Get('structures')
  list(): Promise<StructureSummary[]> {
    return this.structures.list();
  }

  @Post('structures')
  async create(@Body() dto: CreateStructureDto): Promise<StructureSummary> {
    const s = await this.structures.create(dto);
    return this.structures.summary(s.id);
  }

  @Patch('structures/:id')
  update(@Param('id', idPipe()) id: number, @Body() dto: UpdateStructureDto): Promise<StructureSummary> {
    return this.structures.update(id, dto);
  }

  @Post('structures/:id/admins')
  createAdmin(@Param('id', idPipe()) id: number, @Body() dto: CreateAdminDto): Promise<AdminCredentialsResponse> {
    return this.structures.createAdmin(id, dto);
  }

  @Post('admins/:accountId/reset-password')
  @HttpCode(200)
  resetAdminPassword(@Param('accountId', idPipe()) accountId: number): Promise<AdminCredentialsResponse> {
    return this.structures.resetAdminPassword(accountId);
  }

  @Post('structures/:id/act')
  @HttpCode(200)
  actAsAdmin(@Param('id', idPipe()) id: number): Promise<ActingResponse> {
    return this.structures.actAsAdmin(id);
  }
}
