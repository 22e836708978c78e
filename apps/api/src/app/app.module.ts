import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessGuard } from '../common/access.guard';
import { ClockModule } from '../common/clock';
import { AllExceptionsFilter } from '../common/http-exception.filter';
import { RequestContextMiddleware } from '../common/request-context.middleware';
import { AppConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { SettingsModule } from '../settings/settings.module';
import { SlotsModule } from '../slots/slots.module';
import { AttendanceModule } from '../attendance/attendance.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { FamiliesModule } from '../families/families.module';
import { MailModule } from '../mail/mail.module';
import { PdfModule } from '../pdf/pdf.module';
import { SetupModule } from '../setup/setup.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { AttendanceListModule } from '../attendance-list/attendance-list.module';
import { ExportsModule } from '../exports/exports.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { StructuresModule } from '../structures/structures.module';
import { DemoDataModule } from '../demo-data/demo-data.module';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(dataSource),
        ClockModule,
        MailModule,
        PdfModule,
        TenancyModule,
        StructuresModule,
        AuditModule,
        AuthModule,
        HealthModule,
        SettingsModule,
        FamiliesModule,
        SlotsModule,
        AttendanceModule,
        StatisticsModule,
        AttendanceListModule,
        ExportsModule,
        SetupModule,
        DemoDataModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
