import { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, watchPage } from './support/browser';
import { RunningApp, startBuiltApp } from './support/server';

const FEDER = "Ce projet est cofinancé par l'Union Européenne avec le FEDER";

describe('web shell served by the API', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startBuiltApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 768, height: 1024 } });
  });
  afterEach(() => context.close());

  it.each(['/', '/admin', '/super-admin', '/admin/parametres/villes'])(
    'loads %s directly (deep link) with the FEDER footer',
    async (path) => {
      const page = await context.newPage();
      const watch = watchPage(page);
      const response = await page.goto(app.url + path);
      expect(response?.status()).toBe(200);
      await page.getByRole('contentinfo').waitFor();
      expect(await page.getByRole('contentinfo').innerText()).toContain(FEDER);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(watch.errors).toEqual([]);
    },
  );

  it('answers unknown API routes with JSON, not the web app', async () => {
    const res = await fetch(`${app.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ statusCode: 404, message: 'Ressource introuvable.' });
  });
});
