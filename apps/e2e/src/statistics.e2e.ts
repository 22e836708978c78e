import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { a11yViolations } from './support/a11y';
import { api, loginToken, firstRunAdminPassword, referenceIds } from './support/api';
import { launchBrowser, watchPage } from './support/browser';
import { download } from './support/downloads';
import { loginAsAdmin } from './support/login';
import { RunningApp, startBuiltApp } from './support/server';

/**
 * STATISTIQUES in a real browser, on data whose figures are known: January 2026
 * has 3 opening days (10 h 30), 5 people of 2 families and 9 présences.
 */
describe('statistics in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  let adminPassword = '';
  let cityIds: Record<string, number> = {};

  beforeAll(async () => {
    app = await startBuiltApp({ POINTAGE_MODE: 'local' });
    adminPassword = firstRunAdminPassword(app.dataDir);
    const token = await loginToken(app.url, 'admin@ludotheque.local', adminPassword);
    const { ref, id } = await referenceIds(app.url, token);
    cityIds = Object.fromEntries(ref['city'].map((c) => [c.label, c.id]));

    const slot = (date: string, start: string, end: string) =>
      api(app.url, 'POST', '/api/slots/generate', token, { from: date, weekdays: [1, 2, 3, 4, 5, 6, 7], ranges: [{ start, end }] });
    await slot('2026-01-07', '14:00', '18:00');
    await slot('2026-01-10', '09:30', '12:00');
    await slot('2026-01-14', '14:00', '18:00');
    await slot('2026-02-04', '14:00', '18:00');
    const days = await api<{ date: string; slots: { id: number }[] }[]>(app.url, 'GET', '/api/slots?from=2026-01-01&to=2026-02-28', token);
    const slotOn = (date: string) => (days.find((d) => d.date === date) as { slots: { id: number }[] }).slots[0].id;

    const member = (lastName: string, firstName: string, sex: string, status: string, birthDate: string, city: string) => ({
      lastName,
      firstName,
      sexId: id('sex', sex),
      birthDate,
      cityId: id('city', city),
      statusId: id('status', status),
      minimaId: id('minima', 'Non'),
      qfId: id('qf', '481 à 581 €'),
    });
    const family = async (name: string, email: string, members: ReturnType<typeof member>[]) => {
      const { family: created } = await api<{ family: { members: { id: number; firstName: string }[] } }>(
        app.url,
        'POST',
        '/api/families',
        token,
        {
          name,
          email,
          password: 'les familles aiment jouer',
          qfId: id('qf', '481 à 581 €'),
          minimaId: id('minima', 'Non'),
          members,
        },
      );
      return Object.fromEntries(created.members.map((m) => [m.firstName, m.id]));
    };
    const grujic = await family('GRUJIC', 'famille.grujic@e2e.local', [
      member('GRUJIC', 'Stanko', 'Homme', 'Père', '1975-06-26', 'Lille'),
      member('GRUJIC', 'Luka', 'Homme', 'Enfant à charge', '2016-03-01', 'Lille'),
      member('GRUJIC', 'Sofiane', 'Homme', 'Enfant à charge', '2018-09-12', 'Lille'),
    ]);
    const laouar = await family('LAOUAR', 'famille.laouar@e2e.local', [
      member('LAOUAR', 'Amina', 'Femme', 'Mère', '1985-02-11', 'Ronchin'),
      member('LAOUAR', 'Yasmine', 'Femme', 'Enfant à charge', '2021-05-05', 'Ronchin'),
    ]);
    const retro = (date: string, memberIds: number[]) =>
      api(app.url, 'POST', '/api/attendance/retro', token, { slotId: slotOn(date), memberIds });
    await retro('2026-01-07', [grujic['Stanko'], grujic['Luka'], laouar['Amina'], laouar['Yasmine']]);
    await retro('2026-01-10', [grujic['Luka'], grujic['Sofiane']]);
    await retro('2026-01-14', [grujic['Luka'], laouar['Amina'], laouar['Yasmine']]);
    await retro('2026-02-04', [grujic['Stanko']]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
      timezoneId: 'Europe/Paris',
    });
    page = await context.newPage();
    watch = watchPage(page);
  });
  afterEach(() => context.close());

  const login = () => loginAsAdmin(page, app.url, adminPassword);

  /** The drill-down button of a figure, by its wording ("Habitants Lille : 3"). */
  const figure = (wording: string) =>
    page.getByRole('button', { name: new RegExp(`^${wording.replace(/[()]/g, '\\$&')} : [^,]+, voir le détail$`) }).first();
  const valueOf = async (wording: string) => (await figure(wording).innerText()).trim();
  const rowOf = (header: string) => page.getByRole('row', { name: new RegExp(`^${header}`) }).first();

  async function generate(from: string, to: string): Promise<void> {
    await page.getByLabel('Du', { exact: true }).fill(from);
    await page.getByLabel('Au', { exact: true }).fill(to);
    await page.getByRole('button', { name: 'GÉNÉRER' }).click();
  }

  it('an admin generates a report, checks a figure against its drill-down, reloads it from the URL, narrows it, and meets an empty period', async () => {
    await login();
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'STATISTIQUES' }).click();
    await page.getByRole('heading', { name: 'STATISTIQUES', level: 1 }).waitFor();
    await generate('01/01/2026', '31/01/2026');

    const title = page.getByRole('heading', { name: /statistiques du 01\/01\/2026 au 31\/01\/2026/ });
    await title.waitFor();
    expect(await rowOf("Nombre de jours d'ouverture").innerText()).toMatch(/\b3\b/);
    expect(await rowOf("Nombre d'heures d'ouverture").innerText()).toContain('10 h 30');
    expect(await valueOf("Nombre d'inscrits total sur la période")).toBe('5');
    expect(await valueOf('Nombre de familles')).toBe('2');
    expect(await valueOf('Nombre total de présences')).toBe('9');
    expect(await valueOf("Nombre d'inscrits filles")).toBe('2');
    expect(await valueOf("Nombre d'inscrits garçons")).toBe('3');
    expect(await valueOf('Habitants Lille')).toBe('3');
    expect(await valueOf('Habitants Ronchin')).toBe('2');
    expect(await valueOf('Total présences habitants Lille')).toBe('5');
    expect(await valueOf("Nombre d'enfants de moins de 6 ans")).toBe('1');
    expect(await valueOf('Total inscrits mères')).toBe('1');
    // The charts are drawn (SVG) and described.
    await page.locator('figure .chart svg').first().waitFor();
    expect(await page.getByRole('img', { name: /présences par mois du 01\/01\/2026 au 31\/01\/2026\. Total : 9 présences/ }).count()).toBe(
      1,
    );
    expect(await a11yViolations(page)).toEqual([]);

    // The drill-down lists exactly the people the figure counts.
    await figure("Nombre d'inscrits total sur la période").click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('5 personnes').waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(5);
    expect(await dialog.locator('tbody').innerText()).toContain('Yasmine');
    expect(await a11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A présences line: the rows add up to the figure.
    await figure('Total présences habitants Ronchin').click();
    await dialog.getByText('4 présences de 2 personnes').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The URL keeps the report: reloading it gives the same report.
    expect(new URL(page.url()).searchParams.get('du')).toBe('2026-01-01');
    expect(new URL(page.url()).searchParams.get('au')).toBe('2026-01-31');
    await page.reload();
    await title.waitFor();
    expect(await valueOf("Nombre d'inscrits total sur la période")).toBe('5');
    expect(await page.getByLabel('Du', { exact: true }).inputValue()).toBe('01/01/2026');

    // A criterion: without Lille, the GRUJIC family is not counted any more.
    await page.getByRole('button', { name: /Critères/ }).click();
    const cities = page.getByRole('group', { name: 'Ville de résidence' });
    await cities.getByRole('checkbox', { name: 'Lille' }).uncheck();
    await page.getByRole('button', { name: 'Tout décocher : Statut' }).click();
    await page.getByText('Aucune case cochée dans le groupe « Statut » : personne ne sera compté.').waitFor();
    await page.getByRole('button', { name: 'Tout cocher : Statut' }).click();
    await page.getByRole('button', { name: 'GÉNÉRER' }).click();
    await page.getByText(/Critères : Ville de résidence : Faches-Thumesnil, Ronchin, Autres/).waitFor();
    expect(await valueOf("Nombre d'inscrits total sur la période")).toBe('2');
    expect(await valueOf('Nombre de familles')).toBe('1');
    const ville = new URL(page.url()).searchParams.get('ville')?.split(',').map(Number).sort();
    expect(ville).toEqual([cityIds['Faches-Thumesnil'], cityIds['Ronchin'], cityIds['Autres']].sort());
    expect(await a11yViolations(page)).toEqual([]);

    // A period without any slot: a message, not a page of zeros.
    await generate('01/03/2025', '31/03/2025');
    await page.getByText('Aucune donnée du 01/03/2025 au 31/03/2025.').waitFor();
    expect(await page.getByRole('button', { name: /voir le détail/ }).count()).toBe(0);
    expect(await a11yViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    // Four axe scans of a long page: more than the default 90 s on a busy 2-core machine.
  }, 180_000);

  /** Clicks an export button and returns the saved file (or fails with the page's message). */
  const exportFile = (button: string) => download(page, button, page.getByRole('toolbar', { name: 'Exporter les résultats' }));

  it('an admin downloads the report as PDF and XLSX with the figures of the screen, and prints it cleanly', async () => {
    await login();
    await page.goto(`${app.url}/admin/statistiques?du=2026-01-01&au=2026-01-31`);
    await page.getByRole('heading', { name: /statistiques du 01\/01\/2026 au 31\/01\/2026/ }).waitFor();

    const pdf = await exportFile('PDF');
    expect(pdf.download.suggestedFilename()).toBe('statistiques-ludotheque-2026-01-01-2026-01-31.pdf');
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Nombre d'inscrits total sur la période 5 /);
    expect(text).toMatch(/Nombre total de présences 9 /);
    expect(text).toContain('Présences par mois');
    expect(text).toContain("Ce projet est cofinancé par l'Union Européenne avec le FEDER");

    const xlsx = await exportFile('XLSX');
    expect(xlsx.download.suggestedFilename()).toBe('statistiques-ludotheque-2026-01-01-2026-01-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Statistiques', 'Détail']);
    const figures = new Map<unknown, unknown>();
    workbook.getWorksheet('Statistiques')?.eachRow((row) => figures.set(row.getCell(1).value, row.getCell(2).value));
    expect(figures.get("Nombre d'inscrits total sur la période")).toBe(5);
    expect(workbook.getWorksheet('Détail')?.rowCount).toBe(1 + 5);

    // The browser's own print: the results and the funder line, no menu, form or buttons.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      page.getByRole('navigation', { name: 'Menu principal' }),
      page.getByRole('button', { name: 'GÉNÉRER' }),
      page.getByRole('toolbar', { name: 'Exporter les résultats' }),
      page.getByRole('button', { name: 'SE DÉCONNECTER' }),
    ]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    expect(await page.getByRole('heading', { name: /statistiques du 01\/01\/2026 au 31\/01\/2026/ }).isVisible()).toBe(true);
    expect(
      await page
        .getByText(/cofinancé par l.Union Européenne/)
        .last()
        .isVisible(),
    ).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(watch.errors).toEqual([]);
  }, 120_000);

  it('shows a wrong period next to its field, and opens a bookmarked comparison', async () => {
    await login();
    await page.goto(`${app.url}/admin/statistiques`);
    await generate('31/01/2026', '01/01/2026');
    await page.getByText('La date de fin est avant la date de début.').waitFor();
    expect(await page.getByLabel('Au', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.goto(`${app.url}/admin/statistiques?du=2026-02-01&au=2026-02-28&comparer=precedente`);
    await page.getByRole('heading', { name: /statistiques du 01\/02\/2026 au 28\/02\/2026/ }).waitFor();
    expect(await page.getByRole('radio', { name: 'La période précédente' }).isChecked()).toBe(true);
    // February: Stanko once; the previous 28 days (4–31 January): 9 présences.
    const row = page.getByRole('row', { name: /^Nombre total de présences/ });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(/1 9 −8 \(−89\s%\)/);
    await page.getByRole('button', { name: /^Nombre total de présences \(période précédente\) : 9, voir le détail$/ }).click();
    await page.getByRole('dialog').getByText('9 présences de 5 personnes').waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
