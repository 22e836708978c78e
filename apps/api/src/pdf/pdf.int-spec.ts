import { DEFAULT_FOOTER_TEXT } from '@pointage/contracts';
import type { Request } from 'express';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { bearer, createStructureWithAdmin, StructureFixture, superAdminToken } from '../../test/fixtures';
import { startTestApp, TestApp } from '../../test/harness';
import { chromiumProcesses, describeWithChromium, eventually, pdfPages } from '../../test/pdf';
import { requestContextStorage } from '../common/request-context';
import { DocumentBrandingService } from './document-branding';
import { documentFrame } from './document-frame';
import { html } from './html';
import { PdfRenderer } from './pdf-renderer';

/** Runs `work` as a request of an admin of `structureId` (what the AccessGuard sets up). */
function asAdminOf<T>(structureId: number, work: () => Promise<T>): Promise<T> {
  const req = { user: { structureId, role: 'admin' } } as unknown as Request;
  return requestContextStorage.run({ req, requestId: 'pdf-test' }, work);
}

function imagesPerPage(pdf: Buffer): Record<number, number> {
  const dir = mkdtempSync(join(tmpdir(), 'pointage-pdfimages-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    const out = execFileSync('/usr/bin/pdfimages', ['-list', join(dir, 'd.pdf')], { encoding: 'utf8' });
    const counts: Record<number, number> = {};
    for (const line of out.split('\n').slice(2)) {
      const cols = line.trim().split(/\s+/);
      if (cols[2] === 'image') counts[Number(cols[0])] = (counts[Number(cols[0])] ?? 0) + 1;
    }
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeWithChromium('PDF module in the application', () => {
  let t: TestApp;
  let closed = false;
  let a: StructureFixture;
  let b: StructureFixture;
  let sa: string;

  beforeAll(async () => {
    t = await startTestApp();
    sa = await superAdminToken(t);
    a = await createStructureWithAdmin(t, sa, 'Ludothèque des Écoliers');
    b = await createStructureWithAdmin(t, sa, 'Ludothèque Voisine');
  });

  afterAll(async () => {
    if (!closed) await t?.close();
  });

  const branding = (structureId: number) => asAdminOf(structureId, () => t.app.get(DocumentBrandingService).load());

  it('brands documents with the installation defaults when nothing is set', async () => {
    expect(await branding(a.structure.id)).toEqual({
      structureName: 'Ludothèque des Écoliers',
      timeZone: 'Europe/Paris',
      logo: null,
      footerText: DEFAULT_FOOTER_TEXT,
      funderLogos: [],
    });
  });

  it("loads the caller's structure logo and the installation's funder line and logos, as data URLs", async () => {
    const logo = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#d04010' } })
      .png()
      .toBuffer();
    await t.http().put('/api/settings/logo').set(bearer(a.adminToken)).set('Content-Type', 'image/png').send(logo).expect(200);
    await t
      .http()
      .put('/api/super-admin/settings')
      .set(bearer(sa))
      .send({ footerText: 'Cofinancé par le FEDER et la CAF du Nord' })
      .expect(200);
    for (const [alt, color] of [
      ['Union européenne', '#003399'],
      ['CAF du Nord', '#0a7a3a'],
    ]) {
      const image = await sharp({ create: { width: 600, height: 200, channels: 3, background: color } })
        .png()
        .toBuffer();
      await t
        .http()
        .post(`/api/super-admin/funder-logos?alt=${encodeURIComponent(alt)}`)
        .set(bearer(sa))
        .set('Content-Type', 'image/png')
        .send(image)
        .expect(201);
    }

    const mine = await branding(a.structure.id);
    expect(mine).toMatchObject({
      structureName: 'Ludothèque des Écoliers',
      footerText: 'Cofinancé par le FEDER et la CAF du Nord',
      logo: { dataUrl: expect.stringMatching(/^data:image\/png;base64,/), width: expect.any(Number), height: expect.any(Number) },
      funderLogos: [
        { alt: 'Union européenne', dataUrl: expect.stringMatching(/^data:image\/png;base64,/), width: 300, height: 100 },
        { alt: 'CAF du Nord', dataUrl: expect.stringMatching(/^data:image\/png;base64,/), width: 300, height: 100 },
      ],
    });
    // Another structure: its own name and no logo, the same installation footer.
    expect(await branding(b.structure.id)).toMatchObject({
      structureName: 'Ludothèque Voisine',
      logo: null,
      footerText: 'Cofinancé par le FEDER et la CAF du Nord',
    });
    // Without a structure (a super-admin not acting as an admin): refused.
    await expect(branding(null as unknown as number)).rejects.toMatchObject({ status: 403 });
  });

  it('renders a branded document: logos embedded, funders and page numbers on every page', async () => {
    const rows = Array.from(
      { length: 90 },
      (_, i) =>
        html`<tr>
          <td>Famille n°${i + 1}</td>
          <td class="num">${i}</td>
        </tr>`,
    );
    const doc = documentFrame({
      branding: await branding(a.structure.id),
      title: 'Liste de présence',
      subtitleLines: ['Semaine du 6 au 12 avril 2026'],
      generatedAt: new Date('2026-04-13T07:00:00Z'),
      body: html`<table>
        <thead>
          <tr>
            <th>Famille</th>
            <th class="num">Enfants</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
    });
    const pdf = await t.app.get(PdfRenderer).render(doc);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain('Cofinancé par le FEDER et la CAF du Nord');
      expect(page).toContain(`page ${i + 1} / ${pages.length}`);
    });
    expect(pages[0]).toContain('Ludothèque des Écoliers');
    expect(pages[0]).toContain('Document généré le 13 avril 2026 à 09:00');
    // The structure logo once, both funder logos on every page.
    const images = imagesPerPage(pdf);
    expect(images[1]).toBe(3);
    for (let p = 2; p <= pages.length; p++) expect(images[p]).toBe(2);
  });

  it('leaves out a logo whose file has gone, instead of failing the document', async () => {
    const uploads = join(t.config.dataDir, 'uploads');
    const funderFile = readdirSync(uploads).find((f) => f.startsWith('funder-')) as string;
    unlinkSync(join(uploads, funderFile));
    const mine = await branding(a.structure.id);
    expect(mine.funderLogos).toHaveLength(1);
  });

  it('closes Chromium when the application closes', async () => {
    expect(chromiumProcesses().length).toBeGreaterThan(0);
    closed = true;
    await t.close();
    await eventually(() => chromiumProcesses().length === 0, 5000, 'no Chromium process left');
  });
});
