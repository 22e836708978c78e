import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIMITS, type AuditQuery } from '@pointage/contracts';
import { IsLocalDate, Label } from '../../common/validation';

export class AuditQueryDto implements AuditQuery {
  @Label('page')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page = 1;

  @Label('taille de page')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSize.max)
  pageSize: number = LIMITS.pageSize.default;

  @Label('action')
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;

  @Label('personne')
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Label('date de début')
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @Label('date de fin')
  @IsOptional()
  @IsLocalDate()
  to?: string;
}

export class SuperAdminAuditQueryDto extends AuditQueryDto implements AuditQuery {
  @Label('structure')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  structureId?: number;
}
