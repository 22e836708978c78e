import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { a11yViolations } from './support/a11y';
import { api, loginToken, parisDates, firstRunAdminPassword, referenceIds } from './support/api';
import { launchBrowser, watchPage } from './support/browser';
import { frenchDate, frenchDayDate } from './support/dates';
import { download } from './support/downloads';
import { loginAsAdmin } from './support/login';
import { RunningApp, startBuiltApp } from './support/server';

/**
 * LISTE DE PRÉSENCE in a real browser: an admin lists a day and one of its
 * slots, hides a column, sorts, pages, downloads the XLSX, prints; then the
 * PDF exports (list and blank sign-in sheet).
 * Screenshots go to E2E_SCREENSHOTS when it is set (to look at them).
 */
describe('attendance list in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: { errors: string[] };
  let adminPassword = '';
  const slug = 'ludotheque';
  const { yesterday: day } = parisDates();
  const dayFr = frenchDate(day);
  const morning: { id: number } = { id: 0 };
  const shots = process.env['E2E_SCREENSHOTS'] ?? null;
  /** Where the page remembers the columns (versioned key of attendance-list-form.ts). */
  const COLUMNS_STORAGE_KEY = 'pointage.attendance-list.columns.v1';

  // 6 families × 5 members, all present at the morning slot; the first family also in the afternoon.
  const FAMILIES = ['ARNAUD', 'BERNARD', 'CHEVALIER', 'DUBOIS', 'ETIENNE', 'FONTAINE'];
  const FIRST_NAMES = ['Alice', 'Bruno', 'Chloé', 'David', 'Emma'];

  beforeAll(async () => {
    app = await startBuiltApp({ POINTAGE_MODE: 'local' });
    adminPassword = firstRunAdminPassword(app.dataDir);
    const token = await loginToken(app.url, 'admin@ludotheque.local', adminPassword);
    await api(app.url, 'POST', '/api/slots/generate', token, {
      from: day,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      ranges: [
        { start: '09:30', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
    const slots = await api<{ date: string; slots: { id: number; start: string }[] }[]>(
      app.url,
      'GET',
      `/api/slots?from=${day}&to=${day}`,
      token,
    );
    const ids = slots[0].slots;
    morning.id = ids.find((s) => s.start === '09:30')?.id ?? 0;
    const afternoon = ids.find((s) => s.start === '14:00')?.id ?? 0;

    const { id } = await referenceIds(app.url, token);
    for (const [f, name] of FAMILIES.entries()) {
      const created = await api<{ family: { members: { id: number }[] } }>(app.url, 'POST', '/api/families', token, {
        name,
        email: `famille.${name.toLowerCase()}@e2e.local`,
        password: 'une phrase assez longue pour la borne',
        qfId: id('qf', '481 à 581 €'),
        minimaId: id('minima', 'Non'),
        members: FIRST_NAMES.map((firstName, i) => ({
          lastName: name,
          firstName,
          sexId: id('sex', i % 2 === 0 ? 'Femme' : 'Homme'),
          birthDate: i < 2 ? `198${f}-05-1${i}` : `201${f + i}-03-0${i + 1}`,
          cityId: id('city', i % 2 === 0 ? 'Lille' : 'Ronchin'),
          statusId: id('status', i === 0 ? 'Mère' : i === 1 ? 'Père' : 'Enfant à charge'),
          minimaId: id('minima', 'Non'),
          qfId: id('qf', '481 à 581 €'),
        })),
      });
      const memberIds = created.family.members.map((mb) => mb.id);
      await api(app.url, 'POST', '/api/attendance/retro', token, {
        slotId: morning.id,
        memberIds,
        arrivalTime: `09:${String(31 + f).padStart(2, '0')}`,
      });
      if (f === 0) await api(app.url, 'POST', '/api/attendance/retro', token, { slotId: afternoon, memberIds: memberIds.slice(0, 2) });
    }
    browser = await launchBrowser();
    if (shots) mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    page = await context.newPage();
    watch = watchPage(page);
    await loginAsAdmin(page, app.url, adminPassword);
  });
  afterEach(() => context.close());

  const status = () => page.locator('.results [role="status"]');
  const headers = async () => (await page.locator('table[mat-table] th').allInnerTexts()).map((t) => t.trim());
  const firstNames = async () => (await page.locator('table[mat-table] td.mat-column-firstName').allInnerTexts()).map((t) => t.trim());
  const shot = async (name: string) => {
    const png = await page.screenshot({ fullPage: true, ...(shots ? { path: join(shots, `${name}.png`) } : {}) });
    expect(png.length).toBeGreaterThan(1000);
    if (shots) await page.screenshot({ path: join(shots, `${name}-ecran.png`) });
  };

  it('an admin lists a day and one slot, hides a column, sorts, pages, exports to XLSX and prints', async () => {
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'LISTE DE PRÉSENCE' }).click();
    await page.getByRole('heading', { name: 'LISTE DE PRÉSENCE' }).waitFor();
    // Today by default: nobody yet.
    await status().filter({ hasText: 'Aucune présence le' }).waitFor();

    // The day, then its slot.
    await page.getByLabel('Du', { exact: true }).fill(dayFr);
    await page.getByLabel('Du', { exact: true }).press('Tab');
    await page.getByText('2 créneaux ce jour-là').waitFor();
    await page.getByRole('combobox', { name: 'Choix du créneau' }).click();
    expect((await page.getByRole('option').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Tous les créneaux',
      '09:30 – 12:00 (30 présences)',
      '14:00 – 18:00 (2 présences)',
    ]);
    await page.getByRole('option', { name: '09:30 – 12:00 (30 présences)' }).click();
    await page.getByRole('button', { name: 'AFFICHER' }).click();
    await status()
      .filter({ hasText: `30 présences le ${frenchDayDate(day)}, créneau 09:30 – 12:00` })
      .waitFor();
    expect(new URL(page.url()).search).toBe(`?du=${day}&creneau=${morning.id}`);
    expect(await headers()).toEqual([
      'Nom',
      'Prénom',
      'Sexe',
      'Âge',
      'Statut',
      'Ville de résidence',
      'Minima sociaux',
      'Quotient familial',
      "Heure d'arrivée",
    ]);
    await page.getByRole('button', { name: "FEUILLE D'ÉMARGEMENT" }).waitFor();
    expect(await a11yViolations(page)).toEqual([]);
    await shot('liste-1366');

    // Hide a column: the table follows, and the choice is kept on this device.
    await page.getByRole('checkbox', { name: 'Sexe' }).uncheck();
    expect(await headers()).not.toContain('Sexe');
    const stored = await page.evaluate((key) => localStorage.getItem(key), COLUMNS_STORAGE_KEY);
    expect(JSON.parse(stored ?? '{}').day).toEqual(['lastName', 'firstName', 'age', 'status', 'city', 'minima', 'qf', 'arrival']);
    await page.reload();
    await status().filter({ hasText: '30 présences le' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Sexe' }).isChecked()).toBe(false);
    expect(await headers()).toEqual([
      'Nom',
      'Prénom',
      'Âge',
      'Statut',
      'Ville de résidence',
      'Minima sociaux',
      'Quotient familial',
      "Heure d'arrivée",
    ]);

    // Sort on the server: by first name, then the other way.
    await page
      .getByRole('columnheader', { name: /Prénom/ })
      .getByRole('button')
      .click();
    await page.waitForURL(/tri=firstName&ordre=asc/);
    await page.locator('th.mat-column-firstName[aria-sort="ascending"]').waitFor();
    await page.locator('table:not(.stale) td.mat-column-firstName').first().waitFor();
    expect((await firstNames()).slice(0, 6)).toEqual(Array(6).fill('Alice'));
    await page
      .getByRole('columnheader', { name: /Prénom/ })
      .getByRole('button')
      .click();
    await page.waitForURL(/tri=firstName&ordre=desc/);
    await page.locator('th.mat-column-firstName[aria-sort="descending"]').waitFor();
    await page.locator('table:not(.stale) td.mat-column-firstName').first().waitFor();
    expect((await firstNames())[0]).toBe('Emma');

    // Pages of 25: 25 rows, then the last 5.
    // The keyboard opens the paginator's select (its touch target covers it for the mouse).
    await page.getByRole('combobox', { name: /Lignes par page/ }).press('Enter');
    await page.getByRole('option', { name: '25', exact: true }).click();
    await page.waitForURL(/lignes=25/);
    await page.getByText('1 – 25 sur 30').waitFor();
    expect(await page.locator('table[mat-table] tbody tr.mat-mdc-row').count()).toBe(25);
    await page.getByRole('button', { name: 'Page suivante' }).click();
    await page.waitForURL(/page=2/);
    await page.getByText('26 – 30 sur 30').waitFor();
    await page.locator('table:not(.stale)').first().waitFor();
    expect(await page.locator('table[mat-table] tbody tr.mat-mdc-row').count()).toBe(5);
    expect(await firstNames()).toEqual(Array(5).fill('Alice'));

    // XLSX: the same list (slot, columns, sort), every row.
    const xlsx = await download(page, 'EXCEL (XLSX)');
    expect(xlsx.download.suggestedFilename()).toBe(`liste-presence-${slug}-${day}-${day}.xlsx`);
    await page.getByText(`Fichier « liste-presence-${slug}-${day}-${day}.xlsx » enregistré dans vos téléchargements.`).waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.file);
    const sheet = workbook.getWorksheet('Liste de présence');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(String(values(2)[0])).toBe(`Présences le ${dayFr}, créneau 09:30 – 12:00 : 30`);
    expect(values(5)).toEqual([
      'Nom',
      'Prénom',
      'Âge',
      'Statut',
      'Ville de résidence',
      'Minima sociaux',
      'Quotient familial',
      "Heure d'arrivée",
    ]);
    expect(values(6).slice(0, 2)).toEqual(['ARNAUD', 'Emma']);
    expect(values(35).slice(1, 2)).toEqual(['Alice']);
    expect(sheet.getRow(36).getCell(1).value ?? null).toBeNull();

    // IMPRIMER loads every row (not only page 2) for the browser's print.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: 'IMPRIMER' }).click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('table.print-table tbody tr').count()).toBe(30);
    for (const hidden of [
      page.getByRole('navigation', { name: 'Menu principal' }),
      page.getByRole('button', { name: 'AFFICHER' }),
      page.getByRole('button', { name: 'IMPRIMER' }),
      page.getByRole('button', { name: 'SE DÉCONNECTER' }),
      page.getByRole('checkbox', { name: 'Nom', exact: true }),
      page.locator('mat-paginator'),
    ]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    expect(await page.locator('.print-head').innerText()).toContain(`30 présences le ${frenchDayDate(day)}, créneau 09:30 – 12:00`);
    // The funder line closes the printed document (app-footer, printed by the global print rules).
    expect(
      await page
        .getByText(/cofinancé par l.Union Européenne/)
        .last()
        .isVisible(),
    ).toBe(true);
    await shot('liste-impression');
    // The real thing on A4, to look at (headless Chromium prints with the print media rules).
    if (shots) await page.pdf({ path: join(shots, 'liste-a4.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    // On a tablet, the same page, and still no accessibility violation.
    await page.setViewportSize({ width: 800, height: 1280 });
    await shot('liste-tablette');
    expect(await a11yViolations(page)).toEqual([]);

    // A period (a bookmarked URL): every slot, the columns of a period, no slot to choose.
    const { today } = parisDates();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${app.url}/admin/liste-de-presence?du=${day}&au=${today}`);
    await status()
      .filter({ hasText: `32 présences du ${dayFr} au ` })
      .waitFor();
    expect((await headers()).slice(0, 5)).toEqual(['Date', 'Créneau', 'Nom', 'Prénom', 'Famille']);
    expect(await page.getByRole('combobox', { name: 'Choix du créneau' }).getAttribute('aria-disabled')).toBe('true');
    await page.getByText("Pour une liste d'un seul jour seulement").waitFor();
    expect(await page.getByRole('button', { name: "FEUILLE D'ÉMARGEMENT" }).count()).toBe(0);
    await shot('periode-1366');
    if (shots) {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: join(shots, 'periode-a4.pdf'), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
    }
    expect(watch.errors).toEqual([]);
  });

  it('an admin downloads the list as PDF and the blank sign-in sheet of a slot (needs the PDF endpoints)', async () => {
    await page.goto(`${app.url}/admin/liste-de-presence?du=${day}&creneau=${morning.id}`);
    await status().filter({ hasText: '30 présences le' }).waitFor();

    const pdf = await download(page, 'PDF');
    expect(pdf.download.suggestedFilename()).toBe(`liste-presence-${slug}-${day}-${day}.pdf`);
    expect(readFileSync(pdf.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.getByLabel('Lignes vides').fill('5');
    const sheet = await download(page, "FEUILLE D'ÉMARGEMENT");
    expect(sheet.download.suggestedFilename()).toMatch(new RegExp(`^emargement-${slug}-${day}.*\\.pdf$`));
    expect(readFileSync(sheet.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(watch.errors).toEqual([]);
  });
});
