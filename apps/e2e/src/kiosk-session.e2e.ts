import { Browser, BrowserContext, Page } from 'playwright-core';
import { api, loginToken, parisDates, firstRunAdminPassword, referenceIds } from './support/api';
import { launchBrowser, watchPage } from './support/browser';
import { RunningApp, startBuiltApp } from './support/server';

/** Shortened delays of the kiosk (window.__pointageKioskTiming, read by KIOSK_TIMING): 3 s without a touch, then a 2 s question. */
const TIMING = { inactivityMs: 3000, countdownSeconds: 2 };
const IDLE_LIMIT_MS = TIMING.inactivityMs + TIMING.countdownSeconds * 1000;

/**
 * The kiosk's family session in a real browser: it survives a reload of the
 * tablet within the inactivity delay, not after it, and a revoked token ends
 * it cleanly; the keyboard focus is visible on the kiosk's buttons and goes to
 * the page's heading after the login and after VALIDER.
 */
describe('kiosk family session in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  const slug = 'ludotheque';
  const familyPassword = 'les martin aiment jouer';

  beforeAll(async () => {
    // Today's slot covers the whole day; a minute before midnight it would close: wait for the new day.
    while (parisDates().minutes >= 1437) await new Promise((r) => setTimeout(r, 5000));
    app = await startBuiltApp({ POINTAGE_MODE: 'local' });
    const adminPassword = firstRunAdminPassword(app.dataDir);
    const adminToken = await loginToken(app.url, 'admin@ludotheque.local', adminPassword);
    await api(app.url, 'POST', '/api/slots/generate', adminToken, {
      from: parisDates().today,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      ranges: [{ start: '00:00', end: '23:59' }],
    });
    const { id } = await referenceIds(app.url, adminToken);
    const member = (firstName: string, status: string, birthDate: string) => ({
      lastName: 'MARTIN',
      firstName,
      sexId: id('sex', 'Femme'),
      birthDate,
      cityId: id('city', 'Lille'),
      statusId: id('status', status),
      minimaId: id('minima', 'Non'),
      qfId: id('qf', '481 à 581 €'),
    });
    await api(app.url, 'POST', '/api/families', adminToken, {
      name: 'MARTIN',
      email: 'famille.martin@e2e.local',
      password: familyPassword,
      qfId: id('qf', '481 à 581 €'),
      minimaId: id('minima', 'Non'),
      members: [
        member('Claire', 'Mère', '1985-04-12'),
        member('Lou', 'Enfant à charge', '2017-05-05'),
        member('Zoé', 'Enfant à charge', '2019-01-20'),
      ],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 768, height: 1024 }, reducedMotion: 'reduce' });
    await context.addInitScript((timing) => Object.assign(window, { __pointageKioskTiming: timing }), TIMING);
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterEach(() => context.close());

  async function login(): Promise<void> {
    await page.goto(`${app.url}/k/${slug}/connexion`);
    await page.getByLabel('Adresse e-mail').fill('famille.martin@e2e.local');
    await page.getByLabel('Mot de passe', { exact: true }).fill(familyPassword);
    await page.getByRole('button', { name: /Se connecter/ }).click();
    await page.getByRole('heading', { name: 'Famille MARTIN' }).waitFor();
  }

  /** The element with the focus: its text, tag, and its outline as computed by the browser. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const style = el ? getComputedStyle(el) : null;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: el?.textContent?.trim() ?? '',
        outlineStyle: style?.outlineStyle ?? '',
        outlineWidth: parseFloat(style?.outlineWidth ?? '0'),
        outlineColor: style?.outlineColor ?? '',
      };
    });

  /** WCAG contrast ratio of two computed colours ('rgb(r, g, b)'). */
  function contrast(a: string, b: string): number {
    const lum = (c: string) => {
      const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const x = Number(v) / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  /** Tab until the focus is on the element named `text` (at most `max` presses). */
  async function tabTo(text: RegExp, max = 12): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (text.test((await focused()).text)) return;
    }
    throw new Error(`focus never reached ${text}`);
  }

  it('shows a focus ring on the kiosk buttons and moves the focus to the heading after login and after VALIDER', async () => {
    await page.goto(`${app.url}/k/${slug}/connexion`);
    await page.getByLabel('Adresse e-mail').fill('famille.martin@e2e.local');
    await page.getByLabel('Mot de passe', { exact: true }).fill(familyPassword);
    await page.getByLabel('Mot de passe', { exact: true }).focus();
    await tabTo(/^Se connecter$/);
    const onLogin = await focused();
    expect(onLogin.tag).toBe('button');
    expect(onLogin.outlineStyle).toBe('solid');
    expect(onLogin.outlineWidth).toBeGreaterThanOrEqual(3);
    expect(contrast(onLogin.outlineColor, await pageBackground())).toBeGreaterThanOrEqual(3);

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Famille MARTIN' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect((await focused()).text).toBe('Famille MARTIN');

    await tabTo(/Claire\s*MARTIN\s*Absent/);
    await page.keyboard.press('Space');
    await tabTo(/^VALIDER$/);
    const onValidate = await focused();
    expect(onValidate.outlineStyle).toBe('solid');
    expect(onValidate.outlineWidth).toBeGreaterThanOrEqual(3);
    expect(contrast(onValidate.outlineColor, await pageBackground())).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await page.getByText('Merci. Votre présence a bien été prise en compte').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect((await focused()).text).toBe('Famille MARTIN');
    expect(watch.errors).toEqual([]);
  });

  it('keeps the family through a reload within the inactivity delay, not after it', async () => {
    await login();
    await page.getByRole('button', { name: /Lou MARTIN Absent/ }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'Famille MARTIN' }).waitFor();
    expect(page.url()).toBe(`${app.url}/k/${slug}/presence`);

    // The tablet is left alone (away from the kiosk, the tab keeps its storage) past the delay, then comes back.
    await page.goto('about:blank');
    await page.waitForTimeout(IDLE_LIMIT_MS + 500);
    await page.goto(`${app.url}/k/${slug}/presence`);
    await page.waitForURL(`**/k/${slug}/connexion`);
    expect(await page.evaluate(() => sessionStorage.getItem('pointage.kiosk'))).toBeNull();
    expect(watch.errors).toEqual([]);
  });

  it('without an answer the question names the ticked members, then ends the session; a reload stays logged out', async () => {
    await login();
    await page.getByRole('button', { name: /Lou MARTIN Absent/ }).click();
    await page.getByRole('button', { name: /Zoé MARTIN Absent/ }).click();
    await page.getByText('2 personnes cochées ne sont pas encore validées.').waitFor({ timeout: TIMING.inactivityMs + 3000 });
    await page.getByRole('button', { name: 'Je suis là' }).waitFor();
    await page.waitForURL(`**/k/${slug}`, { timeout: IDLE_LIMIT_MS + 3000 });
    await page.reload();
    await page.goto(`${app.url}/k/${slug}/presence`);
    await page.waitForURL(`**/k/${slug}/connexion`);
    const status = await api<{ counter: number }>(app.url, 'GET', `/api/public/structures/${slug}/kiosk`, null);
    expect(status.counter).toBe(1); // Claire, from the first test; Lou and Zoé were never validated.
    expect(watch.errors).toEqual([]);
  });

  it('a restored session whose token was revoked meanwhile goes back to the kiosk home', async () => {
    await login();
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('pointage.kiosk') ?? 'null') as { token: string } | null);
    expect(stored?.token).toBeTruthy();
    // "Terminer" on another device, or the team: the token is refused from now on.
    await api(app.url, 'POST', '/api/auth/logout', stored?.token ?? null, {});
    await page.reload();
    await page.waitForURL(`**/k/${slug}`);
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('pointage.kiosk'))).toBeNull();
    expect(watch.errors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
