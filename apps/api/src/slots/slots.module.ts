import { Module } from '@nestjs/common';
import { SlotCalendar } from './slot-calendar';
import { SlotsController } from './slots.controller';
import { SlotsService } from './slots.service';

@Module({ controllers: [SlotsController], providers: [SlotsService, SlotCalendar], exports: [SlotsService, SlotCalendar] })
export class SlotsModule {}
