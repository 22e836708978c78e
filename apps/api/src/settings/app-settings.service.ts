import { Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_FOOTER_TEXT, InstallationSettings, PublicAppSettings } from '@pointage/contracts';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { Database } from '../database/database.service';
import { AppSetting } from './entities/app-setting.entity';
import { FunderLogo } from './entities/funder-logo.entity';
import { inspectImage, readUpload, resizeImage } from './images';
import { Uploads } from './uploads';

export const SETTING_FOOTER_TEXT = 'footer_text';

/** Installation-wide settings (not owned by a structure): the funder footer and logos. */
@Injectable()
export class AppSettingsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly uploads: Uploads,
  ) {}

  async publicSettings(): Promise<PublicAppSettings> {
    const footer = await this.db.manager.findOneBy(AppSetting, { key: SETTING_FOOTER_TEXT });
    const logos = await this.db.manager.find(FunderLogo, { order: { position: 'ASC', id: 'ASC' } });
    return {
      footerText: footer?.value ?? DEFAULT_FOOTER_TEXT,
      funderLogos: logos.map((l) => ({ id: l.id, url: Uploads.publicUrl(l.file), alt: l.alt })),
    };
  }

  async saveFooter(footerText: string): Promise<InstallationSettings> {
    await this.db.transaction(async (em) => {
      await em.upsert(AppSetting, { key: SETTING_FOOTER_TEXT, value: footerText }, ['key']);
      await this.audit.record(em, { action: 'installation.footer_saved', structureId: null });
    });
    return this.publicSettings();
  }

  /** A funder logo, resized to 300 px wide at most for footers. */
  async addFunderLogo(req: Request, alt: string): Promise<InstallationSettings> {
    const data = await readUpload(req);
    const image = await inspectImage(data);
    const resized = await resizeImage(data, Math.min(image.width, 300));
    // The file is removed again if the database write fails.
    await this.uploads.store([{ kind: 'funder', owner: 'all', ext: 'png', data: resized.data }], ([file]) =>
      this.db.transaction(async (em) => {
        const position = (await em.count(FunderLogo)) + 1;
        const logo = await em.save(FunderLogo, em.create(FunderLogo, { file, alt, position, width: resized.width, height: resized.height }));
        await this.audit.record(em, { action: 'installation.funder_logo_added', targetType: 'funder_logo', targetId: logo.id, structureId: null });
      }),
    );
    return this.publicSettings();
  }

  async removeFunderLogo(id: number): Promise<InstallationSettings> {
    const logo = await this.db.manager.findOneBy(FunderLogo, { id });
    if (!logo) throw new NotFoundException('Logo introuvable.');
    await this.db.transaction(async (em) => {
      await em.delete(FunderLogo, { id });
      await this.audit.record(em, { action: 'installation.funder_logo_removed', targetType: 'funder_logo', targetId: id, structureId: null });
    });
    this.uploads.remove(logo.file);
    return this.publicSettings();
  }
}
