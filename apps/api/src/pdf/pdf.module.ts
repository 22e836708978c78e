import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { DocumentBrandingService } from './document-branding';
import { PdfRenderer } from './pdf-renderer';

/**
 * Server-side PDF machinery shared by every exported document: the Chromium
 * renderer (one browser, bounded queue, nothing fetched) and the branding of
 * the common frame. Pure helpers are imported directly: `html`/`raw`
 * (./html), `documentFrame` (./document-frame), `renderChartSvg`/`chartFigure`
 * (./chart-svg). See docs in pdf-renderer.ts.
 */
@Module({
  imports: [SettingsModule],
  providers: [PdfRenderer, DocumentBrandingService],
  exports: [PdfRenderer, DocumentBrandingService],
})
export class PdfModule {}
