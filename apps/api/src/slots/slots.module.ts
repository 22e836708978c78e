import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SlotCalendar } from './slot-calendar';
import { SlotsController } from './slots.controller';
import { SlotsService } from './slots.service';

@Module({
  imports: [AuditModule],
  controllers: [SlotsController],
  providers: [SlotsService, SlotCalendar],
  exports: [SlotsService, SlotCalendar],
})
export class SlotsModule {}
