import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LIMITS, LOGO_LIMITS } from '@pointage/contracts';
import { Trim } from '../../common/dto-helpers';
import { IsHumanText, Label } from '../../common/validation';

export class RefListItemDto {
  @ApiPropertyOptional({ description: 'Existing entry; omitted for a new one.' })
  @Label('identifiant')
  @IsOptional()
  @IsInt()
  @Min(1)
  id?: number;

  @ApiProperty({ example: 'Lille' })
  @Label('libellé')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.label)
  @IsHumanText()
  label!: string;

  @ApiProperty()
  @Label('active')
  @IsBoolean()
  active!: boolean;

  @ApiPropertyOptional({ description: 'Statuses only: the entry describes a child.' })
  @Label('enfant')
  @IsOptional()
  @IsBoolean()
  isChild?: boolean;
}

export class SaveRefListDto {
  @ApiProperty({ type: [RefListItemDto] })
  @Label('liste')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RefListItemDto)
  items!: RefListItemDto[];
}

export class AgeBracketInputDto {
  @ApiProperty({ example: 3 })
  @Label('âge mini')
  @IsInt()
  @Min(0)
  @Max(120)
  minAge!: number;

  @ApiProperty({ example: 6 })
  @Label('âge maxi')
  @IsInt()
  @Min(0)
  @Max(120)
  maxAge!: number;
}

export class SaveAgeBracketsDto {
  @ApiProperty({ type: [AgeBracketInputDto] })
  @Label('tranches d’âge')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgeBracketInputDto)
  brackets!: AgeBracketInputDto[];
}

export class SaveWelcomeDto {
  @ApiProperty({ example: 'Bienvenue à la ludothèque ! Pensez à pointer votre arrivée.' })
  @Label("message d'accueil")
  @IsString()
  @MaxLength(LIMITS.longText)
  @IsHumanText({ multiline: true })
  message!: string;
}

export class ResizeLogoDto {
  @ApiProperty({ example: 600 })
  @Label('largeur')
  @IsInt()
  @Min(LOGO_LIMITS.minDimension)
  @Max(LOGO_LIMITS.maxDimension)
  width!: number;
}

export class SaveInstallationSettingsDto {
  @ApiProperty({ example: "Ce projet est cofinancé par l'Union Européenne avec le FEDER" })
  @Label('texte du pied de page')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @IsHumanText()
  footerText!: string;
}

export class FunderLogoQueryDto {
  @ApiProperty({ example: 'Union européenne — FEDER' })
  @Label('texte alternatif')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  @IsHumanText()
  alt!: string;
}
