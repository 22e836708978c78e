import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DeleteSlotsResponse, GenerateSlotsResponse, SlotDay } from '@pointage/contracts';
import { Roles } from '../common/access.decorators';
import { DeleteSlotsDto, GenerateSlotsDto, SlotPeriodQueryDto } from './dto/slots.dto';
import { SlotsService } from './slots.service';

/** GESTION DES CRÉNEAUX. */
@ApiTags('slots')
@Roles('admin')
@Controller('slots')
export class SlotsController {
  constructor(private readonly slots: SlotsService) {}

  @Post('generate')
  @HttpCode(200)
  generate(@Body() dto: GenerateSlotsDto): Promise<GenerateSlotsResponse> {
    return this.slots.generate(dto);
  }

  @Get()
  list(@Query() q: SlotPeriodQueryDto): Promise<SlotDay[]> {
    return this.slots.list(q.from, q.to);
  }

  /** POST rather than DELETE: the criteria are a body. Days with attendance keep their slots. */
  @Post('delete')
  @HttpCode(200)
  delete(@Body() dto: DeleteSlotsDto): Promise<DeleteSlotsResponse> {
    return this.slots.delete(dto);
  }
}
