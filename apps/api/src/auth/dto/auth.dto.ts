import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  LIMITS,
  SLUG_PATTERN,
  type ChangePasswordRequest,
  type ForgotPasswordRequest,
  type LoginRequest,
  type ResetPasswordRequest,
} from '@pointage/contracts';
import { NormaliseLogin, Trim } from '../../common/dto-helpers';
import { IsEmailAddress, Label } from '../../common/validation';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@ludotheque.fr' })
  @Label('identifiant')
  @NormaliseLogin()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.email)
  login!: string;

  @ApiProperty()
  @Label('mot de passe')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.password.max)
  password!: string;

  @ApiPropertyOptional({ description: 'Slug of the kiosk structure, for family logins.', example: 'ludotheque' })
  @Label('structure')
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN)
  @MaxLength(LIMITS.slug)
  structure?: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @Label('ancien mot de passe')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.password.max)
  currentPassword!: string;

  @ApiProperty()
  @Label('nouveau mot de passe')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.password.max)
  newPassword!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty({ example: 'famille.martin@exemple.fr' })
  @Label('adresse e-mail')
  @NormaliseLogin()
  @IsString()
  @MaxLength(LIMITS.email)
  @IsEmailAddress()
  email!: string;

  @ApiPropertyOptional({ example: 'ludotheque' })
  @Label('structure')
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN)
  @MaxLength(LIMITS.slug)
  structure?: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty()
  @Label('lien')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @ApiProperty()
  @Label('nouveau mot de passe')
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.password.max)
  password!: string;
}
