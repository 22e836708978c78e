import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  AVATAR_KEYS,
  LIMITS,
  STATS_CHANGE_MODES,
  type AdminMemberInput,
  type AdminUpdateMemberRequest,
  type AnonymiseFamilyRequest,
  type CreateFamilyRequest,
  type DuplicateCheckRequest,
  type FamilyQuery,
  type MemberInput,
  type MemberQuery,
  type MemberSort,
  type MergeFamiliesRequest,
  type RegisterFamilyRequest,
  type RetentionAnonymiseRequest,
  type RetentionSettings,
  type SetFamilyPasswordRequest,
  type StatsChangeMode,
  type UpdateFamilyRequest,
  type UpdateMemberRequest,
} from '@pointage/contracts';
import { NormaliseLogin, Trim } from '../../common/dto-helpers';
import { IntersectionType, OmitType, PartialType, PickType } from '../../common/mapped-types';
import { IsEmailAddress, IsHumanText, IsLocalDate, Label } from '../../common/validation';

export class LoginInputDto implements NonNullable<MemberInput['login']> {
  @ApiProperty({ example: 'stanko.grujic@exemple.fr' })
  @Label('identifiant')
  @NormaliseLogin()
  @IsEmailAddress()
  email!: string;

  @ApiPropertyOptional({ description: 'Required for a new login.' })
  @Label('mot de passe')
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.password.max)
  password?: string;
}

/** Used by the service; the modes are those of the contract. */
export type { StatsChangeMode };

type ItemOf<T extends readonly unknown[]> = T[number];

class MemberFields implements MemberInput {
  @ApiProperty({ example: 'GRUJIC' })
  @Label('nom')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  lastName!: string;

  @ApiProperty({ example: 'Luka' })
  @Label('prénom')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  firstName!: string;

  @ApiProperty()
  @Label('sexe')
  @IsInt()
  @Min(1)
  sexId!: number;

  @ApiProperty({ example: '2015-06-26' })
  @Label('date de naissance')
  @IsLocalDate()
  birthDate!: string;

  @ApiProperty()
  @Label('ville de résidence')
  @IsInt()
  @Min(1)
  cityId!: number;

  @ApiProperty()
  @Label('statut')
  @IsInt()
  @Min(1)
  statusId!: number;

  @ApiProperty()
  @Label('minima sociaux')
  @IsInt()
  @Min(1)
  minimaId!: number;

  @ApiProperty()
  @Label('quotient familial')
  @IsInt()
  @Min(1)
  qfId!: number;

  @ApiPropertyOptional({ example: 'lapin', nullable: true })
  @Label('avatar')
  @IsOptional()
  @IsIn([...AVATAR_KEYS, null])
  avatar?: string | null;

  @ApiPropertyOptional({ type: LoginInputDto, nullable: true, description: 'Own login of an adult member; null removes it.' })
  @Label('identifiant du membre')
  @IsOptional()
  @ValidateNested()
  @Type(() => LoginInputDto)
  login?: LoginInputDto | null;
}

/** A member as a family creates it at the kiosk. */
export class MemberInputDto extends MemberFields {}

/** A member as an admin creates it: may set the registration date. */
export class AdminMemberInputDto extends MemberFields implements AdminMemberInput {
  @ApiPropertyOptional({ example: '2026-09-01' })
  @Label("date d'inscription")
  @IsOptional()
  @IsLocalDate()
  registeredOn?: string;
}

class MemberUpdateFields extends PartialType(MemberFields) {
  @ApiPropertyOptional({
    enum: STATS_CHANGE_MODES,
    description: 'Required when statistical attributes of a member with attendance change.',
  })
  @Label('type de modification')
  @IsOptional()
  @IsIn(STATS_CHANGE_MODES)
  statsChange?: StatsChangeMode;
}

/** What a family may change on one of its members. */
export class UpdateMemberDto extends MemberUpdateFields implements UpdateMemberRequest {}

export class AdminUpdateMemberDto
  extends IntersectionType(MemberUpdateFields, PickType(AdminMemberInputDto, ['registeredOn'] as const))
  implements AdminUpdateMemberRequest {}

export class RegisterFamilyDto implements RegisterFamilyRequest {
  @ApiProperty({ example: 'GRUJIC' })
  @Label('nom de la famille')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  name!: string;

  @ApiProperty({ example: 'famille.grujic@exemple.fr' })
  @Label('adresse e-mail')
  @NormaliseLogin()
  @IsEmailAddress()
  email!: string;

  @ApiProperty()
  @Label('mot de passe')
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.password.max)
  password!: string;

  @ApiProperty()
  @Label('quotient familial')
  @IsInt()
  @Min(1)
  qfId!: number;

  @ApiProperty()
  @Label('minima sociaux')
  @IsInt()
  @Min(1)
  minimaId!: number;

  @ApiProperty({ type: [MemberInputDto] })
  @Label('membres')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MemberInputDto)
  members!: MemberInputDto[];

  @ApiPropertyOptional({ description: 'Go on although a member has the name and birth date of somebody already registered.' })
  @Label('confirmation des doublons')
  @IsOptional()
  @IsBoolean()
  confirmDuplicates?: boolean;
}

/** Created by an admin: the password may be generated, the members may carry their registration date. */
export class CreateFamilyDto extends OmitType(RegisterFamilyDto, ['password', 'members'] as const) implements CreateFamilyRequest {
  @ApiPropertyOptional({ description: 'Omitted: a password is generated and returned once.' })
  @Label('mot de passe')
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.password.max)
  password?: string;

  @ApiProperty({ type: [AdminMemberInputDto] })
  @Label('membres')
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AdminMemberInputDto)
  members!: AdminMemberInputDto[];
}

/** Household values (qfId, minimaId) are applied to every member. */
export class UpdateFamilyDto
  extends PartialType(PickType(RegisterFamilyDto, ['name', 'email', 'qfId', 'minimaId'] as const))
  implements UpdateFamilyRequest
{
  @ApiPropertyOptional({ enum: STATS_CHANGE_MODES })
  @Label('type de modification')
  @IsOptional()
  @IsIn(STATS_CHANGE_MODES)
  statsChange?: StatsChangeMode;
}

export class SetFamilyPasswordDto extends PickType(CreateFamilyDto, ['password'] as const) implements SetFamilyPasswordRequest {}

export class AnonymiseFamilyDto implements AnonymiseFamilyRequest {
  @ApiProperty({ description: "The family's current name, typed again." })
  @Label('nom de la famille')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  confirmName!: string;
}

export class PageQueryDto {
  @ApiPropertyOptional() @Label('page') @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page = 1;
  @ApiPropertyOptional()
  @Label('taille de page')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSize.max)
  pageSize: number = LIMITS.pageSize.default;
}

export class FamilyQueryDto extends PageQueryDto implements FamilyQuery {
  @ApiPropertyOptional() @Label('recherche') @IsOptional() @Trim() @IsString() @MaxLength(LIMITS.search) search?: string;
  @ApiPropertyOptional({ enum: ['name', 'createdAt', 'memberCount'] })
  @Label('tri')
  @IsOptional()
  @IsIn(['name', 'createdAt', 'memberCount'])
  sort: 'name' | 'createdAt' | 'memberCount' = 'name';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @Label('ordre') @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'asc';
  @ApiPropertyOptional({ enum: ['false', 'true', 'all'] }) @Label('archivées') @IsOptional() @IsIn(['false', 'true', 'all']) archived:
    | 'false'
    | 'true'
    | 'all' = 'false';
}

const MEMBER_SORTS = [
  'lastName',
  'firstName',
  'birthDate',
  'familyName',
  'age',
  'sex',
  'status',
  'city',
  'minima',
  'qf',
  'registeredOn',
] as const satisfies readonly MemberSort[];

export class MemberQueryDto extends PageQueryDto implements MemberQuery {
  @ApiPropertyOptional() @Label('recherche') @IsOptional() @Trim() @IsString() @MaxLength(LIMITS.search) search?: string;
  @ApiPropertyOptional({ enum: MEMBER_SORTS }) @Label('tri') @IsOptional() @IsIn(MEMBER_SORTS) sort: MemberSort = 'lastName';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @Label('ordre') @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'asc';
  @ApiPropertyOptional({ enum: ['false', 'true', 'all'] }) @Label('archivés') @IsOptional() @IsIn(['false', 'true', 'all']) archived:
    | 'false'
    | 'true'
    | 'all' = 'false';
  @ApiPropertyOptional() @Label('statut') @IsOptional() @Type(() => Number) @IsInt() @Min(1) statusId?: number;
  @ApiPropertyOptional() @Label('ville de résidence') @IsOptional() @Type(() => Number) @IsInt() @Min(1) cityId?: number;
  @ApiPropertyOptional() @Label('âge minimum') @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(130) ageMin?: number;
  @ApiPropertyOptional() @Label('âge maximum') @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(130) ageMax?: number;
}

class DuplicateCandidateDto implements ItemOf<DuplicateCheckRequest['members']> {
  @ApiProperty({ example: 'GRUJIC' }) @Label('nom') @Trim() @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) lastName!: string;
  @ApiProperty({ example: 'Luka' }) @Label('prénom') @Trim() @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) firstName!: string;
  @ApiProperty({ example: '2015-06-26' }) @Label('date de naissance') @IsLocalDate() birthDate!: string;
}

export class DuplicateCheckDto implements DuplicateCheckRequest {
  @ApiProperty({ type: [DuplicateCandidateDto] })
  @Label('membres')
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DuplicateCandidateDto)
  members!: DuplicateCandidateDto[];
}

export class MergeFamiliesDto implements MergeFamiliesRequest {
  @ApiProperty({ description: 'The family merged into the one of the URL, then deleted.' })
  @Label('famille absorbée')
  @IsInt()
  @Min(1)
  absorbedFamilyId!: number;
}

export class RetentionSettingsDto implements RetentionSettings {
  @ApiProperty({ example: 3, description: 'Years without activity before a family is listed for anonymisation; 0 = off.' })
  @Label('durée de conservation')
  @IsInt()
  @Min(0)
  @Max(50)
  years!: number;
}

export class RetentionAnonymiseDto implements RetentionAnonymiseRequest {
  @ApiProperty({ type: [Number] })
  @Label('familles')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'La liste « familles » contient deux fois la même famille.' })
  @IsInt({ each: true })
  @Min(1, { each: true })
  familyIds!: number[];

  @ApiProperty({ example: true, description: 'Explicit confirmation: anonymisation is irreversible.' })
  @Label('confirmation')
  @Equals(true, { message: "Confirmez l'anonymisation : elle est irréversible." })
  confirm!: true;
}
