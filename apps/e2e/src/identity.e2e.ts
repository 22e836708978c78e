import { Browser, BrowserContext, Page } from 'playwright-core';
import { a11yViolations } from './support/a11y';
import { launchBrowser, watchPage } from './support/browser';
import { resetLinkOf } from './support/mails';
import { RunningApp, startBuiltApp } from './support/server';
import { SmtpSink } from '@pointage/test-support';

const SUPER = { email: 'federation@e2e.local', password: 'la fédération veille sur tout' };

describe('identity in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  const adminEmail = 'ludo.soleil@e2e.local';
  let adminPassword = '';
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startBuiltApp({ POINTAGE_SUPERADMIN_EMAIL: SUPER.email, POINTAGE_SUPERADMIN_PASSWORD: SUPER.password });
    // Links in mails must point to this server.
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.stop();
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
    await page
      .getByRole('cell', { name: /Ludothèque du Soleil/ })
      .first()
      .waitFor();

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

  it('while mails only land in DATA_DIR/mails, the forgot-password page sends the admin to a colleague', async () => {
    await page.goto(`${app.url}/admin/connexion`);
    await page.getByRole('link', { name: 'Identifiants oubliés ?' }).click();
    await page.getByText(/L'envoi des e-mails n'est pas encore configuré/).waitFor();
    expect(await page.getByLabel('Votre email').count()).toBe(0);
    expect(await a11yViolations(page)).toEqual([]);

    // The admin home says it too.
    await login('/admin/connexion', adminEmail, adminPassword);
    await page.getByText(/Les e-mails ne sont pas configurés/).waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('the super-admin sets the SMTP server and sends a test mail', async () => {
    await login('/super-admin/connexion', SUPER.email, SUPER.password);
    await page.getByRole('heading', { name: 'STRUCTURES' }).waitFor();
    await page.goto(`${app.url}/super-admin/parametres`);
    await page.getByRole('heading', { name: 'Envoi des e-mails' }).waitFor();
    await page.getByText(/seulement écrits dans le dossier DATA_DIR\/mails/).waitFor();
    await page.getByLabel('Serveur SMTP').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(sink.port));
    await page.getByRole('combobox', { name: 'Sécurité' }).click();
    await page.getByRole('option', { name: /Aucune/ }).click();
    await page.getByLabel('Utilisateur').fill('ludo');
    await page.getByLabel('Mot de passe', { exact: true }).fill('secret-smtp-e2e');
    await page.getByLabel('Expéditeur').fill('Ludothèque <ludo@e2e.local>');
    await page.getByRole('button', { name: 'SAUVEGARDER' }).last().click();
    await page.getByText("Configuration de l'envoi des e-mails enregistrée.").waitFor();
    // Write-only: the field is empty again, the page only says a password is stored.
    expect(await page.getByLabel('Mot de passe', { exact: true }).inputValue()).toBe('');
    await page.getByText('Un mot de passe est enregistré : laisser vide pour ne pas changer.').waitFor();

    await page.getByLabel('Adresse du destinataire').fill('equipe@e2e.local');
    await page.getByRole('button', { name: 'Envoyer un e-mail de test' }).click();
    await page.getByText(/E-mail de test envoyé à equipe@e2e.local/).waitFor();
    expect(sink.mails.map((m) => [m.to, m.auth])).toEqual([[['equipe@e2e.local'], { user: 'ludo', password: 'secret-smtp-e2e' }]]);
    expect(await a11yViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('a forgotten password is reset through the e-mailed link', async () => {
    await page.goto(`${app.url}/admin/connexion`);
    await page.getByRole('link', { name: 'Identifiants oubliés ?' }).click();
    await page.getByLabel('Votre email').fill(adminEmail);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText(/Si un compte correspond à cette adresse/).waitFor();
    expect(await a11yViolations(page)).toEqual([]);

    // Sent through the SMTP server of the settings, not written to DATA_DIR/mails.
    const started = Date.now();
    while (!sink.mails.some((m) => m.to.includes(adminEmail)) && Date.now() - started < 10_000)
      await new Promise((r) => setTimeout(r, 100));
    const mail = sink.mails.find((m) => m.to.includes(adminEmail));
    if (!mail) throw new Error(`no mail to ${adminEmail} at the SMTP server`);
    const link = resetLinkOf(mail.data);
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
