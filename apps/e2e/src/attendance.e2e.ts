import { Browser, BrowserContext, Page } from 'playwright-core';
import { a11yViolations } from './support/a11y';
import { api, loginToken, parisDates, firstRunAdminPassword, referenceIds } from './support/api';
import { launchBrowser, watchPage } from './support/browser';
import { frenchDate } from './support/dates';
import { loginAsAdmin } from './support/login';
import { RunningApp, startBuiltApp } from './support/server';

/**
 * The heart of the product in a real browser: a family checks in at the kiosk
 * and the counter follows; an admin acts for a family; an admin enters a past
 * attendance.
 */
describe('attendance in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  let adminPassword = '';
  let adminToken = '';
  const slug = 'ludotheque';
  const familyPassword = 'les grujic aiment jouer';

  beforeAll(async () => {
    // Today's slot covers the whole day; a minute before midnight it would close: wait for the new day.
    while (parisDates().minutes >= 1437) await new Promise((r) => setTimeout(r, 5000));
    app = await startBuiltApp({ POINTAGE_MODE: 'local' });
    adminPassword = firstRunAdminPassword(app.dataDir);
    adminToken = await loginToken(app.url, 'admin@ludotheque.local', adminPassword);
    const { today, yesterday } = parisDates();
    await api(app.url, 'POST', '/api/slots/generate', adminToken, {
      from: today,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      ranges: [{ start: '00:00', end: '23:59' }],
    });
    await api(app.url, 'POST', '/api/slots/generate', adminToken, {
      from: yesterday,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      ranges: [{ start: '14:00', end: '18:00' }],
    });
    const { id } = await referenceIds(app.url, adminToken);
    const member = (firstName: string, status: string, birthDate: string) => ({
      lastName: 'GRUJIC',
      firstName,
      sexId: id('sex', 'Homme'),
      birthDate,
      cityId: id('city', 'Lille'),
      statusId: id('status', status),
      minimaId: id('minima', 'Non'),
      qfId: id('qf', '481 à 581 €'),
    });
    for (const [name, email] of [
      ['GRUJIC', 'famille.grujic@e2e.local'],
      ['LAOUAR', 'famille.laouar@e2e.local'],
    ]) {
      await api(app.url, 'POST', '/api/families', adminToken, {
        name,
        email,
        password: familyPassword,
        qfId: id('qf', '481 à 581 €'),
        minimaId: id('minima', 'Non'),
        members: [
          member('Stanko', 'Père', '1975-06-26'),
          member('Luka', 'Enfant à charge', '2016-03-01'),
          member('Sofiane', 'Enfant à charge', '2018-09-12'),
        ].map((m) => ({ ...m, lastName: name })),
      });
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 768, height: 1024 },
      reducedMotion: 'reduce',
      hasTouch: true,
    });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterEach(() => context.close());

  const counterText = async () =>
    (
      await page
        .getByText(/personnes? présentes?|Aucune personne présente/)
        .first()
        .innerText()
    ).trim();

  it('a family checks in 2 of its 3 members at the kiosk and the counter goes up by 2', async () => {
    await page.goto(`${app.url}/`);
    await page.waitForURL(`**/k/${slug}`);
    await page
      .getByText('Aucune personne présente pour l\u2019instant')
      .or(page.getByText("Aucune personne présente pour l'instant"))
      .first()
      .waitFor();
    await page.getByText(/Créneau en cours : 00:00 – 23:59/).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse e-mail').fill('famille.grujic@e2e.local');
    await page.getByLabel('Mot de passe', { exact: true }).fill(familyPassword);
    await page.getByRole('button', { name: /Se connecter/ }).click();
    await page.getByRole('heading', { name: 'Famille GRUJIC' }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    // Touch targets of at least 48 px on the sheet.
    const card = page.getByRole('button', { name: /Stanko GRUJIC Absent/ });
    const box = await card.boundingBox();
    expect(box && box.height >= 48 && box.width >= 48).toBe(true);

    await card.click();
    await page.getByRole('button', { name: /Luka GRUJIC Absent/ }).click();
    expect(await page.getByRole('button', { name: /Stanko GRUJIC Présent/ }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'VALIDER' }).click();
    await page.getByText('Merci. Votre présence a bien été prise en compte').first().waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    // Back to the home page by itself after 5 s, the family session gone.
    await page.waitForURL(`**/k/${slug}`, { timeout: 10_000 });
    await page.locator('.counter', { hasText: '2 personnes présentes' }).waitFor();
    expect(await counterText()).toBe('2 personnes présentes');
    await page.goto(`${app.url}/k/${slug}/presence`);
    await page.waitForURL(`**/k/${slug}/connexion`);
    expect(watch.errors).toEqual([]);
  });

  it('a kiosk that loses the network while validating retries with the same key: no loss, no duplicate', async () => {
    await page.goto(`${app.url}/k/${slug}/connexion`);
    await page.getByLabel('Adresse e-mail').fill('famille.grujic@e2e.local');
    await page.getByLabel('Mot de passe', { exact: true }).fill(familyPassword);
    await page.getByRole('button', { name: /Se connecter/ }).click();
    await page.getByRole('heading', { name: 'Famille GRUJIC' }).waitFor();
    // Stanko and Luka were recorded by the previous test: locked as already present.
    expect(await page.getByRole('button', { name: /Stanko GRUJIC Présent ✓ \(déjà pointé\)/ }).getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('button', { name: /Sofiane GRUJIC Absent/ }).click();

    await context.setOffline(true);
    await page.getByRole('button', { name: 'VALIDER' }).click();
    await page.getByText('Connexion perdue, nouvel essai…').first().waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    await page.waitForTimeout(2500);
    await context.setOffline(false);
    await page.getByText('Merci. Votre présence a bien été prise en compte').first().waitFor({ timeout: 15_000 });

    const status = await api<{ counter: number }>(app.url, 'GET', `/api/public/structures/${slug}/kiosk`, null);
    expect(status.counter).toBe(3);
    expect(watch.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
  });

  it('an admin acts for a family from the back office', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAsAdmin(page, app.url, adminPassword);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'FAMILLES' }).click();
    await page.getByRole('button', { name: 'Pointer pour la famille LAOUAR' }).click();
    await page.getByText(/agit pour la famille LAOUAR/).waitFor();
    await page.getByRole('heading', { name: 'Famille LAOUAR' }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Sofiane LAOUAR Absent/ }).click();
    await page.getByRole('button', { name: 'VALIDER' }).click();
    await page.getByText('Merci. Votre présence a bien été prise en compte').first().waitFor();
    await page
      .getByRole('heading', { name: /Famille LAOUAR/ })
      .first()
      .waitFor();

    // The journal shows who acted for whom.
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'JOURNAL' }).click();
    await page
      .getByRole('cell', { name: /pour famille LAOUAR/ })
      .first()
      .waitFor();
    const status = await api<{ counter: number }>(app.url, 'GET', `/api/public/structures/${slug}/kiosk`, null);
    expect(status.counter).toBe(4);
    expect(watch.errors).toEqual([]);
  });

  it('an admin enters a past attendance and removes one entered by mistake', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loginAsAdmin(page, app.url, adminPassword);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'PRÉSENCES PASSÉES' }).click();

    const { yesterday } = parisDates();
    await page.getByLabel('Date', { exact: true }).fill(frenchDate(yesterday));
    await page.getByLabel('Date', { exact: true }).press('Enter');
    await page.getByRole('radio', { name: /14:00 – 18:00/ }).check();
    await page.getByLabel('Famille', { exact: true }).fill('gru');
    await page.getByRole('option', { name: /GRUJIC/ }).click();
    await page.getByRole('checkbox', { name: 'Stanko GRUJIC' }).check();
    await page.getByRole('checkbox', { name: 'Sofiane GRUJIC' }).check();
    await page.getByLabel("Heure d'arrivée").fill('14:25');
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'ENREGISTRER' }).click();
    await page.getByText('2 présences enregistrées.').first().waitFor();
    await page.getByRole('cell', { name: '14:25' }).first().waitFor();

    await page.getByRole('button', { name: 'Supprimer la présence de Sofiane GRUJIC' }).click();
    await page.getByRole('dialog').getByLabel('Motif de la suppression').fill('Saisie par erreur');
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('button', { name: 'Supprimer la présence de Sofiane GRUJIC' }).waitFor({ state: 'detached' });
    const day = await api<{ slots: { attendance: { firstName: string; arrival: string }[] }[] }>(
      app.url,
      'GET',
      `/api/attendance/day?date=${yesterday}`,
      adminToken,
    );
    expect(day.slots[0].attendance.map((a) => `${a.firstName} ${a.arrival}`)).toEqual(['Stanko 14:25']);
    expect(watch.errors).toEqual([]);
  });
});
