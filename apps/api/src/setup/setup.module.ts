import { Module } from '@nestjs/common';
import { StructuresModule } from '../structures/structures.module';
import { FirstStartService } from './first-start.service';

@Module({ imports: [StructuresModule], providers: [FirstStartService] })
export class SetupModule {}
