import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FamilyDetail, LoginResponse, MemberDto, ReferenceOptions } from '@pointage/contracts';
import { AuthService } from '../auth/auth.service';
import { Public, Roles } from '../common/access.decorators';
import { idPipe } from '../common/id.pipe';
import { StructureSettingsService } from '../settings/structure-settings.service';
import { TenantContext } from '../tenancy/tenant-context';
import { MemberInputDto, RegisterFamilyDto, UpdateMemberDto } from './dto/family.dto';
import { FamiliesService } from './families.service';

/**
 * Kiosk self-service of a logged-in family: its own family only (the family id
 * comes from the token, never from the request), no registration dates, no
 * archive flags.
 */
@ApiTags('kiosk')
@Controller()
export class FamilySelfController {
  constructor(
    private readonly families: FamiliesService,
    private readonly settings: StructureSettingsService,
    private readonly context: TenantContext,
    private readonly auth: AuthService,
  ) {}

  private familyId(): number {
    return this.context.principal().familyId as number;
  }

  @Roles('family')
  @Get('family/me')
  me(): Promise<FamilyDetail> {
    return this.families.detail(this.familyId(), { includeArchived: false });
  }

  @Roles('family')
  @Get('family/reference')
  reference(): Promise<ReferenceOptions> {
    return this.settings.options();
  }

  @Roles('family')
  @Post('family/members')
  addMember(@Body() dto: MemberInputDto): Promise<MemberDto> {
    return this.families.addMember(this.familyId(), dto, true);
  }

  @Roles('family')
  @Patch('family/members/:id')
  updateMember(@Param('id', idPipe()) id: number, @Body() dto: UpdateMemberDto): Promise<MemberDto> {
    return this.auth.rationEmailConflicts(this.context.structureId(), () => this.families.updateMember(id, dto, this.familyId()));
  }

  /** "Inscription d'une nouvelle famille" at the kiosk: creates the family and logs it in. */
  @Public()
  @Post('public/structures/:slug/families')
  async register(@Param('slug') slug: string, @Body() dto: RegisterFamilyDto): Promise<LoginResponse> {
    const structure = await this.settings.activeStructureBySlug(slug);
    await this.auth.throttleRegistration();
    const account = await this.auth.rationEmailConflicts(structure.id, () => this.families.register(structure.id, dto));
    return this.auth.sessionFor(account);
  }
}
