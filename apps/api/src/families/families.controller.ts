import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  CreateFamilyResponse,
  DuplicateMatch,
  FamilyAttendanceRow,
  FamilyDetail,
  FamilyPage,
  MemberDto,
  MemberSummary,
  MergeFamiliesResponse,
  Page,
  ReferenceOptions,
} from '@pointage/contracts';
import type { Response } from 'express';
import { Roles } from '../common/access.decorators';
import { idPipe } from '../common/id.pipe';
import { StructureSettingsService } from '../settings/structure-settings.service';
import {
  AdminMemberInputDto,
  AdminUpdateMemberDto,
  AnonymiseFamilyDto,
  CreateFamilyDto,
  DuplicateCheckDto,
  FamilyQueryDto,
  MemberQueryDto,
  MergeFamiliesDto,
  PageQueryDto,
  SetFamilyPasswordDto,
  UpdateFamilyDto,
} from './dto/family.dto';
import { FamiliesService } from './families.service';
import { FamilyMergeService } from './family-merge.service';

/** Back office: families of the caller's structure. */
@ApiTags('families')
@Roles('admin')
@Controller()
export class FamiliesController {
  constructor(
    private readonly families: FamiliesService,
    private readonly merger: FamilyMergeService,
    private readonly settings: StructureSettingsService,
  ) {}

  @Get('families')
  list(@Query() q: FamilyQueryDto): Promise<FamilyPage> {
    return this.families.list(q);
  }

  @Post('families')
  create(@Body() dto: CreateFamilyDto): Promise<CreateFamilyResponse> {
    return this.families.create(dto);
  }

  /** Members already registered with the name and birth date of those of a new family (warning before creation). */
  @Post('families/duplicates')
  @HttpCode(200)
  duplicates(@Body() dto: DuplicateCheckDto): Promise<DuplicateMatch[]> {
    return this.families.duplicates(dto);
  }

  @Get('families/:id')
  get(@Param('id', idPipe()) id: number): Promise<FamilyDetail> {
    return this.families.detail(id);
  }

  @Patch('families/:id')
  update(@Param('id', idPipe()) id: number, @Body() dto: UpdateFamilyDto): Promise<FamilyDetail> {
    return this.families.update(id, dto);
  }

  @Delete('families/:id')
  @HttpCode(204)
  remove(@Param('id', idPipe()) id: number): Promise<void> {
    return this.families.remove(id);
  }

  @Post('families/:id/archive')
  @HttpCode(200)
  archive(@Param('id', idPipe()) id: number): Promise<FamilyDetail> {
    return this.families.setArchived(id, true);
  }

  @Post('families/:id/unarchive')
  @HttpCode(200)
  unarchive(@Param('id', idPipe()) id: number): Promise<FamilyDetail> {
    return this.families.setArchived(id, false);
  }

  /** Sets the family's kiosk password (generated and returned once when omitted). */
  @Post('families/:id/password')
  @HttpCode(200)
  setPassword(@Param('id', idPipe()) id: number, @Body() dto: SetFamilyPasswordDto): Promise<{ password: string | null }> {
    return this.families.setPassword(id, dto.password);
  }

  /** All data of a family as a JSON file (GDPR right of access). */
  @Get('families/:id/export')
  async export(@Param('id', idPipe()) id: number, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const data = await this.families.export(id);
    res.setHeader('Content-Disposition', `attachment; filename="famille-${id}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    return data;
  }

  /** The same data as a readable French HTML page, printable (GDPR right of access). */
  @Get('families/:id/export-html')
  async exportHtml(@Param('id', idPipe()) id: number, @Res() res: Response): Promise<void> {
    const page = await this.families.exportHtml(id);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="famille-${id}.html"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(page);
  }

  /** The family's attendance, newest first, paged. */
  @Get('families/:id/attendance')
  attendance(@Param('id', idPipe()) id: number, @Query() q: PageQueryDto): Promise<Page<FamilyAttendanceRow>> {
    return this.families.attendanceHistory(id, q);
  }

  /** Merges another family into this one (kept), then deletes it (decision 9). */
  @Post('families/:id/merge')
  @HttpCode(200)
  merge(@Param('id', idPipe()) id: number, @Body() dto: MergeFamiliesDto): Promise<MergeFamiliesResponse> {
    return this.merger.merge(id, dto.absorbedFamilyId);
  }

  @Post('families/:id/anonymise')
  @HttpCode(200)
  anonymise(@Param('id', idPipe()) id: number, @Body() dto: AnonymiseFamilyDto): Promise<FamilyDetail> {
    return this.families.anonymise(id, dto.confirmName);
  }

  @Post('families/:id/members')
  addMember(@Param('id', idPipe()) id: number, @Body() dto: AdminMemberInputDto): Promise<MemberDto> {
    return this.families.addMember(id, dto, false);
  }

  @Get('members')
  members(@Query() q: MemberQueryDto): Promise<Page<MemberSummary>> {
    return this.families.members(q);
  }

  @Patch('members/:id')
  updateMember(@Param('id', idPipe()) id: number, @Body() dto: AdminUpdateMemberDto): Promise<MemberDto> {
    return this.families.updateMember(id, dto);
  }

  @Delete('members/:id')
  @HttpCode(204)
  removeMember(@Param('id', idPipe()) id: number): Promise<void> {
    return this.families.removeMember(id);
  }

  @Post('members/:id/archive')
  @HttpCode(200)
  archiveMember(@Param('id', idPipe()) id: number): Promise<MemberDto> {
    return this.families.setMemberArchived(id, true);
  }

  @Post('members/:id/unarchive')
  @HttpCode(200)
  unarchiveMember(@Param('id', idPipe()) id: number): Promise<MemberDto> {
    return this.families.setMemberArchived(id, false);
  }

  /** Active entries of each reference list, for member forms. */
  @Get('reference')
  reference(): Promise<ReferenceOptions> {
    return this.settings.options();
  }
}
