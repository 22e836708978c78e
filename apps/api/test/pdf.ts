import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '../src/config/config';
import { CHROMIUM_CANDIDATES } from '../src/pdf/pdf-renderer';
import { commandOf, descendantsOf } from '../src/pdf/process-tree';

/**
 * The PDF tests need Debian's chromium and poppler-utils. Like the browser
 * tests, a missing Chromium fails the run unless POINTAGE_TEST_ALLOW_MISSING=1
 * outside CI (then the tests are skipped, loudly).
 */
export const TEST_CHROMIUM = process.env['CHROMIUM_PATH'] ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
const allowMissing = process.env['CI'] !== 'true' && process.env['POINTAGE_TEST_ALLOW_MISSING'] === '1';
if (!TEST_CHROMIUM && allowMissing) console.warn('!!! Chromium is missing: the PDF tests are SKIPPED (apt-get install -y chromium)');
export const describeWithChromium = TEST_CHROMIUM || !allowMissing ? describe : describe.skip;

/** A configuration for a renderer built by hand (no database needed). */
export function pdfTestConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: join(tmpdir(), 'pointage-pdf-test'),
    CHROMIUM_PATH: TEST_CHROMIUM ?? '/usr/bin/chromium',
    ...env,
  });
}

function withTempFile<T>(pdf: Buffer, work: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pointage-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return work(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (`pdftotext -layout`), spaces collapsed. */
export function pdfPages(pdf: Buffer): string[] {
  const text = withTempFile(pdf, (file) =>
    execFileSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
  const pages = text.split('\f').map((p) => p.replace(/[ \t\u00a0\u202f]+/g, ' ').trim());
  if (pages.length > 1 && pages[pages.length - 1] === '') pages.pop();
  return pages;
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** The fonts of a PDF (`pdffonts`). */
export function pdfFonts(pdf: Buffer): PdfFont[] {
  const out = withTempFile(pdf, (file) => execFileSync('/usr/bin/pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type… encoding emb sub uni object ID
      const cols = line.trim().split(/\s+/);
      return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** Chromium processes started by this test process (directly or not). */
export function chromiumProcesses(): number[] {
  return descendantsOf(process.pid).filter((pid) => /chrom/i.test(commandOf(pid) ?? ''));
}

export interface CountingServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  hits: string[];
  close(): Promise<void>;
}

/** A local HTTP server that records every request it receives: a PDF must never reach it. */
export async function countingServer(): Promise<CountingServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('Content-Type', 'text/css');
    res.end('body { color: red }');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `check()` is true, or fails after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not met after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
