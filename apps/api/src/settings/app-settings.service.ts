import { Injectable } from '@nestjs/common';
import { DEFAULT_FOOTER_TEXT, PublicAppSettings } from '@pointage/contracts';
import { Database } from '../database/database.service';
import { AppSetting } from './entities/app-setting.entity';

export const SETTING_FOOTER_TEXT = 'footer_text';

/** Installation-wide settings (not owned by a structure): the funder footer and logos. */
@Injectable()
export class AppSettingsService {
  constructor(private readonly db: Database) {}

  async publicSettings(): Promise<PublicAppSettings> {
    const footer = await this.db.manager.findOneBy(AppSetting, { key: SETTING_FOOTER_TEXT });
    return { footerText: footer?.value ?? DEFAULT_FOOTER_TEXT, funderLogos: [] };
  }
}
