import { randomUUID } from 'node:crypto';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { a11yViolations } from './support/a11y';
import { api, loginToken, firstRunAdminPassword, referenceIds } from './support/api';
import { launchBrowser, watchPage } from './support/browser';
import { loginAsAdmin } from './support/login';
import { RunningApp, startBuiltApp } from './support/server';

/**
 * The admin home of a local install's first week: the demo data of `npm start`
 * beside a real family, who is here now (live), and the removal of the demo data.
 */
describe('admin home in the browser: demo data and who is here now', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  let adminPassword = '';
  let family: { email: string; memberIds: number[] };

  beforeAll(async () => {
    app = await startBuiltApp({ POINTAGE_MODE: 'local', POINTAGE_DEMO: 'true' });
    adminPassword = firstRunAdminPassword(app.dataDir);
    const token = await loginToken(app.url, 'admin@ludotheque.local', adminPassword);
    const { id } = await referenceIds(app.url, token);
    const member = (firstName: string, status: string, birthDate: string) => ({
      lastName: 'VÉRITABLE',
      firstName,
      sexId: id('sex', 'Femme'),
      birthDate,
      cityId: id('city', 'Lille'),
      statusId: id('status', status),
      minimaId: id('minima', 'Non'),
      qfId: id('qf', '481 à 581 €'),
    });
    const email = 'famille.veritable@e2e.local';
    const created = await api<{ family: { members: { id: number }[] } }>(app.url, 'POST', '/api/families', token, {
      name: 'VÉRITABLE',
      email,
      password: 'une vraie famille de la ludo',
      qfId: id('qf', '481 à 581 €'),
      minimaId: id('minima', 'Non'),
      members: [member('Aline', 'Mère', '1986-02-03'), member('Zoé', 'Enfant à charge', '2017-06-07')],
    });
    family = { email, memberIds: created.family.members.map((m) => m.id) };
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterEach(() => context.close());

  it('shows a real check-in within the polling period, then removes the demo data and keeps the real attendance', async () => {
    await loginAsAdmin(page, app.url, adminPassword);
    const demoCard = page.locator('mat-card').filter({ has: page.getByRole('heading', { name: 'Données de démonstration' }) });
    await demoCard.waitFor();
    expect(await demoCard.innerText()).toMatch(/25 familles fictives, \d+ créneaux et \d+ présences/);
    await page.getByRole('heading', { name: 'Présents en ce moment' }).waitFor();
    await page.getByText('Créneau en cours : 00:00–23:59').waitFor();
    // Mails go to DATA_DIR/mails on this install: the home says so.
    await page.getByText(/Les e-mails ne sont pas configurés/).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    // The real family checks in at the kiosk (today's slot is a demo slot); the open page shows it without a reload.
    const familyToken = await loginToken(app.url, family.email, 'une vraie famille de la ludo', 'ludotheque');
    await api(app.url, 'POST', '/api/family/attendance', familyToken, { key: randomUUID(), memberIds: family.memberIds });
    const present = page.getByRole('list', { name: 'Membres pointés sur le créneau en cours' });
    await present.getByText('Zoé VÉRITABLE').waitFor({ timeout: 25_000 });
    await present.getByText('Aline VÉRITABLE').waitFor();

    await page.getByRole('button', { name: 'Supprimer les données de démonstration' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Vos propres familles et leurs présences sont conservées/).waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Supprimer' }).click();
    await page
      .getByText(
        /^Données de démonstration supprimées : 25 familles fictives, \d+ créneaux et \d+ présences\. 1 créneau conservé : vos familles y ont été pointées\.$/,
      )
      .waitFor();
    expect(await demoCard.count()).toBe(0);
    // The slot of the real check-in is kept, and its attendance with it.
    await present.getByText('Zoé VÉRITABLE').waitFor();
    expect(await present.getByRole('listitem').count()).toBe(2);
    expect(await a11yViolations(page)).toEqual([]);

    const token = await loginToken(app.url, 'admin@ludotheque.local', adminPassword);
    expect(await api(app.url, 'GET', '/api/demo-data', token)).toEqual({ families: 0, members: 0, slots: 0, attendance: 0 });
    const families = await api<{ total: number }>(app.url, 'GET', '/api/families', token);
    expect(families.total).toBe(1);
    expect(watch.errors).toEqual([]);
  });
});
