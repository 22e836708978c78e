import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LIMITS, SLUG_PATTERN } from '@pointage/contracts';
import { NormaliseLogin, Trim } from '../../common/dto-helpers';
import { IsEmailAddress, IsHumanText, Label } from '../../common/validation';

export class CreateStructureDto {
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

export class UpdateStructureDto {
  @ApiPropertyOptional({ example: 'Ludothèque du Chemin Rouge' })
  @Label('nom')
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.name)
  @IsHumanText()
  name?: string;

  @ApiPropertyOptional()
  @Label('active')
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 'Europe/Paris' })
  @Label('fuseau horaire')
  @IsOptional()
  @IsString()
  @MaxLength(60)
  timeZone?: string;
}

export class CreateAdminDto {
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
