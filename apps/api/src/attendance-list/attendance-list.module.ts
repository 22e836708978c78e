import { Module } from '@nestjs/common';
import { AttendanceListController } from './attendance-list.controller';
import { AttendanceListService } from './attendance-list.service';

@Module({ controllers: [AttendanceListController], providers: [AttendanceListService], exports: [AttendanceListService] })
export class AttendanceListModule {}
