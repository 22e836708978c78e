import { Module } from '@nestjs/common';
import { AttendanceListModule } from '../attendance-list/attendance-list.module';
import { PdfModule } from '../pdf/pdf.module';
import { SettingsModule } from '../settings/settings.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [StatisticsModule, AttendanceListModule, SettingsModule, PdfModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
