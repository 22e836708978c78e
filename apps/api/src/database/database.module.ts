import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Database } from './database.service';

/**
 * Provides the DataSource opened (and migrated) before Nest starts, and the
 * Database service through which every write goes. There is deliberately no
 * @InjectRepository: structure-owned data is reached through the tenancy
 * module's scoped repositories (see docs/architecture.md).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(dataSource: DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DataSource, useValue: dataSource }, Database],
      exports: [DataSource, Database],
    };
  }
}
