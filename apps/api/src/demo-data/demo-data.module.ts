import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SlotsModule } from '../slots/slots.module';
import { DemoDataController } from './demo-data.controller';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [AuditModule, SlotsModule], controllers: [DemoDataController], providers: [DemoDataService] })
export class DemoDataModule {}
