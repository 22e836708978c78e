import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import type { RetroAttendanceRequest, ValidateAttendanceRequest } from '@pointage/contracts';
import { Label } from '../../common/validation';

export class ValidateAttendanceDto implements ValidateAttendanceRequest {
  @ApiProperty({ example: '0b6f1c1e-1f7a-4d39-9a57-0d3b2d9c7c11', description: 'Client-generated idempotency key.' })
  @Label('clé de validation')
  @IsString()
  @Matches(/^[A-Za-z0-9-]{8,64}$/)
  key!: string;

  @ApiProperty({ example: [12, 13] })
  @Label('membres présents')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  memberIds!: number[];
}

export class RetroAttendanceDto implements RetroAttendanceRequest {
  @ApiProperty()
  @Label('créneau')
  @IsInt()
  @Min(1)
  slotId!: number;

  @ApiProperty({ example: [12, 13] })
  @Label('membres présents')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  memberIds!: number[];

  @ApiPropertyOptional({ example: '14:20' })
  @Label("heure d'arrivée")
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,2}:\d{2}$/)
  arrivalTime?: string;
}
