import { Module } from '@nestjs/common';
import { FirstStartService } from './first-start.service';

@Module({ providers: [FirstStartService] })
export class SetupModule {}
