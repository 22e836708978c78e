import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';

/** WCAG 2.x A/AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * Rules held as well although axe files them apart (experimental): what is read
 * must match what is seen (the open date picker's cells and month button).
 */
const EXTRA_RULES = ['label-content-name-mismatch'];

function lines(results: AxeResults[]): string[] {
  return results
    .flatMap((r) => r.violations)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

/** One axe run at a time per page (axe refuses concurrent runs): the explicit checks and the automatic ones queue. */
const queues = new WeakMap<Page, Promise<unknown>>();

function queued<T>(page: Page, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(page) ?? Promise.resolve()).catch(() => undefined).then(work);
  queues.set(
    page,
    run.catch(() => undefined),
  );
  return run;
}

/** Gives up on a check that does not end (the page closed or froze under it). */
function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`axe: no answer after ${ms} ms`)), ms)));
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function analyze(page: Page): Promise<string[]> {
  const main = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const extra = await new AxeBuilder({ page }).withRules(EXTRA_RULES).analyze();
  return lines([main, extra]);
}

/** WCAG 2.x A/AA violations of the page in its current state (dialogs included), as readable lines. */
export function a11yViolations(page: Page): Promise<string[]> {
  return queued(page, () => bounded(analyze(page), 30_000));
}

/** Fails with the violations of the page in its current state; `where` names that state in the message. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const found = await a11yViolations(page);
  if (found.length) throw new Error(`axe: ${found.length} violation(s) — ${where} (${new URL(page.url()).pathname}):\n${found.join('\n')}`);
}

/*
 * Systematic checking: every page of every context made by launchBrowser() is
 * checked by axe after each navigation (loads and the router's history changes)
 * and each time a dialog opens; what is found fails the running test (the
 * afterEach of support/a11y-setup.ts, run by jest for every e2e file).
 */

const findings = new Set<string>();
const pending = new Set<Promise<void>>();

function schedule(page: Page, why: string): void {
  const run = queued(page, () =>
    bounded(
      (async () => {
        if (page.isClosed()) return;
        await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
        await page.waitForTimeout(250);
        if (page.isClosed()) return;
        const url = new URL(page.url());
        if (!url.protocol.startsWith('http')) return;
        for (const line of await analyze(page)) findings.add(`${url.pathname} (${why}): ${line}`);
      })(),
      30_000,
    ),
  ).catch(() => {
    // The page navigated, closed or froze during the check: the next state gets its own.
  });
  pending.add(run);
  void run.finally(() => pending.delete(run));
}

function watch(page: Page): void {
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) schedule(page, 'navigation');
  });
}

/** Checks every page of the context after each navigation and each dialog that opens. */
export async function checkEveryPageState(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__pointageDialogOpened', ({ page }) => {
    if (page) schedule(page, 'dialogue ouvert');
  });
  await context.addInitScript(() => {
    const seen = new WeakSet<Element>();
    const look = () => {
      for (const d of Array.from(document.querySelectorAll('[role="dialog"], [role="alertdialog"]'))) {
        if (seen.has(d)) continue;
        seen.add(d);
        (window as unknown as { __pointageDialogOpened?: () => void }).__pointageDialogOpened?.();
      }
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
  });
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
}

/** What the automatic checks found since the last call (after waiting for those still running). */
export async function takeA11yFindings(): Promise<string[]> {
  while (pending.size) await Promise.all([...pending]);
  const out = [...findings];
  findings.clear();
  return out;
}
