import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './support/a11y';
import { api, loginToken, parisDates, firstRunAdminPassword, referenceIds } from './support/api';
import { launchBrowser, watchPage } from './support/browser';
import { loginAsAdmin } from './support/login';
import { RunningApp, startBuiltApp } from './support/server';

const FEDER = "Ce projet est cofinancé par l'Union Européenne avec le FEDER";

/** 'YYYY-MM-DD' → 'jj/mm/aaaa'. */
const french = (iso: string) => iso.split('-').reverse().join('/');
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * Back office, issue 13: printouts carry the funder's line and the structure's
 * name on every page; times are typed and shown on 24 hours in any browser
 * language; the journal names people and is usable on a phone; every state
 * visited is checked by axe (support/a11y.ts).
 */
describe('back office: print, time fields, journal', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  let password = '';
  let token = '';
  let structureName = '';
  const { today } = parisDates();
  const from = addDays(today, 1);
  const to = addDays(today, 120);

  beforeAll(async () => {
    app = await startBuiltApp({ POINTAGE_MODE: 'local' });
    password = firstRunAdminPassword(app.dataDir);
    token = await loginToken(app.url, 'admin@ludotheque.local', password);
    structureName = (await api<{ name: string }>(app.url, 'GET', '/api/settings/structure', token).catch(() => ({ name: '' }))).name;
    // Four months of slots: a list of several printed pages.
    await api(app.url, 'POST', '/api/slots/generate', token, {
      from,
      to,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      ranges: [
        { start: '09:30', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  afterEach(async () => {
    expect(watch?.errors ?? []).toEqual([]);
    await context?.close();
  });

  async function open(locale: string, viewport = { width: 1280, height: 900 }): Promise<void> {
    context = await browser.newContext({ locale, timezoneId: 'Europe/Paris', viewport, reducedMotion: 'reduce' });
    page = await context.newPage();
    watch = watchPage(page);
    await loginAsAdmin(page, app.url, password);
    if (!structureName) {
      structureName = await page.evaluate(
        () =>
          (JSON.parse(sessionStorage.getItem('pointage.admin') ?? '{}') as { info?: { structureName?: string } }).info?.structureName ?? '',
      );
    }
  }

  it('prints the slot list with the funder line and the structure name on every page, without the menus', async () => {
    await open('fr-FR');
    await page.getByRole('link', { name: 'GESTION DES CRÉNEAUX' }).first().click();
    await page.getByRole('tab', { name: 'Liste des créneaux paramétrés' }).click();
    await page.getByLabel('Du', { exact: true }).fill(french(from));
    await page.getByLabel('Au', { exact: true }).fill(french(to));
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByText(`Créneaux paramétrés du ${french(from)} au ${french(to)}`).waitFor();
    await page.getByRole('button', { name: 'Ouvrir le calendrier' }).first().click();
    await page.locator('mat-calendar').waitFor();
    await expectAccessible(page, 'calendrier ouvert');
    await page.keyboard.press('Escape');

    await page.emulateMedia({ media: 'print' });
    expect(structureName).not.toBe('');
    expect(await page.getByRole('contentinfo').getByText(FEDER).isVisible()).toBe(true);
    expect(await page.locator('.print-structure').getByText(structureName).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Menu principal' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'SE DÉCONNECTER' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afficher' }).isVisible()).toBe(false);
    expect(await page.getByRole('tab', { name: 'Liste des créneaux paramétrés' }).isVisible()).toBe(false);

    // The document the browser prints: every page has both lines.
    const dir = mkdtempSync(join(tmpdir(), 'pointage-print-'));
    try {
      const pdf = join(dir, 'creneaux.pdf');
      writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(2);
      for (const [i, text] of pages.entries()) {
        const flat = text.replace(/\s+/g, ' ');
        expect({ page: i + 1, feder: flat.includes(FEDER), structure: flat.includes(structureName) }).toEqual({
          page: i + 1,
          feder: true,
          structure: true,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('types and shows times on 24 hours in an English browser (14:00, not 02:00 PM)', async () => {
    await open('en-US');
    await page.getByRole('link', { name: 'GESTION DES CRÉNEAUX' }).first().click();
    const form = page.getByRole('form', { name: 'Générer les créneaux' });
    const range = form.getByRole('group', { name: 'Plage horaire 1' });
    const start = range.getByLabel('De', { exact: true });
    const end = range.getByLabel('À', { exact: true });
    expect(await start.getAttribute('type')).toBe('text');
    await start.fill('14:00');
    await end.fill('16h30');
    await end.blur();
    expect(await start.inputValue()).toBe('14:00');
    expect(await end.inputValue()).toBe('16:30');
    const day = addDays(today, 200);
    await form.getByRole('group', { name: 'Date', exact: true }).getByLabel('De', { exact: true }).fill(french(day));
    await form.getByRole('button', { name: 'GÉNÉRER' }).click();
    await form
      .getByRole('status')
      .getByText(/créneau/)
      .waitFor();

    await page.getByRole('tab', { name: 'Liste des créneaux paramétrés' }).click();
    await page.getByLabel('Du', { exact: true }).fill(french(day));
    await page.getByLabel('Au', { exact: true }).fill(french(day));
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.getByRole('cell', { name: '14:00 – 16:30' }).waitFor();
    expect(await page.getByText(/\b\d{1,2}:\d{2}\s?(AM|PM)\b/).count()).toBe(0);
  });

  it('journal on a phone: names the targets, filters by person, its table scrolls by keyboard', async () => {
    await api(app.url, 'POST', '/api/families', token, await familyBody('DURAND'));
    await open('fr-FR', { width: 390, height: 844 });
    await page.getByRole('button', { name: 'MENU' }).click();
    await page.getByRole('menuitem', { name: 'JOURNAL' }).click();
    await page.getByRole('heading', { name: 'JOURNAL' }).waitFor();
    const table = page.getByRole('table', { name: 'Journal des actions' });
    await table.getByText('famille DURAND').first().waitFor();
    expect(await table.getByText(/\bfamily \d+/).count()).toBe(0);

    await page.getByLabel('Personne').fill('durand');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/audit') && r.url().includes('search=durand')),
      page.getByRole('button', { name: 'FILTRER' }).click(),
    ]);
    await table.getByText('Famille créée').first().waitFor();
    expect(await table.getByText('Connexion').count()).toBe(0);

    const region = page.getByRole('region', { name: /Journal des actions/ });
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'journal filtré sur téléphone');
  });

  async function familyBody(name: string): Promise<Record<string, unknown>> {
    const { id } = await referenceIds(app.url, token);
    return {
      name,
      email: `famille.${name.toLowerCase()}@e2e.local`,
      qfId: id('qf', '481 à 581 €'),
      minimaId: id('minima', 'Non'),
      members: [
        {
          lastName: name,
          firstName: 'Alice',
          sexId: id('sex', 'Femme'),
          birthDate: '1985-04-12',
          cityId: id('city', 'Lille'),
          statusId: id('status', 'Mère'),
          minimaId: id('minima', 'Non'),
          qfId: id('qf', '481 à 581 €'),
        },
      ],
    };
  }
});
