import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { FamiliesController } from './families.controller';
import { FamiliesService } from './families.service';
import { FamilySelfController } from './family-self.controller';

@Module({
  imports: [SettingsModule],
  controllers: [FamiliesController, FamilySelfController],
  providers: [FamiliesService],
  exports: [FamiliesService],
})
export class FamiliesModule {}
