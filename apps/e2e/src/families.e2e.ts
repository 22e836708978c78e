import { Browser, BrowserContext, Page } from 'playwright-core';
import { a11yViolations } from './support/a11y';
import { launchBrowser, watchPage } from './support/browser';
import { choose, fillMember } from './support/forms';
import { loginAsAdmin } from './support/login';
import { RunningApp, startBuiltApp } from './support/server';
import { firstRunAdminPassword } from './support/api';

/**
 * A local install (one structure created at first start): the admin creates a
 * family with three members, edits one, archives one; a family registers
 * itself at the kiosk and adds a member.
 */
describe('families in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  let adminPassword = '';

  beforeAll(async () => {
    app = await startBuiltApp({ POINTAGE_MODE: 'local' });
    adminPassword = firstRunAdminPassword(app.dataDir);
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

  it('an admin creates a family with three members, edits one and archives one', async () => {
    await loginAsAdmin(page, app.url, adminPassword);
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'FAMILLES' }).click();
    await page.getByRole('heading', { name: 'FAMILLES' }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: /Nouvelle famille/ }).click();
    await page.getByRole('heading', { name: 'Nouvelle famille' }).waitFor();
    await page.getByLabel('Nom de la famille').fill('GRUJIC');
    await page.getByLabel('Adresse e-mail (identifiant)').fill('famille.grujic@e2e.local');
    const household = page.locator('fieldset').first();
    await choose(page, household, 'Quotient familial', '481 à 581 €');
    await choose(page, household, 'Minima sociaux', 'Non');
    const members = page.locator('fieldset.member');
    await fillMember(page, members.nth(0), {
      lastName: 'GRUJIC',
      firstName: 'Stanko',
      sex: 'Homme',
      birthDate: '26/06/1975',
      city: 'Lille',
      status: 'Père',
    });
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    await fillMember(page, members.nth(1), {
      lastName: 'GRUJIC',
      firstName: 'Luka',
      sex: 'Homme',
      birthDate: '01/03/2016',
      city: 'Lille',
      status: 'Enfant à charge',
    });
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    await fillMember(page, members.nth(2), {
      lastName: 'LAOUAR',
      firstName: 'Lyn',
      sex: 'Femme',
      birthDate: '20/11/2019',
      city: 'Ronchin',
      status: 'Enfant gardé',
    });
    // Ages are shown live from the birth dates.
    expect(await members.nth(0).getByLabel('Âge').inputValue()).toMatch(/^\d+ ans$/);
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'CRÉER LA FAMILLE' }).click();

    const credentials = page.getByRole('dialog');
    await credentials.getByRole('button', { name: "J'ai noté le mot de passe" }).waitFor();
    expect(await credentials.locator('code.password').innerText()).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await credentials.getByRole('button', { name: "J'ai noté le mot de passe" }).click();
    await page.getByRole('heading', { name: 'Famille GRUJIC' }).waitFor();
    await page.getByText('Membres (3)').waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    // Edit Luka.
    await page.getByRole('button', { name: /Modifier.*Luka/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Prénom', { exact: true }).fill('Lukas');
    expect(await a11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'VALIDER' }).click();
    await page.getByText(/Lukas/).first().waitFor();

    // Archive Lyn.
    await page.getByRole('button', { name: /Archiver.*Lyn/ }).click();
    const confirm = page.getByRole('dialog');
    if (await confirm.count()) await confirm.getByRole('button', { name: /Archiver/ }).click();
    await page.locator('text=Archivé').first().waitFor();

    // The table finds the family by a member's name, accents and case ignored.
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'FAMILLES' }).click();
    await page.getByLabel('Rechercher une famille ou un membre').fill('lukas');
    await page.getByRole('cell', { name: 'GRUJIC', exact: true }).waitFor();
    expect(await page.getByRole('row').count()).toBe(2);
    expect(watch.errors).toEqual([]);
  });

  it('a family registers itself at the kiosk and adds a member', async () => {
    await page.goto(`${app.url}/`);
    await page.getByRole('link', { name: /Inscription d'une nouvelle famille/ }).click();
    await page.getByRole('heading', { name: "Inscription d'une nouvelle famille" }).waitFor();
    await page.getByLabel('Nom de la famille').fill('MARTIN');
    await page.getByLabel('Adresse e-mail (identifiant)').fill('famille.martin@e2e.local');
    await page.getByLabel('Mot de passe', { exact: true }).fill('les martin jouent au loto');
    await page.getByLabel('Confirmer le mot de passe').fill('les martin jouent au loto');
    const household = page.locator('fieldset').first();
    await choose(page, household, 'Quotient familial', '0 à 480 €');
    await choose(page, household, 'Minima sociaux', 'RSA');
    await fillMember(page, page.locator('fieldset.member').first(), {
      lastName: 'MARTIN',
      firstName: 'Claire',
      sex: 'Femme',
      birthDate: '12/04/1985',
      city: 'Faches-Thumesnil',
      status: 'Mère',
    });
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'VALIDER' }).click();

    await page.getByRole('heading', { name: 'Famille MARTIN' }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Ajouter un nouveau membre dans sa famille/ }).click();
    const form = page.locator('form');
    await fillMember(page, form, {
      lastName: 'MARTIN',
      firstName: 'Noé',
      sex: 'Homme',
      birthDate: '03/09/2020',
      city: 'Faches-Thumesnil',
      status: 'Enfant à charge',
    });
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'VALIDER' }).click();
    await page.getByRole('heading', { name: 'Famille MARTIN' }).waitFor();
    await page.getByText(/Noé/).waitFor();
    await page.getByRole('button', { name: /Terminer/ }).click();
    await page.getByRole('link', { name: /Se connecter/ }).waitFor();
    expect(watch.errors).toEqual([]);
  });
});
