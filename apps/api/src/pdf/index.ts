/**
 * The PDF machinery, for document authors. A controller imports PdfModule and
 * a service builds its document:
 *
 *   const branding = await this.branding.load();            // caller's structure, funders
 *   const svg = renderChartSvg(option, { width: 700, height: 300 });
 *   const doc = documentFrame({
 *     branding,
 *     title: 'Statistiques de fréquentation',
 *     subtitleLines: [`Période : ${period}`],               // text, escaped
 *     generatedAt: this.clock.now(),
 *     body: html`${chartFigure(svg, 'Présences par mois')}
 *       <table><thead><tr><th>Mois</th><th class="num">Présences</th></tr></thead>
 *       <tbody>${rows.map((r) => html`<tr><td>${r.month}</td><td class="num">${r.count}</td></tr>`)}</tbody></table>`,
 *   });
 *   const pdf = await this.renderer.render(doc, { signal: abortOnClientGone(res) });
 *
 * Errors are HttpExceptions with French messages (503 when Chromium is
 * missing, busy, too slow or crashed twice; 499 when the client left).
 */
export { chartFigure, renderChartSvg } from './chart-svg';
export type { ChartSize } from './chart-svg';
export { DocumentBrandingService } from './document-branding';
export type { DocumentBranding, EmbeddedImage } from './document-branding';
export { DOCUMENT_CSP, DOCUMENT_FONT_STACK, DOCUMENT_MARGIN, documentFrame, formatGeneratedAt } from './document-frame';
export type { DocumentFrameInput } from './document-frame';
export { escapeHtml, html, raw, SafeHtml } from './html';
export type { HtmlValue } from './html';
export { PdfModule } from './pdf.module';
export { abortOnClientGone, PDF_MESSAGES, PdfRenderer } from './pdf-renderer';
export type { PdfDocument, PdfMargin, PdfRenderOptions } from './pdf-renderer';
