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
import { AVATAR_KEYS, LIMITS } from '@pointage/contracts';
import { NormaliseLogin, Trim } from '../../common/dto-helpers';
import { IsEmailAddress, IsHumanText, IsLocalDate, Label } from '../../common/validation';

export class LoginInputDto {
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

/** Whether a change of statistical attributes corrects the past or starts today (see SPEC "Reports must not change"). */
export const STATS_CHANGE_MODES = ['correction', 'from-today'] as const;
export type StatsChangeMode = (typeof STATS_CHANGE_MODES)[number];

class MemberFields {
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
export class AdminMemberInputDto extends MemberFields {
  @ApiPropertyOptional({ example: '2026-09-01' })
  @Label("date d'inscription")
  @IsOptional()
  @IsLocalDate()
  registeredOn?: string;
}

class MemberUpdateFields {
  @ApiPropertyOptional()
  @Label('nom')
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  lastName?: string;
  @ApiPropertyOptional()
  @Label('prénom')
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  firstName?: string;
  @ApiPropertyOptional() @Label('sexe') @IsOptional() @IsInt() @Min(1) sexId?: number;
  @ApiPropertyOptional() @Label('date de naissance') @IsOptional() @IsLocalDate() birthDate?: string;
  @ApiPropertyOptional() @Label('ville de résidence') @IsOptional() @IsInt() @Min(1) cityId?: number;
  @ApiPropertyOptional() @Label('statut') @IsOptional() @IsInt() @Min(1) statusId?: number;
  @ApiPropertyOptional() @Label('minima sociaux') @IsOptional() @IsInt() @Min(1) minimaId?: number;
  @ApiPropertyOptional() @Label('quotient familial') @IsOptional() @IsInt() @Min(1) qfId?: number;
  @ApiPropertyOptional({ nullable: true }) @Label('avatar') @IsOptional() @IsIn([...AVATAR_KEYS, null]) avatar?: string | null;

  @ApiPropertyOptional({ type: LoginInputDto, nullable: true })
  @Label('identifiant du membre')
  @IsOptional()
  @ValidateNested()
  @Type(() => LoginInputDto)
  login?: LoginInputDto | null;

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
export class UpdateMemberDto extends MemberUpdateFields {}

export class AdminUpdateMemberDto extends MemberUpdateFields {
  @ApiPropertyOptional({ example: '2026-09-01' })
  @Label("date d'inscription")
  @IsOptional()
  @IsLocalDate()
  registeredOn?: string;
}

export class CreateFamilyDto {
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

  @ApiPropertyOptional({ description: 'Omitted: a password is generated and returned once.' })
  @Label('mot de passe')
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.password.max)
  password?: string;

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

  @ApiProperty({ type: [AdminMemberInputDto] })
  @Label('membres')
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AdminMemberInputDto)
  members!: AdminMemberInputDto[];

  @ApiPropertyOptional({ description: 'Go on although a member has the name and birth date of somebody already registered.' })
  @Label('confirmation des doublons')
  @IsOptional()
  @IsBoolean()
  confirmDuplicates?: boolean;
}

export class RegisterFamilyDto {
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

export class UpdateFamilyDto {
  @ApiPropertyOptional()
  @Label('nom de la famille')
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  name?: string;
  @ApiPropertyOptional() @Label('adresse e-mail') @IsOptional() @NormaliseLogin() @IsEmailAddress() email?: string;

  @ApiPropertyOptional({ description: 'Household value, applied to every member.' })
  @Label('quotient familial')
  @IsOptional()
  @IsInt()
  @Min(1)
  qfId?: number;

  @ApiPropertyOptional({ description: 'Household value, applied to every member.' })
  @Label('minima sociaux')
  @IsOptional()
  @IsInt()
  @Min(1)
  minimaId?: number;

  @ApiPropertyOptional({ enum: STATS_CHANGE_MODES })
  @Label('type de modification')
  @IsOptional()
  @IsIn(STATS_CHANGE_MODES)
  statsChange?: StatsChangeMode;
}

export class SetFamilyPasswordDto {
  @ApiPropertyOptional({ description: 'Omitted: a password is generated and returned once.' })
  @Label('mot de passe')
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.password.max)
  password?: string;
}

export class AnonymiseFamilyDto {
  @ApiProperty({ description: "The family's current name, typed again." })
  @Label('nom de la famille')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  confirmName!: string;
}

export class FamilyQueryDto {
  @ApiPropertyOptional() @Label('recherche') @IsOptional() @Trim() @IsString() @MaxLength(LIMITS.search) search?: string;
  @ApiPropertyOptional({ enum: ['name', 'createdAt', 'memberCount'] })
  @Label('tri')
  @IsOptional()
  @IsIn(['name', 'createdAt', 'memberCount'])
  sort: 'name' | 'createdAt' | 'memberCount' = 'name';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @Label('ordre') @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'asc';
  @ApiPropertyOptional() @Label('page') @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page = 1;
  @ApiPropertyOptional()
  @Label('taille de page')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSize.max)
  pageSize: number = LIMITS.pageSize.default;
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
] as const;

export class MemberQueryDto {
  @ApiPropertyOptional() @Label('recherche') @IsOptional() @Trim() @IsString() @MaxLength(LIMITS.search) search?: string;
  @ApiPropertyOptional({ enum: MEMBER_SORTS }) @Label('tri') @IsOptional() @IsIn(MEMBER_SORTS) sort: (typeof MEMBER_SORTS)[number] =
    'lastName';
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @Label('ordre') @IsOptional() @IsIn(['asc', 'desc']) order: 'asc' | 'desc' = 'asc';
  @ApiPropertyOptional() @Label('page') @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page = 1;
  @ApiPropertyOptional()
  @Label('taille de page')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSize.max)
  pageSize: number = LIMITS.pageSize.default;
  @ApiPropertyOptional({ enum: ['false', 'true', 'all'] }) @Label('archivés') @IsOptional() @IsIn(['false', 'true', 'all']) archived:
    | 'false'
    | 'true'
    | 'all' = 'false';
  @ApiPropertyOptional() @Label('statut') @IsOptional() @Type(() => Number) @IsInt() @Min(1) statusId?: number;
  @ApiPropertyOptional() @Label('ville de résidence') @IsOptional() @Type(() => Number) @IsInt() @Min(1) cityId?: number;
  @ApiPropertyOptional() @Label('âge minimum') @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(130) ageMin?: number;
  @ApiPropertyOptional() @Label('âge maximum') @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(130) ageMax?: number;
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

class DuplicateCandidateDto {
  @ApiProperty({ example: 'GRUJIC' }) @Label('nom') @Trim() @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) lastName!: string;
  @ApiProperty({ example: 'Luka' }) @Label('prénom') @Trim() @IsString() @IsNotEmpty() @MaxLength(LIMITS.name) firstName!: string;
  @ApiProperty({ example: '2015-06-26' }) @Label('date de naissance') @IsLocalDate() birthDate!: string;
}

export class DuplicateCheckDto {
  @ApiProperty({ type: [DuplicateCandidateDto] })
  @Label('membres')
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DuplicateCandidateDto)
  members!: DuplicateCandidateDto[];
}

export class MergeFamiliesDto {
  @ApiProperty({ description: 'The family merged into the one of the URL, then deleted.' })
  @Label('famille absorbée')
  @IsInt()
  @Min(1)
  absorbedFamilyId!: number;
}

export class RetentionSettingsDto {
  @ApiProperty({ example: 3, description: 'Years without activity before a family is listed for anonymisation; 0 = off.' })
  @Label('durée de conservation')
  @IsInt()
  @Min(0)
  @Max(50)
  years!: number;
}

export class RetentionAnonymiseDto {
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
