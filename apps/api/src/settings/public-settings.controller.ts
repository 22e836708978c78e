import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { KioskStructureInfo, PublicAppSettings, PublicStructureSummary, ReferenceOptions } from '@pointage/contracts';
import type { Response } from 'express';
import { Public } from '../common/access.decorators';
import { AppSettingsService } from './app-settings.service';
import { StructureSettingsService } from './structure-settings.service';
import { Uploads } from './uploads';

/** What anybody may read before logging in: the kiosk's face and the funder footer. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicSettingsController {
  constructor(
    private readonly settings: AppSettingsService,
    private readonly structures: StructureSettingsService,
    private readonly uploads: Uploads,
  ) {}

  /** Shown on every page, kiosk included (FEDER obligation). */
  @Get('settings')
  get(): Promise<PublicAppSettings> {
    return this.settings.publicSettings();
  }

  /** Active structures, for the kiosk's choice when several share an installation. */
  @Get('structures')
  structuresList(): Promise<PublicStructureSummary[]> {
    return this.structures.publicStructures();
  }

  @Get('structures/:slug')
  kiosk(@Param('slug') slug: string): Promise<KioskStructureInfo> {
    return this.structures.kioskInfo(slug);
  }

  /** Active list entries for the kiosk's family registration form. */
  @Get('structures/:slug/reference')
  reference(@Param('slug') slug: string): Promise<ReferenceOptions> {
    return this.structures.publicOptions(slug);
  }

  /** Logos (file names carry a content hash: cached for a year). */
  @Get('files/:name')
  file(@Param('name') name: string, @Res() res: Response): void {
    const path = this.uploads.pathOf(name);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.type('png').sendFile(path);
  }
}
