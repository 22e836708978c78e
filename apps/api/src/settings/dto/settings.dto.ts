import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  LIMITS,
  LOGO_LIMITS,
  MAIL_SECURITIES,
  type MailSecurity,
  type ResizeLogoRequest,
  type SaveAgeBracketsRequest,
  type SaveInstallationSettingsRequest,
  type SaveMailSettingsRequest,
  type SaveRefListRequest,
  type SaveWelcomeRequest,
  type TestMailRequest,
} from '@pointage/contracts';
import { Trim } from '../../common/dto-helpers';
import { IsEmailAddress, IsHumanText, Label } from '../../common/validation';

type RefListItemInput = SaveRefListRequest['items'][number];
type AgeBracketInput = SaveAgeBracketsRequest['brackets'][number];

export class RefListItemDto implements RefListItemInput {
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

export class SaveRefListDto implements SaveRefListRequest {
  @ApiProperty({ type: [RefListItemDto] })
  @Label('liste')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RefListItemDto)
  items!: RefListItemDto[];
}

export class AgeBracketInputDto implements AgeBracketInput {
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

export class SaveAgeBracketsDto implements SaveAgeBracketsRequest {
  @ApiProperty({ type: [AgeBracketInputDto] })
  @Label('tranches d’âge')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgeBracketInputDto)
  brackets!: AgeBracketInputDto[];
}

export class SaveWelcomeDto implements SaveWelcomeRequest {
  @ApiProperty({ example: 'Bienvenue à la ludothèque ! Pensez à pointer votre arrivée.' })
  @Label("message d'accueil")
  @IsString()
  @MaxLength(LIMITS.longText)
  @IsHumanText({ multiline: true })
  message!: string;
}

export class ResizeLogoDto implements ResizeLogoRequest {
  @ApiProperty({ example: 600 })
  @Label('largeur')
  @IsInt()
  @Min(LOGO_LIMITS.minDimension)
  @Max(LOGO_LIMITS.maxDimension)
  width!: number;
}

export class SaveInstallationSettingsDto implements SaveInstallationSettingsRequest {
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

/** The SMTP server of the installation (empty host: back to the environment's configuration). */
export class SaveMailSettingsDto implements SaveMailSettingsRequest {
  @ApiProperty({ example: 'smtp.exemple.fr', description: 'Empty: the settings are cleared and the environment applies again.' })
  @Label('serveur SMTP')
  @Trim()
  @IsString()
  @MaxLength(253)
  @Matches(/^$|^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$/)
  host!: string;

  @ApiPropertyOptional({ example: 587, description: 'Empty: 25, 587 or 465 by security.' })
  @Label('port')
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number | null;

  @ApiProperty({ enum: MAIL_SECURITIES })
  @Label('sécurité')
  @IsIn([...MAIL_SECURITIES])
  security!: MailSecurity;

  @ApiPropertyOptional({ example: 'ludotheque@exemple.fr' })
  @Label('utilisateur')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsHumanText()
  user?: string;

  @ApiPropertyOptional({ description: 'Write-only; empty or absent: unchanged.' })
  @Label('mot de passe')
  @IsOptional()
  @IsString()
  @MaxLength(254)
  password?: string;

  @ApiPropertyOptional({ example: 'Ludothèque <ludotheque@exemple.fr>' })
  @Label('expéditeur')
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsHumanText()
  @ValidateIf((o: SaveMailSettingsDto) => !!o.from)
  @Matches(/^([^<>@\r\n]*<[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)$/)
  from?: string;
}

export class TestMailDto implements TestMailRequest {
  @ApiProperty({ example: 'moi@exemple.fr' })
  @Label('adresse du destinataire')
  @Trim()
  @IsString()
  @MaxLength(LIMITS.email)
  @IsEmailAddress()
  to!: string;
}
