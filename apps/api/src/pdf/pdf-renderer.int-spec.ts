import { ArgumentsHost, HttpException, Logger } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AllExceptionsFilter } from '../common/http-exception.filter';
import {
  chromiumProcesses,
  countingServer,
  CountingServer,
  describeWithChromium,
  eventually,
  pdfFonts,
  pdfPages,
  pdfTestConfig,
} from '../../test/pdf';
import { chartFigure, renderChartSvg } from './chart-svg';
import type { DocumentBranding } from './document-branding';
import { documentFrame } from './document-frame';
import { html } from './html';
import { PDF_MESSAGES, PdfDocument, PdfRenderer } from './pdf-renderer';
import { commandOf, descendantsOf } from './process-tree';

/** The rejection of a render, as the HTTP layer would see it. */
async function failureOf(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof HttpException)) throw e;
    return { status: e.getStatus(), message: (e.getResponse() as { message: string }).message };
  }
  throw new Error('the render should have failed');
}

function pdfInfo(pdf: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'pointage-pdfinfo-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    const out = execFileSync('/usr/bin/pdfinfo', [join(dir, 'd.pdf')], { encoding: 'utf8' });
    return Object.fromEntries(
      out
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FOOTER = 'Ce projet est cofinancé par l’Union Européenne avec le FEDER';

describeWithChromium('PdfRenderer with the real Chromium', () => {
  let branding: DocumentBranding;
  let server: CountingServer;
  let renderer: PdfRenderer;

  beforeAll(async () => {
    const png = async (width: number, height: number, color: string) =>
      `data:image/png;base64,${(
        await sharp({ create: { width, height, channels: 3, background: color } })
          .png()
          .toBuffer()
      ).toString('base64')}`;
    branding = {
      structureName: 'Ludothèque « Les Dés » de Villeneuve-d’Ascq',
      timeZone: 'Europe/Paris',
      logo: { dataUrl: await png(240, 120, '#d04010'), width: 240, height: 120 },
      footerText: FOOTER,
      funderLogos: [
        { dataUrl: await png(300, 100, '#003399'), width: 300, height: 100, alt: 'Union européenne' },
        { dataUrl: await png(200, 100, '#0a7a3a'), width: 200, height: 100, alt: 'CAF du Nord' },
      ],
    };
    server = await countingServer();
    renderer = new PdfRenderer(pdfTestConfig({ PDF_CONCURRENCY: '2' }));
  });

  afterAll(async () => {
    await renderer?.onApplicationShutdown();
    await server?.close();
  });

  const framed = (title: string, body: ReturnType<typeof html>, extra: Partial<Parameters<typeof documentFrame>[0]> = {}): PdfDocument =>
    documentFrame({
      branding,
      title,
      subtitleLines: ['Période : du 1er janvier au 31 mars 2026', 'Critères : toutes les familles, âge au 31 mars'],
      generatedAt: new Date('2026-04-02T12:05:00Z'),
      body,
      ...extra,
    });

  it('prints French text, the funder line and "page X / Y" on every page, with embedded fonts', async () => {
    const rows = Array.from(
      { length: 140 },
      (_, i) =>
        html`<tr>
          <td>Famille n°${i + 1} — Éloïse Bérénice Noël</td>
          <td class="num">${(i * 1234.5).toLocaleString('fr-FR')}</td>
        </tr>`,
    );
    const chart = renderChartSvg(
      {
        xAxis: { type: 'category', data: ['Lille', 'Roubaix', 'Tourcoing'] },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [12, 7, 3] }],
      },
      { width: 600, height: 260 },
    );
    const started = Date.now();
    const pdf = await renderer.render(
      framed(
        'Liste de présence — été 2026',
        html`${chartFigure(chart, 'Présences par ville : Lille 12, Roubaix 7, Tourcoing 3')}
          <table>
            <thead>
              <tr>
                <th>Nom de famille</th>
                <th class="num">Montant (€)</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`,
      ),
    );
    const ms = Date.now() - started;
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      expect(page).toContain(FOOTER);
      expect(page).toContain(`page ${i + 1} / ${pages.length}`);
      // The table header repeats on every page the table runs over.
      expect(page).toContain('Nom de famille');
    });
    const all = pages.join('\n');
    expect(pages[0]).toContain('Ludothèque « Les Dés » de Villeneuve-d’Ascq');
    expect(pages[0]).toContain('Liste de présence — été 2026');
    expect(pages[0]).toContain('Période : du 1er janvier au 31 mars 2026');
    expect(pages[0]).toContain('Document généré le 2 avril 2026 à 14:05');
    expect(pages[0]).toContain('Tourcoing'); // chart axis label
    for (let i = 1; i <= 140; i++) expect(all).toContain(`Famille n°${i} — Éloïse Bérénice Noël`);
    expect(all).toContain('171 595,5');

    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/LiberationSans/);

    const info = pdfInfo(pdf);
    expect(info['Title']).toBe('Liste de présence — été 2026');
    expect(info['Tagged']).toBe('yes');
    expect(info['Page size']).toMatch(/595\.\d* x 841\.\d* pts \(A4\)/);
    console.log(`pdf: ${pages.length} pages, ${Math.round(pdf.length / 1024)} kB, ${ms} ms (launch included)`);
  });

  it('prints landscape A4 pages', async () => {
    const pdf = await renderer.render(framed('Paysage', html`<p>Une page à l’italienne.</p>`, { landscape: true }));
    expect(pdfInfo(pdf)['Page size']).toMatch(/841\.\d* x 595\.\d* pts \(A4\)/);
  });

  describe('hostile content', () => {
    const hostile = (origin: string) => [
      '<img src=file:///etc/passwd>',
      `<img src="${origin}/img">`,
      `<link rel="stylesheet" href="${origin}/css">`,
      `<iframe src="${origin}/iframe"></iframe>`,
      `<script>fetch('${origin}/fetch')</script>`,
      `<div style="background:url(${origin}/bg)">x</div>`,
      `<style>@import url(${origin}/import);</style>`,
      `<meta http-equiv="refresh" content="0;url=${origin}/refresh">`,
    ];

    it('escaped (how documents are built), is printed literally and fetches nothing', async () => {
      const names = hostile(server.origin);
      const before = renderer.stats().blockedRequests;
      const pdf = await renderer.render(
        framed(
          names[1],
          html`<h2>${names[2]}</h2>
            ${names.map((name) => html`<p>Famille ${name}</p>`)}`,
          {
            branding: { ...branding, structureName: names[0], footerText: names[3] },
            subtitleLines: [names[4]],
          },
        ),
      );
      const text = pdfPages(pdf).join('\n');
      for (const name of names) expect(text).toContain(`Famille ${name}`);
      expect(text).toContain(names[3]); // the footer line
      await new Promise((r) => setTimeout(r, 300));
      expect(server.hits).toEqual([]);
      // Nothing was even attempted: the escaped markup is text.
      expect(renderer.stats().blockedRequests).toBe(before);
    });

    it('injected raw on purpose, is refused by the renderer itself: no request leaves, each one is reported', async () => {
      const blocked: string[] = [];
      const onBlocked = (url: string) => blocked.push(url);
      renderer.events.on('request-blocked', onBlocked);
      try {
        const o = server.origin;
        // No frame, hence no Content-Security-Policy: only the renderer stands in the way.
        const outcome = await renderer
          .render({
            title: 'Injection',
            html: `<!DOCTYPE html><html><head><meta charset="utf-8">
            <link rel="stylesheet" href="${o}/css"><link rel="prefetch" href="${o}/prefetch"><link rel="icon" href="${o}/icon">
            <style>@import url(${o}/import); body { background: url(${o}/bg) } @font-face { font-family: x; src: url(${o}/font) } h1 { font-family: x }</style>
            <meta http-equiv="refresh" content="0;url=${o}/refresh">
            </head><body><h1>Contenu injecté à dessein</h1>
            <img src="file:///etc/passwd"><iframe src="file:///etc/passwd"></iframe><img src="${o}/img">
            <iframe src="${o}/iframe"></iframe><object data="${o}/object"></object><video poster="${o}/poster"></video>
            <svg><image href="${o}/svg-image"/></svg>
            <script>fetch('${o}/fetch'); document.write('LE-SCRIPT-A-TOURNE')</script>
            </body></html>`,
          })
          .catch((e: unknown) => e);
        // What matters most first: nothing reached the server, whatever happened to the document.
        await new Promise((r) => setTimeout(r, 500));
        expect(server.hits).toEqual([]);
        for (const path of ['/css', '/import', '/bg', '/font', '/img', '/iframe', '/refresh']) expect(blocked).toContain(`${o}${path}`);
        expect(blocked.every((url) => url.startsWith(o))).toBe(true);
        // And the document printed as written, its script not run, the refresh ignored.
        expect(outcome).toBeInstanceOf(Buffer);
        const text = pdfPages(outcome as Buffer).join('\n');
        expect(text).toContain('Contenu injecté à dessein');
        expect(text).not.toContain('LE-SCRIPT-A-TOURNE');
        expect(text).not.toMatch(/root:.*:0:0/);
      } finally {
        renderer.events.off('request-blocked', onBlocked);
      }
    });
  });

  it('renders 10 documents sent at once, never more than PDF_CONCURRENCY at a time, none lost or mixed up', async () => {
    const peakBefore = renderer.stats().peakContexts;
    let peak = 0;
    const onOpen = (open: number) => (peak = Math.max(peak, open, renderer.stats().active));
    renderer.events.on('context-opened', onOpen);
    try {
      const started = Date.now();
      const pdfs = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          renderer.render(framed(`Document n°${i + 1}`, html`<p>Contenu du document numéro ${i + 1}.</p>`)),
        ),
      );
      const ms = Date.now() - started;
      pdfs.forEach((pdf, i) => {
        const text = pdfPages(pdf).join('\n');
        expect(text).toContain(`Contenu du document numéro ${i + 1}.`);
        expect(text.match(/Contenu du document numéro \d+/g)).toHaveLength(1);
      });
      expect(peak).toBe(2);
      expect(Math.max(peakBefore, 2)).toBe(renderer.stats().peakContexts);
      expect(renderer.stats()).toMatchObject({ openContexts: 0, active: 0, waiting: 0 });
      console.log(`10 concurrent documents: ${ms} ms; Chromium memory now: ${JSON.stringify(renderer.browserMemory())}`);
    } finally {
      renderer.events.off('context-opened', onOpen);
    }
  });

  it('gives its place back when the client goes away, waiting or rendering', async () => {
    const single = new PdfRenderer(pdfTestConfig({ PDF_CONCURRENCY: '1' }));
    try {
      const rendering = new AbortController();
      const waiting = new AbortController();
      const first = single.render(framed('Premier', html`<p>1</p>`), { signal: rendering.signal });
      const second = single.render(framed('Second', html`<p>2</p>`), { signal: waiting.signal });
      const third = single.render(framed('Troisième', html`<p>3</p>`));
      await eventually(() => single.stats().waiting === 2, 2000, 'two documents waiting');
      waiting.abort();
      expect(await failureOf(second)).toEqual({ status: 499, message: PDF_MESSAGES.cancelled });
      expect(single.stats().waiting).toBe(1);
      // The first one is aborted while Chromium starts or renders it.
      rendering.abort();
      expect(await failureOf(first)).toEqual({ status: 499, message: PDF_MESSAGES.cancelled });
      expect(pdfPages(await third).join('\n')).toContain('Troisième');
      expect(single.stats()).toMatchObject({ openContexts: 0, active: 0, waiting: 0 });
    } finally {
      await single.onApplicationShutdown();
    }
  });

  it('answers 503 with a French message when too many documents wait, or wait too long', async () => {
    const small = new PdfRenderer(pdfTestConfig({ PDF_CONCURRENCY: '1' }), { maxWaiting: 1, waitTimeoutMs: 100 });
    try {
      // The first document holds the only place while Chromium starts (well over 100 ms).
      const first = small.render(framed('Premier', html`<p>1</p>`));
      const second = small.render(framed('Second', html`<p>2</p>`));
      const third = small.render(framed('Troisième', html`<p>3</p>`));
      expect(await failureOf(third)).toEqual({ status: 503, message: PDF_MESSAGES.busy }); // line full
      expect(await failureOf(second)).toEqual({ status: 503, message: PDF_MESSAGES.busy }); // waited too long
      expect(pdfPages(await first).join('\n')).toContain('Premier');
      // And the queue works again afterwards.
      expect(pdfPages(await small.render(framed('Quatrième', html`<p>4</p>`))).join('\n')).toContain('Quatrième');
    } finally {
      await small.onApplicationShutdown();
    }
  });

  it('answers 503 when a document takes too long, and frees its context', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        html`<tr>
          <td>${i}</td>
          <td>Ligne ${i}</td>
        </tr>`,
    );
    const failure = await failureOf(
      renderer.render({
        ...framed(
          'Trop long',
          html`<table>
            <tbody>
              ${rows}
            </tbody>
          </table>`,
        ),
        timeoutMs: 50,
      }),
    );
    expect(failure).toEqual({ status: 503, message: PDF_MESSAGES.timeout });
    expect(renderer.stats().openContexts).toBe(0);
  });

  describe('Chromium missing or broken: 503 telling the administrator what to do, at once', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'pointage-no-chromium-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('CHROMIUM_PATH pointing to a missing file (logged once, answered every time)', async () => {
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const missing = new PdfRenderer(pdfTestConfig({ CHROMIUM_PATH: join(dir, 'chromium') }));
      try {
        const started = Date.now();
        for (let i = 0; i < 3; i++) {
          expect(await failureOf(missing.render(framed('Sans navigateur', html`<p>x</p>`)))).toEqual({
            status: 503,
            message: PDF_MESSAGES.chromiumMissing,
          });
        }
        expect(Date.now() - started).toBeLessThan(2000);
        expect(PDF_MESSAGES.chromiumMissing).toMatch(/apt-get install chromium.*CHROMIUM_PATH/);
        const logged = errors.mock.calls.map((c) => String(c[0]));
        expect(logged).toEqual([`PDF exports unavailable: Chromium not found: CHROMIUM_PATH=${join(dir, 'chromium')} does not exist`]);
      } finally {
        errors.mockRestore();
        await missing.onApplicationShutdown();
      }
    });

    it.each([
      [
        'a file that is not executable',
        () => {
          const file = join(dir, 'not-executable');
          writeFileSync(file, '#!/bin/sh\n');
          chmodSync(file, 0o644);
          return file;
        },
      ],
      ['a folder', () => dir],
      ['a program that exits at once', () => '/bin/false'],
      [
        'a program that never answers',
        () => {
          const file = join(dir, 'sleeper');
          writeFileSync(file, '#!/bin/sh\nexec sleep 30\n');
          chmodSync(file, 0o755);
          return file;
        },
      ],
    ])('CHROMIUM_PATH pointing to %s', async (_what, path) => {
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const broken = new PdfRenderer(pdfTestConfig({ CHROMIUM_PATH: path() }), { launchTimeoutMs: 1500 });
      try {
        const started = Date.now();
        expect(await failureOf(broken.render(framed('Navigateur cassé', html`<p>x</p>`)))).toEqual({
          status: 503,
          message: PDF_MESSAGES.chromiumBroken,
        });
        expect(Date.now() - started).toBeLessThan(5000);
        expect(errors).toHaveBeenCalledTimes(1);
        // Nothing left running from the failed start.
        await eventually(() => descendantsOf(process.pid).every((pid) => commandOf(pid) !== 'sleep'), 2000, 'no process left');
      } finally {
        errors.mockRestore();
        await broken.onApplicationShutdown();
      }
    });

    it('leaves the API as {statusCode: 503, message} in French', async () => {
      const missing = new PdfRenderer(pdfTestConfig({ CHROMIUM_PATH: join(dir, 'chromium') }));
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        let error: unknown;
        await missing.render(framed('x', html``)).catch((e: unknown) => (error = e));
        const sent: unknown[] = [];
        const headers: Record<string, string> = {};
        const res = {
          headersSent: false,
          setHeader: (name: string, value: string) => (headers[name] = value),
          status: () => res,
          json: (body: unknown) => sent.push(body),
        };
        const host = {
          switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'GET', path: '/api/x' }) }),
        } as unknown as ArgumentsHost;
        new AllExceptionsFilter().catch(error, host);
        expect(sent).toEqual([{ statusCode: 503, message: PDF_MESSAGES.chromiumMissing }]);
        expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
      } finally {
        errors.mockRestore();
        warnings.mockRestore();
        await missing.onApplicationShutdown();
      }
    });
  });

  describe('Chromium killed', () => {
    const warnings = () => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    it('between two documents: the next one starts a new browser', async () => {
      const quiet = warnings();
      try {
        await renderer.render(framed('Avant', html`<p>avant</p>`));
        const { browserPid: pid, launches } = renderer.stats();
        expect(pid).not.toBeNull();
        process.kill(pid as number, 'SIGKILL');
        await eventually(() => renderer.stats().browserPid === null, 5000, 'browser seen as gone');
        const pdf = await renderer.render(framed('Après', html`<p>après relance</p>`));
        expect(pdfPages(pdf).join('\n')).toContain('après relance');
        expect(renderer.stats().launches).toBe(launches + 1);
        expect(renderer.stats().browserPid).not.toBe(pid);
      } finally {
        quiet.mockRestore();
      }
    });

    it('during a render: retried once on a new browser', async () => {
      const quiet = warnings();
      const kill = () => process.kill(renderer.stats().browserPid as number, 'SIGKILL');
      renderer.events.once('context-opened', kill);
      try {
        const { retried, launches } = renderer.stats();
        const pdf = await renderer.render(framed('Pendant', html`<p>rendu malgré tout</p>`));
        expect(pdfPages(pdf).join('\n')).toContain('rendu malgré tout');
        expect(renderer.stats()).toMatchObject({ retried: retried + 1, launches: launches + 1, openContexts: 0 });
      } finally {
        renderer.events.off('context-opened', kill);
        quiet.mockRestore();
      }
    });

    it('during both attempts: 503, not a hung request', async () => {
      const quiet = warnings();
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const kill = () => process.kill(renderer.stats().browserPid as number, 'SIGKILL');
      renderer.events.on('context-opened', kill);
      try {
        const started = Date.now();
        expect(await failureOf(renderer.render(framed('Jamais', html`<p>x</p>`)))).toEqual({ status: 503, message: PDF_MESSAGES.crashed });
        expect(Date.now() - started).toBeLessThan(15_000);
      } finally {
        renderer.events.off('context-opened', kill);
        quiet.mockRestore();
        errors.mockRestore();
      }
      // And it recovers.
      expect(pdfPages(await renderer.render(framed('Ensuite', html`<p>de nouveau</p>`))).join('\n')).toContain('de nouveau');
    });
  });

  it('closes Chromium with the application, and refuses documents afterwards', async () => {
    expect(chromiumProcesses().length).toBeGreaterThan(0);
    await renderer.onApplicationShutdown();
    await eventually(() => chromiumProcesses().length === 0, 5000, 'no Chromium process left');
    expect(await failureOf(renderer.render(framed('Trop tard', html`<p>x</p>`)))).toEqual({ status: 503, message: PDF_MESSAGES.stopping });
  });
});
