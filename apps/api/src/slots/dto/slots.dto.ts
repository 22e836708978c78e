import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { DeleteSlotsRequest, GenerateSlotsRequest, RemoveAttendanceRequest, TimeRangeInput } from '@pointage/contracts';
import { IsHumanText, IsLocalDate, Label } from '../../common/validation';

const HM = /^\d{1,2}:\d{2}$/;

export class TimeRangeDto implements TimeRangeInput {
  @ApiProperty({ example: '09:30' })
  @Label('heure de début')
  @IsString()
  @Matches(HM)
  start!: string;

  @ApiProperty({ example: '12:00' })
  @Label('heure de fin')
  @IsString()
  @Matches(HM)
  end!: string;
}

class WeekdaysField {
  @ApiProperty({ example: [2, 3, 4, 5, 6], description: 'ISO weekdays: 1 = lundi … 7 = dimanche' })
  @Label('jours')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];
}

export class GenerateSlotsDto extends WeekdaysField implements GenerateSlotsRequest {
  @ApiProperty({ example: '2026-09-01' })
  @Label('date de début')
  @IsLocalDate()
  from!: string;

  @ApiPropertyOptional({ example: '2027-07-04' })
  @Label('date de fin')
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiProperty({ type: [TimeRangeDto] })
  @Label('plages horaires')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  ranges!: TimeRangeDto[];
}

export class DeleteSlotsDto extends WeekdaysField implements DeleteSlotsRequest {
  @ApiProperty({ example: '2026-09-01' })
  @Label('date de début')
  @IsLocalDate()
  from!: string;

  @ApiPropertyOptional({ example: '2026-09-30' })
  @Label('date de fin')
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ example: '14:00' })
  @Label('heure de début')
  @IsOptional()
  @IsString()
  @Matches(HM)
  start?: string;

  @ApiPropertyOptional({ example: '18:00' })
  @Label('heure de fin')
  @IsOptional()
  @IsString()
  @Matches(HM)
  end?: string;
}

export class SlotPeriodQueryDto {
  @ApiProperty({ example: '2026-09-01' })
  @Label('date de début')
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-09-30' })
  @Label('date de fin')
  @IsLocalDate()
  to!: string;
}

export class DayQueryDto {
  @ApiProperty({ example: '2026-09-01' })
  @Label('date')
  @IsLocalDate()
  date!: string;
}

export class RemoveAttendanceDto implements RemoveAttendanceRequest {
  @ApiProperty({ example: 'Saisie en double' })
  @Label('motif')
  @IsString()
  @Matches(/\S/)
  @MaxLength(500)
  @IsHumanText({ multiline: true })
  reason!: string;
}
