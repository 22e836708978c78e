import { HttpException, Inject, Injectable, Logger, OnApplicationShutdown, Optional, ServiceUnavailableException } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, HTTPRequest } from 'puppeteer-core';
import type { Response } from 'express';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { killProcessGroup, treeMemory, TreeMemory } from './process-tree';
import { abortReason, QueueRejection, RenderQueue } from './render-queue';
import { french } from '../common/errors';

/** What users read when a document cannot be produced (checked verbatim by the tests). */
export const PDF_MESSAGES = {
  chromiumMissing:
    'La génération des PDF a besoin de Chromium, introuvable sur ce serveur. Installez-le (apt-get install chromium) ou indiquez son chemin dans CHROMIUM_PATH.',
  chromiumBroken:
    'La génération des PDF a besoin de Chromium, qui ne démarre pas sur ce serveur. Réinstallez-le (apt-get install chromium) ou vérifiez le chemin indiqué dans CHROMIUM_PATH ; la cause exacte est dans le journal du serveur.',
  busy: 'Trop de documents sont en cours de préparation : réessayez dans une minute.',
  timeout: 'La préparation du document a pris trop de temps et a été abandonnée : réessayez, ou choisissez une période plus courte.',
  crashed: "Le moteur de rendu des PDF s'est arrêté pendant la préparation du document : réessayez dans un instant.",
  stopping: 'Le serveur redémarre : réessayez dans un instant.',
  cancelled: 'La demande a été annulée.',
} as const;

/** Where Chromium is looked for when CHROMIUM_PATH is not set, in this order. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Page margins (CSS lengths: '12mm', '1cm'…). */
export interface PdfMargin {
  top?: string;
  right?: string;
  bottom?: string;
  left?: string;
}

/** One document to print. `documentFrame()` builds all of it for exported documents. */
export interface PdfDocument {
  /** The whole HTML document, built with `html` (escaped) templates. Nothing it references is fetched. */
  html: string;
  /** The PDF's title (metadata, and the document's title for assistive technologies). */
  title: string;
  landscape?: boolean;
  /** Tagged (accessible) PDF; default true. Costs time and size on long tables (about ×2). */
  tagged?: boolean;
  /** Bookmarks from the headings (needs `tagged`); default false. */
  outline?: boolean;
  /** Separate documents printed in the margins: inline styles only, classes pageNumber/totalPages. */
  headerTemplate?: string;
  footerTemplate?: string;
  margin?: PdfMargin;
  /** Time allowed once a place in the queue is granted (default 60 s, at most 170 s). */
  timeoutMs?: number;
}

export interface PdfRenderOptions {
  /** Aborting it frees the place: waiting documents leave the queue, a render in progress stops. */
  signal?: AbortSignal;
}

/** Limits of the renderer; production uses the defaults, tests make them small. */
export interface PdfRendererLimits {
  /** Documents rendered at the same time (PDF_CONCURRENCY). */
  concurrency: number;
  /** Documents waiting for a place; beyond that, 503 at once. */
  maxWaiting: number;
  /** How long a document may wait for a place before a 503. */
  waitTimeoutMs: number;
  /** Default time allowed to render one document once it has a place. */
  renderTimeoutMs: number;
  /** Time allowed to start Chromium. */
  launchTimeoutMs: number;
  /** Time allowed to close a document's context (or the browser) before it is killed. */
  closeTimeoutMs: number;
}

/** Optional provider to override some limits (tests). */
export const PDF_RENDERER_LIMITS = Symbol('PDF_RENDERER_LIMITS');

/**
 * Names of the events of `PdfRenderer.events`, for monitoring and tests:
 * browser-launched (pid), browser-disconnected (pid), context-opened (open count),
 * context-closed (open count), request-blocked (url, title), render-retried (title).
 */
export type PdfRendererEvent =
  | 'browser-launched'
  | 'browser-disconnected'
  | 'context-opened'
  | 'context-closed'
  | 'request-blocked'
  | 'render-retried';

export interface PdfRendererStats {
  launches: number;
  rendered: number;
  retried: number;
  blockedRequests: number;
  /** Documents being rendered and waiting for a place. */
  active: number;
  waiting: number;
  /** Browser contexts open now, and the most ever open at once. */
  openContexts: number;
  peakContexts: number;
  browserPid: number | null;
}

const MAX_TIMEOUT_MS = 170_000; // below puppeteer's protocol timeout (180 s)

/**
 * Chromium flags. Besides the usual server flags, every network path is closed
 * at the browser level too: a proxy that does not exist (also for loopback)
 * and a resolver that resolves nothing, so that even a request that escaped the
 * page's interception (a prefetch is made by the browser process, not the page)
 * goes nowhere.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-pings',
  '--mute-audio',
  '--hide-scrollbars',
  '--font-render-hinting=none',
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

class ChromiumUnavailableException extends ServiceUnavailableException {}
class RenderTimeout extends Error {
  override name = 'RenderTimeout';
}

/** Per-attempt state shared by the render and its guard. */
interface Attempt {
  context: BrowserContext | null;
  contextClosed: boolean;
  finished: boolean;
  pageCrashed: boolean;
  blocked: string[];
}

/** Resolves `promise`, or `fallback` after `ms` — without leaving a timer behind. */
async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

type Puppeteer = typeof import('puppeteer-core');
let puppeteerModule: Puppeteer | null = null;

/** puppeteer-core is loaded with the first document (about 0.3 s), not when the API starts. */
function puppeteer(): Puppeteer {
  puppeteerModule ??= require('puppeteer-core') as Puppeteer;
  return puppeteerModule;
}

/** puppeteer's own timeouts (navigation, printing). */
function isPuppeteerTimeout(e: unknown): boolean {
  return e instanceof Error && e.name === 'TimeoutError';
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/**
 * A signal that aborts when the client goes away before its response is sent,
 * so that a document nobody waits for leaves the queue or stops rendering:
 * `renderer.render(doc, { signal: abortOnClientGone(res) })`.
 */
export function abortOnClientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * Renders HTML documents to PDF with one shared Chromium.
 *
 * - One browser for the process, launched on first use and again after it
 *   died; a new browser context per document, always closed.
 * - A bounded queue: PDF_CONCURRENCY documents at a time, a few waiting for a
 *   bounded time, then 503. Every render has a time limit.
 * - Documents are printed offline with JavaScript disabled; every request
 *   except `data:` URLs is refused (and counted), so no content — even
 *   injected on purpose — can make the server fetch anything.
 * - Chromium missing or broken: 503 telling the administrator what to install.
 * - Closed with the application.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  /** See PdfRendererEvent. */
  readonly events = new EventEmitter();
  private readonly limits: PdfRendererLimits;
  private readonly queue: RenderQueue;
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private readonly userDataDirs = new Map<Browser, string>();
  private readonly openContexts = new Set<BrowserContext>();
  private closing = false;
  private loggedLaunchProblem: string | null = null;
  private counters = { launches: 0, rendered: 0, retried: 0, blockedRequests: 0, peakContexts: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(PDF_RENDERER_LIMITS) limits?: Partial<PdfRendererLimits>,
  ) {
    this.limits = {
      concurrency: config.pdfConcurrency,
      maxWaiting: 20,
      waitTimeoutMs: 60_000,
      renderTimeoutMs: 60_000,
      launchTimeoutMs: 30_000,
      closeTimeoutMs: 5_000,
      ...limits,
    };
    this.queue = new RenderQueue(this.limits);
  }

  /** Prints one document. Errors are HttpExceptions with French messages (503, or 499 when cancelled). */
  async render(doc: PdfDocument, options: PdfRenderOptions = {}): Promise<Buffer> {
    if (this.closing) throw new ServiceUnavailableException(french(PDF_MESSAGES.stopping));
    let release: () => void;
    try {
      release = await this.queue.acquire(options.signal);
    } catch (e) {
      if (e instanceof QueueRejection) {
        throw new ServiceUnavailableException(french(e.reason === 'closed' ? PDF_MESSAGES.stopping : PDF_MESSAGES.busy));
      }
      throw this.describe(e);
    }
    try {
      return await this.renderWithRetry(doc, options.signal);
    } catch (e) {
      throw this.describe(e);
    } finally {
      release();
    }
  }

  stats(): PdfRendererStats {
    return {
      ...this.counters,
      active: this.queue.active,
      waiting: this.queue.waiting,
      openContexts: this.openContexts.size,
      browserPid: this.browser?.connected ? (this.browser.process()?.pid ?? null) : null,
    };
  }

  /** Memory of the Chromium process tree (Linux), or null when no browser runs. */
  browserMemory(): TreeMemory | null {
    const pid = this.stats().browserPid;
    return pid === null ? null : treeMemory(pid);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.queue.close();
    const launching = this.launching;
    if (launching) await launching.catch(() => undefined);
    const browsers = [...this.userDataDirs.keys()];
    await Promise.all(browsers.map((b) => this.closeBrowser(b)));
  }

  // ---- rendering

  private async renderWithRetry(doc: PdfDocument, signal: AbortSignal | undefined): Promise<Buffer> {
    const timeoutMs = Math.min(doc.timeoutMs ?? this.limits.renderTimeoutMs, MAX_TIMEOUT_MS);
    for (let attempt = 1; ; attempt++) {
      const browser = await this.getBrowser();
      const state: Attempt = { context: null, contextClosed: false, finished: false, pageCrashed: false, blocked: [] };
      try {
        const pdf = await this.guarded(browser, doc, state, timeoutMs, signal);
        this.counters.rendered++;
        return pdf;
      } catch (e) {
        if (this.closing && !isAbort(e)) throw new ServiceUnavailableException(french(PDF_MESSAGES.stopping));
        const crashed = !browser.connected || state.pageCrashed;
        if (!crashed || isAbort(e) || e instanceof RenderTimeout || isPuppeteerTimeout(e)) throw e;
        // Logs name no document: a title may name a family.
        if (attempt >= 2) {
          this.logger.error(`PDF: Chromium crashed twice during the same document, giving up (${(e as Error).message})`);
          throw new ServiceUnavailableException(french(PDF_MESSAGES.crashed));
        }
        this.counters.retried++;
        this.events.emit('render-retried', doc.title);
        this.logger.warn(`PDF: Chromium crashed during a document, retrying it once (${(e as Error).message})`);
      }
    }
  }

  /** One attempt, bounded in time and cancellable; the context is closed whatever happens. */
  private async guarded(browser: Browser, doc: PdfDocument, state: Attempt, timeoutMs: number, signal?: AbortSignal): Promise<Buffer> {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderTimeout()), timeoutMs);
      if (signal) {
        onAbort = () => reject(abortReason(signal));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    const work = this.print(browser, doc, state, timeoutMs);
    try {
      return await Promise.race([work, guard]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      state.finished = true;
      work.catch(() => undefined);
      await this.closeContext(browser, state);
      if (state.blocked.length > 0) {
        // The origin only: the rest of a URL could carry personal data.
        let origin = 'other';
        try {
          origin = new URL(state.blocked[0]).origin;
        } catch {
          // keep "other"
        }
        this.logger.warn(`PDF: ${state.blocked.length} request(s) from a document refused (first to ${origin})`);
      }
    }
  }

  private async print(browser: Browser, doc: PdfDocument, state: Attempt, timeoutMs: number): Promise<Buffer> {
    const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } });
    state.context = context;
    this.openContexts.add(context);
    this.counters.peakContexts = Math.max(this.counters.peakContexts, this.openContexts.size);
    this.events.emit('context-opened', this.openContexts.size);
    if (state.finished) {
      // The guard gave up while the context was being created.
      await this.closeContext(browser, state);
      throw new RenderTimeout();
    }
    const page = await context.newPage();
    page.on('error', () => (state.pageCrashed = true));
    await page.setJavaScriptEnabled(false);
    await page.setOfflineMode(true);
    await page.setRequestInterception(true);
    page.on('request', (request) => this.filterRequest(request, state, doc.title));
    await page.setContent(doc.html, { waitUntil: 'load', timeout: timeoutMs });
    // Works with JavaScript disabled (DevTools, not the page's scripts).
    await page.evaluate((title) => {
      document.title = title;
    }, doc.title);
    const withTemplates = doc.headerTemplate !== undefined || doc.footerTemplate !== undefined;
    const pdf = await page.pdf({
      format: 'A4',
      landscape: doc.landscape ?? false,
      printBackground: true,
      tagged: doc.tagged ?? true,
      outline: doc.outline ?? false,
      displayHeaderFooter: withTemplates,
      // Without an explicit template Chromium prints its own (date, title, URL).
      headerTemplate: doc.headerTemplate ?? '<span></span>',
      footerTemplate: doc.footerTemplate ?? '<span></span>',
      margin: doc.margin,
      timeout: timeoutMs,
    });
    return Buffer.from(pdf);
  }

  /**
   * Only `data:` URLs are loaded; everything else is refused and counted. A
   * navigation (a `<meta http-equiv="refresh">`, an iframe) is answered
   * "204 No Content", which leaves the frame as it is; an aborted one would
   * print Chromium's error page instead of the document.
   */
  private filterRequest(request: HTTPRequest, state: Attempt, title: string): void {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith('data:')) {
      request.continue().catch(() => undefined);
      return;
    }
    state.blocked.push(url);
    this.counters.blockedRequests++;
    this.events.emit('request-blocked', url, title);
    const refusal = request.isNavigationRequest() ? request.respond({ status: 204, body: '' }) : request.abort('blockedbyclient');
    refusal.catch(() => undefined);
  }

  private async closeContext(browser: Browser, state: Attempt): Promise<void> {
    const context = state.context;
    if (!context || state.contextClosed) return;
    state.contextClosed = true;
    const closed = await within(
      context.close().then(
        () => true,
        () => !browser.connected,
      ),
      this.limits.closeTimeoutMs,
      false,
    );
    this.openContexts.delete(context);
    this.events.emit('context-closed', this.openContexts.size);
    if (!closed && browser.connected) {
      this.logger.error('Chromium does not answer (a document context would not close): killed, relaunched on the next document');
      this.discard(browser);
    }
  }

  private describe(e: unknown): unknown {
    if (e instanceof HttpException) return e;
    if (isAbort(e)) return new HttpException(french(PDF_MESSAGES.cancelled), 499);
    if (e instanceof RenderTimeout || isPuppeteerTimeout(e)) return new ServiceUnavailableException(french(PDF_MESSAGES.timeout));
    return e;
  }

  // ---- the browser

  private async getBrowser(): Promise<Browser> {
    if (this.closing) throw new ServiceUnavailableException(french(PDF_MESSAGES.stopping));
    if (this.browser?.connected) return this.browser;
    if (this.browser) this.discard(this.browser);
    this.launching ??= this.launch().finally(() => (this.launching = null));
    return this.launching;
  }

  private executablePath(): string {
    const configured = this.config.chromiumPath;
    const path = configured ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
    if (!path) {
      this.reportLaunchProblem(`Chromium not found (CHROMIUM_PATH not set; none of ${CHROMIUM_CANDIDATES.join(', ')} exists)`);
      throw new ChromiumUnavailableException(french(PDF_MESSAGES.chromiumMissing));
    }
    if (!existsSync(path)) {
      this.reportLaunchProblem(`Chromium not found: CHROMIUM_PATH=${path} does not exist`);
      throw new ChromiumUnavailableException(french(PDF_MESSAGES.chromiumMissing));
    }
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
      accessSync(path, constants.X_OK);
    } catch (e) {
      this.reportLaunchProblem(`Chromium unusable: ${path} is not an executable file (${(e as Error).message})`);
      throw new ChromiumUnavailableException(french(PDF_MESSAGES.chromiumBroken));
    }
    return path;
  }

  private async launch(): Promise<Browser> {
    const executablePath = this.executablePath();
    const userDataDir = mkdtempSync(join(tmpdir(), 'pointage-chromium-'));
    const started = Date.now();
    // In pipe mode puppeteer's `timeout` does not cover the first DevTools
    // exchange: a program that never answers would hang for minutes. The
    // signal kills the process when the time is up.
    const giveUp = new AbortController();
    const timer = setTimeout(
      () => giveUp.abort(new Error(`no answer after ${this.limits.launchTimeoutMs} ms`)),
      this.limits.launchTimeoutMs,
    );
    let browser: Browser;
    try {
      browser = await puppeteer().launch({
        executablePath,
        headless: true,
        // DevTools over a pipe: no debugging port open on the machine, and
        // Chromium exits by itself if this process dies.
        pipe: true,
        userDataDir,
        args: CHROMIUM_ARGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: this.limits.launchTimeoutMs,
        signal: giveUp.signal,
      });
    } catch (e) {
      rmSync(userDataDir, { recursive: true, force: true });
      const cause = giveUp.signal.aborted ? (giveUp.signal.reason as Error).message : (e as Error).message.split('\n')[0];
      this.reportLaunchProblem(`Chromium (${executablePath}) failed to start: ${cause}`);
      throw new ChromiumUnavailableException(french(PDF_MESSAGES.chromiumBroken));
    } finally {
      clearTimeout(timer);
    }
    const pid = browser.process()?.pid ?? null;
    this.userDataDirs.set(browser, userDataDir);
    browser.once('disconnected', () => this.onDisconnected(browser, pid));
    this.loggedLaunchProblem = null;
    this.counters.launches++;
    this.logger.log(`Chromium started in ${Date.now() - started} ms (pid ${pid})`);
    this.events.emit('browser-launched', pid);
    if (this.closing) {
      await this.closeBrowser(browser);
      throw new ServiceUnavailableException(french(PDF_MESSAGES.stopping));
    }
    this.browser = browser;
    return browser;
  }

  /** Logs the technical cause once (until Chromium starts again), not on every request. */
  private reportLaunchProblem(cause: string): void {
    if (this.loggedLaunchProblem === cause) return;
    this.loggedLaunchProblem = cause;
    this.logger.error(`PDF exports unavailable: ${cause}`);
  }

  private onDisconnected(browser: Browser, pid: number | null): void {
    if (this.browser === browser) this.browser = null;
    for (const context of [...this.openContexts]) {
      if (context.browser() === browser) this.openContexts.delete(context);
    }
    if (!this.closing) this.logger.warn(`Chromium (pid ${pid}) stopped; it will be started again for the next document`);
    // Its renderers and zygotes too, whatever killed the browser process.
    if (pid !== null) killProcessGroup(pid);
    const dir = this.userDataDirs.get(browser);
    this.userDataDirs.delete(browser);
    if (dir) rmSync(dir, { recursive: true, force: true });
    this.events.emit('browser-disconnected', pid);
  }

  /** Forgets a browser that cannot be trusted any more and kills it. */
  private discard(browser: Browser): void {
    if (this.browser === browser) this.browser = null;
    const child = browser.process();
    if (!child?.pid) return;
    // Its pid is ours as long as Node has not seen it exit.
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    killProcessGroup(child.pid);
  }

  private async closeBrowser(browser: Browser): Promise<void> {
    const closed = await within(
      browser.close().then(
        () => true,
        () => false,
      ),
      this.limits.closeTimeoutMs,
      false,
    );
    if (!closed) this.discard(browser);
    // 'disconnected' removes the profile folder; make sure of it even if it did not fire.
    const dir = this.userDataDirs.get(browser);
    if (dir) {
      this.discard(browser);
      this.userDataDirs.delete(browser);
      rmSync(dir, { recursive: true, force: true });
    }
    if (this.browser === browser) this.browser = null;
  }
}
