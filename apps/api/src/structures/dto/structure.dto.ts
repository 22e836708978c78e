import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  LIMITS,
  SLUG_PATTERN,
  type CreateAdminRequest,
  type CreateStructureRequest,
  type UpdateStructureRequest,
} from '@pointage/contracts';
import { OmitType, PartialType } from '../../common/mapped-types';
import { NormaliseLogin, Trim } from '../../common/dto-helpers';
import { IsEmailAddress, IsHumanText, Label } from '../../common/validation';

export class CreateStructureDto implements CreateStructureRequest {
  @ApiProperty({ example: 'Ludothèque du Chemin Rouge' })
  @Label('nom')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  name!: string;

  @ApiPropertyOptional({ example: 'chemin-rouge' })
  @Label('identifiant')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.slug)
  @Matches(SLUG_PATTERN)
  slug?: string;

  @ApiPropertyOptional({ example: 'Europe/Paris' })
  @Label('fuseau horaire')
  @IsOptional()
  @IsString()
  @MaxLength(60)
  timeZone?: string;
}

/** The fields of a structure but its slug, all optional; and whether it is active. */
export class UpdateStructureDto extends PartialType(OmitType(CreateStructureDto, ['slug'] as const)) implements UpdateStructureRequest {
  @ApiPropertyOptional()
  @Label('active')
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateAdminDto implements CreateAdminRequest {
  @ApiProperty({ example: 'ludotheque@centre-social.fr' })
  @Label('adresse e-mail')
  @NormaliseLogin()
  @IsEmailAddress()
  email!: string;

  @ApiPropertyOptional({ example: 'Équipe ludothèque' })
  @Label('nom affiché')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  displayName?: string;
}
