import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import type { StatisticsComparison, StatisticsCriteria, StatisticsDrilldownRequest, StatisticsRequest } from '@pointage/contracts';
import { IsLocalDate, Label } from '../../common/validation';
import { AgeBracketInputDto } from '../../settings/dto/settings.dto';

const MAX_ITEMS = 200;

/** Ids of the structure's reference items per group; a group left out filters nothing, an empty one matches nobody. */
export class StatisticsCriteriaDto implements StatisticsCriteria {
  @ApiPropertyOptional({ type: [Number] })
  @Label('sexe')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  sex?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @Label('ville de résidence')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  city?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @Label('statut')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  status?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @Label('minima sociaux')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  minima?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @Label('quotient familial')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ITEMS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  qf?: number[];
}

export class StatisticsRequestDto implements StatisticsRequest {
  @ApiProperty({ example: '2026-01-01' })
  @Label('date de début')
  @IsString()
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-12-31' })
  @Label('date de fin')
  @IsString()
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({ type: StatisticsCriteriaDto })
  @Label('critères')
  @IsOptional()
  @ValidateNested()
  @Type(() => StatisticsCriteriaDto)
  criteria?: StatisticsCriteriaDto;

  @ApiPropertyOptional({ type: [AgeBracketInputDto] })
  @Label("tranches d'âge")
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgeBracketInputDto)
  brackets?: AgeBracketInputDto[];

  @ApiPropertyOptional({ example: '2026-12-31' })
  @Label('date de référence des âges')
  @IsOptional()
  @IsString()
  @IsLocalDate()
  referenceDate?: string;

  @ApiPropertyOptional({ enum: ['previous', 'previous-year'] })
  @Label('comparaison')
  @IsOptional()
  @IsIn(['previous', 'previous-year'])
  compare?: StatisticsComparison;
}

export class StatisticsDrilldownDto extends StatisticsRequestDto implements StatisticsDrilldownRequest {
  @ApiProperty({ example: 'inscrits:city:12' })
  @Label('chiffre détaillé')
  @IsString()
  @MaxLength(100)
  key!: string;

  @ApiPropertyOptional()
  @Label('période de comparaison')
  @IsOptional()
  @IsBoolean()
  ofComparison?: boolean;
}
