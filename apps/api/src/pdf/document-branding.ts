import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DEFAULT_FOOTER_TEXT } from '@pointage/contracts';
import { readFileSync } from 'node:fs';
import { Database } from '../database/database.service';
import { SETTING_FOOTER_TEXT } from '../settings/app-settings.service';
import { AppSetting } from '../settings/entities/app-setting.entity';
import { FunderLogo } from '../settings/entities/funder-logo.entity';
import { sniffImageType } from '../settings/images';
import { Uploads } from '../settings/uploads';
import { Structure } from '../tenancy/entities/structure.entity';
import { Tenancy } from '../tenancy/tenancy.service';
import { french } from '../common/errors';

/** An image embedded in a document: nothing is fetched when it is printed. */
export interface EmbeddedImage {
  /** `data:image/png;base64,…` */
  dataUrl: string;
  width: number;
  height: number;
}

/** What every exported document shows besides its content: who made it, who funds the installation. */
export interface DocumentBranding {
  structureName: string;
  /** The structure's time zone (for the generation date and any local time). */
  timeZone: string;
  logo: EmbeddedImage | null;
  /** The installation's funder line (default DEFAULT_FOOTER_TEXT). */
  footerText: string;
  funderLogos: (EmbeddedImage & { alt: string })[];
}

/**
 * Loads the branding of documents: the structure's name and logo, the
 * installation's funder line and logos (the same settings as the web app's
 * footer, see AppSettingsService), images read from DATA_DIR/uploads and
 * embedded as data URLs.
 */
@Injectable()
export class DocumentBrandingService {
  private readonly logger = new Logger(DocumentBrandingService.name);

  constructor(
    private readonly db: Database,
    private readonly tenancy: Tenancy,
    private readonly uploads: Uploads,
  ) {}

  /** The branding of the caller's structure. */
  async load(): Promise<DocumentBranding> {
    return this.loadForStructure(this.tenancy.structureId());
  }

  /**
   * The branding of a structure named explicitly, for system tasks without a
   * caller (scheduled reports, tests). Never with an id taken from a request.
   */
  async loadForStructure(structureId: number): Promise<DocumentBranding> {
    const [structure, footer, logos] = await Promise.all([
      this.db.manager.findOneBy(Structure, { id: structureId }),
      this.db.manager.findOneBy(AppSetting, { key: SETTING_FOOTER_TEXT }),
      this.db.manager.find(FunderLogo, { order: { position: 'ASC', id: 'ASC' } }),
    ]);
    if (!structure) throw new NotFoundException(french('Structure introuvable.'));
    const logo =
      structure.logoFile && structure.logoWidth && structure.logoHeight
        ? this.embed(structure.logoFile, structure.logoWidth, structure.logoHeight)
        : null;
    return {
      structureName: structure.name,
      timeZone: structure.timeZone,
      logo,
      footerText: footer?.value ?? DEFAULT_FOOTER_TEXT,
      funderLogos: logos.flatMap((l) => {
        const image = this.embed(l.file, l.width, l.height);
        return image ? [{ ...image, alt: l.alt }] : [];
      }),
    };
  }

  /** An uploaded image as a data URL; a missing or unreadable file leaves it out (logged). */
  private embed(file: string, width: number, height: number): EmbeddedImage | null {
    try {
      const data = readFileSync(this.uploads.pathOf(file));
      const type = sniffImageType(data);
      if (!type) throw new Error('not a PNG, JPEG or WebP image');
      return { dataUrl: `data:image/${type};base64,${data.toString('base64')}`, width, height };
    } catch (e) {
      this.logger.warn(`Image ${file} left out of a document: ${(e as Error).message}`);
      return null;
    }
  }
}
