import { Browser, BrowserContext, Page } from 'playwright-core';
import { a11yViolations } from './support/a11y';
import { launchBrowser, watchPage } from './support/browser';
import { resetLinkOf, waitForMail } from './support/mails';
import { RunningApp, startBuiltApp } from './support/server';

const SUPER = { email: 'federation@e2e.local', password: 'la fédération veille sur tout' };

describe('identity in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  const adminEmail = 'ludo.soleil@e2e.local';
  let adminPassword = '';

  beforeAll(async () => {
    app = await startBuiltApp({ POINTAGE_SUPERADMIN_EMAIL: SUPER.email, POINTAGE_SUPERADMIN_PASSWORD: SUPER.password });
    // Links in mails must point to this server.
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
  afterEach(async () => {
    await context.close();
  });
  afterAll(() => {
    if (process.env['E2E_DEBUG']) console.log(app.output());
  });

  async function login(path: string, email: string, password: string) {
    await page.goto(`${app.url}${path}`);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: "S'identifier" }).click();
  }

  it('the super-admin creates a structure and its admin', async () => {
    await login('/super-admin/connexion', SUPER.email, SUPER.password);
    await page.getByRole('heading', { name: 'STRUCTURES' }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /Nouvelle structure/ }).click();
    await page.getByRole('dialog').getByLabel('Nom', { exact: true }).fill('Ludothèque du Soleil');
    expect(await a11yViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Créer' }).click();
    await page.getByRole('cell', { name: /Ludothèque du Soleil/ }).first().waitFor();

    await page.getByRole('button', { name: 'Actions pour Ludothèque du Soleil' }).click();
    await page.getByRole('menuitem', { name: /Créer l'administrateur/ }).click();
    await page.getByRole('dialog').getByLabel('Adresse e-mail').fill(adminEmail);
    await page.getByRole('dialog').getByRole('button', { name: 'Créer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: "J'ai noté le mot de passe" }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    adminPassword = (await dialog.locator('code, .password').first().innerText()).trim();
    expect(adminPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await dialog.getByRole('button', { name: "J'ai noté le mot de passe" }).click();
    await page.getByRole('cell', { name: new RegExp(adminEmail) }).waitFor();
    expect(watch.errors).toEqual([]);
  });

  it('the admin logs in, changes its password and logs out', async () => {
    await login('/admin/connexion', adminEmail, adminPassword);
    await page.getByText(`Connecté en tant que : ${adminEmail}`).waitFor();
    await page.getByRole('heading', { name: 'BIENVENUE SUR LE PANNEAU DE CONTRÔLE' }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'MOT DE PASSE' }).click();
    await page.getByRole('heading', { name: 'MODIFICATION DU MOT DE PASSE' }).waitFor();
    await page.getByLabel('Ancien mot de passe').fill(adminPassword);
    await page.getByLabel('Nouveau mot de passe').fill('le soleil brille sur la ludo');
    await page.getByLabel('Confirmer le mot de passe').fill('le soleil brille sur la ludo');
    await page.getByRole('button', { name: 'SAUVEGARDER' }).click();
    await page.getByText('Votre mot de passe a été modifié avec succès').first().waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    adminPassword = 'le soleil brille sur la ludo';

    await page.getByRole('button', { name: 'SE DÉCONNECTER' }).click();
    await page.getByRole('button', { name: "S'identifier" }).waitFor();
    // The back office is closed again.
    await page.goto(`${app.url}/admin/journal`);
    await page.getByRole('button', { name: "S'identifier" }).waitFor();
    expect(watch.errors.filter((e) => !/401/.test(e))).toEqual([]);
  });

  it('a forgotten password is reset through the e-mailed link', async () => {
    await page.goto(`${app.url}/admin/connexion`);
    await page.getByRole('link', { name: 'Identifiants oubliés ?' }).click();
    await page.getByLabel('Votre email').fill(adminEmail);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText(/Si un compte correspond à cette adresse/).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    const link = resetLinkOf(await waitForMail(app.dataDir, adminEmail));
    await page.goto(link.replace(/^https?:\/\/[^/]+/, app.url));
    await page.getByRole('heading', { name: 'NOUVEAU MOT DE PASSE' }).waitFor();
    await page.getByLabel('Nouveau mot de passe').fill('une toute nouvelle phrase');
    await page.getByLabel('Confirmer le mot de passe').fill('une toute nouvelle phrase');
    await page.getByRole('button', { name: 'ENREGISTRER' }).click();
    await page.getByText('Votre mot de passe a été modifié. Vous pouvez vous connecter.').waitFor();

    await login('/admin/connexion', adminEmail, 'une toute nouvelle phrase');
    await page.getByText(`Connecté en tant que : ${adminEmail}`).waitFor();
    expect(watch.errors).toEqual([]);
  });
});
