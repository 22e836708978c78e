import type { DocumentBranding, EmbeddedImage } from './document-branding';
import { html, raw, SafeHtml } from './html';
import type { PdfDocument, PdfMargin } from './pdf-renderer';

/**
 * Fonts with French accents present on Debian and in the Docker image
 * (fonts-liberation, fonts-dejavu-core). Liberation Sans has Arial's metrics;
 * DejaVu Sans covers what it lacks (the narrow no-break space of French
 * number formatting, U+202F). Chromium embeds the glyphs it uses.
 */
export const DOCUMENT_FONT_STACK = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";

/** Nothing can be loaded but inline styles and data: images/fonts (the renderer also refuses every request). */
export const DOCUMENT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** Page margins: the bottom one holds the footer (funders and page numbers). */
export const DOCUMENT_MARGIN: PdfMargin = { top: '12mm', right: '12mm', bottom: '25mm', left: '12mm' };

export interface DocumentFrameInput {
  branding: DocumentBranding;
  /** The document's title: first heading and PDF title. */
  title: string;
  /** Lines under the title (period, criteria, reference date…), already worded by the caller; text is escaped. */
  subtitleLines?: readonly (string | SafeHtml)[];
  /** When the document was generated (use the Clock), shown in the structure's time zone. */
  generatedAt: Date;
  /** The content, built with `html` templates. */
  body: SafeHtml;
  landscape?: boolean;
  /** Extra CSS of this kind of document: a constant written by a developer, never user data. */
  styles?: string;
  /** Passed to the renderer (default true: accessible PDF). */
  tagged?: boolean;
  /** Bookmarks from h1–h6 (default false). */
  outline?: boolean;
}

/**
 * Styles of every document. Body tables repeat their header on each page and
 * never split a row; `.num` right-aligns figures.
 */
const FRAME_CSS = `
html { font-family: ${DOCUMENT_FONT_STACK}; font-size: 10pt; line-height: 1.35; color: #1a1a1a;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 16pt; line-height: 1.2; margin: 0 0 1.5mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.doc-header { display: flex; align-items: flex-start; gap: 6mm; padding-bottom: 3mm; margin-bottom: 5mm; border-bottom: 0.6pt solid #888; }
.doc-logo { flex: none; max-height: 22mm; max-width: 45mm; width: auto; height: auto; object-fit: contain; }
.doc-structure { font-size: 11pt; font-weight: bold; margin: 0 0 1mm; }
.doc-subtitle p { margin: 0; }
.doc-generated { margin: 1.5mm 0 0; font-size: 8.5pt; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 9pt; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, img, svg, figure, .keep-together { break-inside: avoid; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef0f3; font-weight: bold; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 1.5mm; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #555; }
figure { margin: 0 0 4mm; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #444; margin-top: 1mm; }
.page-break { break-before: page; }
`;

/** Generation date in French, in the structure's zone ("30 novembre 2026 à 14:05"). */
export function formatGeneratedAt(at: Date, timeZone: string): string {
  const format = (zone: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: zone, dateStyle: 'long', timeStyle: 'short' }).format(at);
  try {
    return format(timeZone);
  } catch {
    return format('Europe/Paris');
  }
}

const MM_PER_PX = 25.4 / 96;

/** An image's printed size: `heightMm` high, narrower if it would exceed `maxWidthMm`. */
function fit(image: EmbeddedImage, heightMm: number, maxWidthMm: number): { width: string; height: string } {
  const ratio = image.width > 0 && image.height > 0 ? image.width / image.height : 1;
  let h = Math.min(heightMm, image.height * MM_PER_PX);
  let w = h * ratio;
  if (w > maxWidthMm) {
    w = maxWidthMm;
    h = w / ratio;
  }
  return { width: `${w.toFixed(1)}mm`, height: `${h.toFixed(1)}mm` };
}

/**
 * The footer of every page: funder logos, the installation's funder line and
 * "page X / Y". A separate document for Chromium: inline styles only, no
 * scripts, only data: images.
 */
function footerTemplate(branding: DocumentBranding): string {
  const logos = branding.funderLogos.map((logo) => {
    const size = fit(logo, 9, 35);
    return html`<img src="${logo.dataUrl}" alt="${logo.alt}" style="${`width:${size.width};height:${size.height};`}" />`;
  });
  return html`<div
    style="box-sizing:border-box;width:100%;padding:0 12mm 1mm;font-family:${DOCUMENT_FONT_STACK};font-size:8pt;line-height:1.25;color:#333;display:flex;align-items:center;gap:4mm;-webkit-print-color-adjust:exact;"
  >
    <div style="flex:none;display:flex;align-items:center;gap:3mm;">${logos}</div>
    <div style="flex:1;text-align:center;">${branding.footerText}</div>
    <div style="flex:none;white-space:nowrap;">page <span class="pageNumber"></span> / <span class="totalPages"></span></div>
  </div>`.toString();
}

/**
 * The common frame of every exported document: the structure's logo and name,
 * the title, the subtitle lines, the generation date, then the body; the
 * funders and page numbers on every page. Returns a document ready for
 * `PdfRenderer.render()`.
 */
export function documentFrame(input: DocumentFrameInput): PdfDocument {
  const { branding, title } = input;
  if (input.styles?.includes('</')) throw new Error('documentFrame: styles must not contain "</"');
  const logo = branding.logo;
  const logoSize = logo ? fit(logo, 22, 45) : null;
  const subtitle = input.subtitleLines ?? [];
  const page = `@page { size: A4 ${input.landscape ? 'landscape' : 'portrait'}; }`;
  const document = html`<!DOCTYPE html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}" />
        <title>${title}</title>
        <style>
          ${raw(page + FRAME_CSS + (input.styles ?? ''))}
        </style>
      </head>
      <body>
        <header class="doc-header">
          ${logo && logoSize
            ? html`<img
                class="doc-logo"
                src="${logo.dataUrl}"
                alt="${`Logo de ${branding.structureName}`}"
                style="${`width:${logoSize.width};height:${logoSize.height};`}"
              />`
            : null}
          <div class="doc-heading">
            <p class="doc-structure">${branding.structureName}</p>
            <h1>${title}</h1>
            ${subtitle.length > 0 ? html`<div class="doc-subtitle">${subtitle.map((line) => html`<p>${line}</p>`)}</div>` : null}
            <p class="doc-generated">Document généré le ${formatGeneratedAt(input.generatedAt, branding.timeZone)}</p>
          </div>
        </header>
        <main>${input.body}</main>
      </body>
    </html> `;
  return {
    html: document.toString(),
    title,
    landscape: input.landscape ?? false,
    tagged: input.tagged ?? true,
    outline: input.outline ?? false,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(branding),
    margin: DOCUMENT_MARGIN,
  };
}
