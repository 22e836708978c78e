import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { checkEveryPageState } from './a11y';

/** Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. Never a downloaded browser. */
export function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH.');
  return found;
}

/**
 * Debian's Chromium, whose every context is checked by axe after each
 * navigation and each dialog (support/a11y.ts): a violation fails the test.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await checkEveryPageState(context);
    return context;
  };
  return browser;
}

/** Collects console errors and failed requests of a page, to assert there were none. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { errors };
}
