import type { DocumentBranding } from './document-branding';
import { DOCUMENT_CSP, documentFrame, formatGeneratedAt } from './document-frame';
import { html } from './html';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const branding = (over: Partial<DocumentBranding> = {}): DocumentBranding => ({
  structureName: 'Ludothèque <Les Dés>',
  timeZone: 'Europe/Paris',
  logo: { dataUrl: PNG, width: 200, height: 100 },
  footerText: 'Cofinancé par l\'Union "Européenne" <FEDER>',
  funderLogos: [{ dataUrl: PNG, width: 300, height: 100, alt: 'Logo "UE" <FEDER>' }],
  ...over,
});

describe('documentFrame', () => {
  const input = {
    branding: branding(),
    title: 'Statistiques <2026>',
    subtitleLines: ['Période : du 1er janvier au 31 mars 2026', html`<strong>Critère</strong> : ${'<tous>'}`],
    generatedAt: new Date('2026-07-14T08:30:00Z'),
    body: html`<p>${'corps & contenu'}</p>`,
  };
  const doc = documentFrame(input);

  it('starts with the content security policy, before anything that could load', () => {
    const head = doc.html.slice(0, doc.html.indexOf('<title>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP.replace(/'/g, '&#39;')}"`);
    expect(doc.html.indexOf('Content-Security-Policy')).toBeLessThan(doc.html.indexOf('<style>'));
  });

  it('escapes the structure name, title and subtitle text, keeps trusted fragments', () => {
    expect(doc.html).toContain('<title>Statistiques &lt;2026&gt;</title>');
    expect(doc.html).toContain('<h1>Statistiques &lt;2026&gt;</h1>');
    expect(doc.html).toContain('Ludothèque &lt;Les Dés&gt;');
    expect(doc.html).toContain('<p><strong>Critère</strong> : &lt;tous&gt;</p>');
    expect(doc.html).toContain('<p>corps &amp; contenu</p>');
    expect(doc.html).toContain('Document généré le 14 juillet 2026 à 10:30');
  });

  it('puts the funders and page numbers in an inline-styled footer, escaped', () => {
    const footer = doc.footerTemplate ?? '';
    expect(footer).toContain('Cofinancé par l&#39;Union &quot;Européenne&quot; &lt;FEDER&gt;');
    expect(footer).toContain('alt="Logo &quot;UE&quot; &lt;FEDER&gt;"');
    expect(footer).toContain('<span class="pageNumber"></span> / <span class="totalPages"></span>');
    expect(footer).not.toMatch(/<style|<script|class="(?!pageNumber|totalPages)/);
    expect(doc.headerTemplate).toBe('<span></span>');
    expect(doc.margin?.bottom).toBe('25mm');
  });

  it('sizes logos from their pixels, within bounds', () => {
    // 300 × 100 px funder logo: 9 mm high, 27 mm wide.
    expect(doc.footerTemplate).toContain('width:27.0mm;height:9.0mm;');
    // 200 × 100 px structure logo (52.9 × 26.5 mm at 96 dpi): capped at 22 mm high.
    expect(doc.html).toContain('width:44.0mm;height:22.0mm;');
    const wide = documentFrame({ ...input, branding: branding({ logo: { dataUrl: PNG, width: 1000, height: 100 } }) });
    expect(wide.html).toContain('width:45.0mm;height:4.5mm;');
  });

  it('prints landscape pages and works without logos or subtitle', () => {
    const plain = documentFrame({
      branding: branding({ logo: null, funderLogos: [] }),
      title: 'Liste',
      generatedAt: new Date('2026-01-01T00:00:00Z'),
      body: html``,
      landscape: true,
    });
    expect(plain.landscape).toBe(true);
    expect(plain.html).toContain('size: A4 landscape');
    expect(plain.html).not.toContain('<img');
    expect(plain.html).not.toContain('class="doc-subtitle"');
  });

  it('refuses styles that could close the style element', () => {
    expect(() =>
      documentFrame({ branding: branding(), title: 't', generatedAt: new Date(), body: html``, styles: '</style><script>' }),
    ).toThrow(/styles/);
  });
});

describe('formatGeneratedAt', () => {
  it('writes the date in French in the given zone, Paris when the zone is unknown', () => {
    expect(formatGeneratedAt(new Date('2026-12-31T23:30:00Z'), 'Europe/Paris')).toBe('1 janvier 2027 à 00:30');
    expect(formatGeneratedAt(new Date('2026-12-31T23:30:00Z'), 'Nowhere/Town')).toBe('1 janvier 2027 à 00:30');
  });
});
