import type { Page } from 'playwright-core';

/** Signs in to the back office as the local install's admin and waits for its main menu. */
export async function loginAsAdmin(page: Page, baseUrl: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/connexion`);
  await page.getByLabel('Adresse e-mail').fill('admin@ludotheque.local');
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: "S'identifier" }).click();
  await page.getByRole('navigation', { name: 'Menu principal' }).waitFor();
}
