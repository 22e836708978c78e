import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  ATTENDANCE_LIST_COLUMNS,
  ATTENDANCE_LIST_LIMITS,
  type AttendanceListColumn,
  type AttendanceListRequest,
  type SignInSheetRequest,
} from '@pointage/contracts';
import { IsLocalDate, Label } from '../../common/validation';

export class AttendanceListDto implements AttendanceListRequest {
  @ApiProperty({ example: '2026-03-02' })
  @Label('date de début')
  @IsString()
  @IsLocalDate()
  from!: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @Label('date de fin')
  @IsOptional()
  @IsString()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional()
  @Label('créneau')
  @IsOptional()
  @IsInt()
  @Min(1)
  slotId?: number;

  @ApiPropertyOptional({ enum: ATTENDANCE_LIST_COLUMNS, isArray: true })
  @Label('colonnes')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTENDANCE_LIST_COLUMNS.length)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  columns?: AttendanceListColumn[];

  @ApiPropertyOptional({ enum: ATTENDANCE_LIST_COLUMNS })
  @Label('tri')
  @IsOptional()
  @IsIn(ATTENDANCE_LIST_COLUMNS)
  sort?: AttendanceListColumn;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @Label('ordre')
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ example: 1 })
  @Label('page')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ example: 50 })
  @Label('taille de page')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ATTENDANCE_LIST_LIMITS.pageSizeMax)
  pageSize?: number;
}

export class SignInSheetDto implements SignInSheetRequest {
  @ApiProperty()
  @Label('créneau')
  @IsInt()
  @Min(1)
  slotId!: number;

  @ApiPropertyOptional({ example: 10 })
  @Label('lignes vides')
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  spareRows?: number;
}
