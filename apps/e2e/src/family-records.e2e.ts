import { Browser, BrowserContext, Page } from 'playwright-core';
import { api, loginToken, firstRunAdminPassword, referenceIds } from './support/api';
import { launchBrowser, watchPage } from './support/browser';
import { loginAsAdmin } from './support/login';
import { RunningApp, startBuiltApp } from './support/server';

/**
 * Issue 13 in the browser (every page and dialog checked by axe): the MEMBRES
 * table, a family's attendance history, the merge of a family registered twice,
 * and the retention page.
 */
describe('members, history, merge and retention in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  let adminPassword = '';
  const ids: { kept: number; twice: number } = { kept: 0, twice: 0 };

  beforeAll(async () => {
    app = await startBuiltApp({ POINTAGE_MODE: 'local' });
    adminPassword = firstRunAdminPassword(app.dataDir);
    const token = await loginToken(app.url, 'admin@ludotheque.local', adminPassword);
    await api(app.url, 'POST', '/api/slots/generate', token, {
      from: '2026-10-20',
      weekdays: [2],
      ranges: [{ start: '14:00', end: '16:00' }],
    });
    const slots = await api<{ slots: { id: number }[] }[]>(app.url, 'GET', '/api/slots?from=2026-10-20&to=2026-10-20', token);
    const { id } = await referenceIds(app.url, token);
    const member = (firstName: string, birthDate: string, status: string) => ({
      lastName: 'BONNET',
      firstName,
      sexId: id('sex', 'Femme'),
      birthDate,
      cityId: id('city', 'Lille'),
      statusId: id('status', status),
      minimaId: id('minima', 'Non'),
      qfId: id('qf', '481 à 581 €'),
    });
    const family = async (email: string, members: object[]) =>
      (
        await api<{ family: { id: number; members: { id: number }[] } }>(app.url, 'POST', '/api/families', token, {
          name: 'BONNET',
          email,
          qfId: id('qf', '481 à 581 €'),
          minimaId: id('minima', 'Non'),
          members,
          confirmDuplicates: true,
        })
      ).family;
    const kept = await family('bonnet@e2e.local', [member('Jeanne', '1986-02-14', 'Mère'), member('Lou', '2019-07-01', 'Enfant à charge')]);
    const twice = await family('bonnet.bis@e2e.local', [member('Jeanne', '1986-02-14', 'Mère')]);
    ids.kept = kept.id;
    ids.twice = twice.id;
    await api(app.url, 'POST', '/api/attendance/retro', token, {
      slotId: slots[0].slots[0].id,
      memberIds: [kept.members[1].id],
      arrivalTime: '14:05',
    });
    await api(app.url, 'POST', '/api/attendance/retro', token, {
      slotId: slots[0].slots[0].id,
      memberIds: [twice.members[0].id],
      arrivalTime: '14:02',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    watch = watchPage(page);
    await loginAsAdmin(page, app.url, adminPassword);
  });
  afterEach(async () => {
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('MEMBRES: every member with the attendance list columns, searched and filtered by the API', async () => {
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'MEMBRES' }).click();
    await page.getByRole('heading', { name: 'MEMBRES' }).waitFor();
    const table = page.getByRole('table', { name: 'Membres' });
    await table.getByRole('cell', { name: 'Lou' }).waitFor();
    await page.getByLabel('Rechercher un membre (nom, prénom)').fill('jeanne');
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Membres"] tr.mat-mdc-row').length === 2);
    await page.getByLabel('Âge de').fill('18');
    await page.getByLabel('Rechercher un membre (nom, prénom)').fill('');
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Membres"] tr.mat-mdc-row').length === 2);
    expect(await table.getByRole('cell', { name: 'Lou' }).count()).toBe(0);
  });

  it('merges the family registered twice from its page; the history shows the attendance of both, once per person and slot', async () => {
    await page.goto(`${app.url}/admin/familles/${ids.kept}`);
    await page.getByRole('heading', { name: 'Famille BONNET' }).waitFor();
    const history = page.getByRole('table', { name: 'Historique des présences' });
    await history.getByRole('cell', { name: 'Lou BONNET' }).waitFor();
    expect(await history.getByRole('cell', { name: 'mardi 20/10/2026' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Fusionner avec une autre famille' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel("Rechercher l'autre famille (nom de famille ou d'un membre)").fill('bonnet');
    await dialog.getByRole('radio', { name: /BONNET — Jeanne/ }).check();
    await dialog.getByText('Jeanne BONNET (14/02/1986) est la même personne dans les deux familles').waitFor();
    await dialog.getByRole('button', { name: 'Fusionner' }).click();
    await page.getByText('Familles fusionnées : 1 membre(s) repris, 1 doublon(s) réuni(s).').waitFor();
    await history.getByRole('cell', { name: 'Jeanne BONNET' }).waitFor();
    expect(await history.getByRole('row').count()).toBe(3);
    // The absorbed family is gone: its page says so (the browser logs the API's 404, expected here).
    await page.goto(`${app.url}/admin/familles/${ids.twice}`);
    await page.getByText('Famille introuvable.').waitFor();
    watch.errors = watch.errors.filter((e) => !e.includes('status of 404'));
  });

  it('retention: the setting and the list of inactive families', async () => {
    await page.goto(`${app.url}/admin/familles`);
    await page.getByRole('link', { name: 'Conservation des données (RGPD)' }).click();
    await page.getByRole('heading', { name: 'Conservation des données (RGPD)' }).waitFor();
    await page.getByRole('heading', { name: /0 famille inactive depuis le/ }).waitFor();
    await page.getByLabel('Durée de conservation').fill('0');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText("La durée de conservation est à 0 : aucune famille n'est proposée à l'anonymisation.").waitFor();
    // Saved on the server: a reload shows it.
    await page.reload();
    await page.getByRole('heading', { name: 'Conservation des données (RGPD)' }).waitFor();
    expect(await page.getByLabel('Durée de conservation').inputValue()).toBe('0');
  });
});
