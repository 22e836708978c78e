import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { SettingsModule } from '../settings/settings.module';
import { FamiliesController } from './families.controller';
import { FamiliesService } from './families.service';
import { FamilySelfController } from './family-self.controller';
import { FamilyMergeService } from './family-merge.service';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

@Module({
  imports: [AuditModule, AuthModule, SettingsModule],
  controllers: [FamiliesController, FamilySelfController, RetentionController],
  providers: [FamiliesService, FamilyMergeService, RetentionService],
  exports: [FamiliesService],
})
export class FamiliesModule {}
