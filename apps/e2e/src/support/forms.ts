import type { Locator, Page } from 'playwright-core';

/** Picks `option` in the Material select labelled `label` inside `scope`. */
export async function choose(page: Page, scope: Locator | Page, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export interface MemberValues {
  lastName: string;
  firstName: string;
  sex: string;
  birthDate: string; // jj/mm/aaaa
  city: string;
  status: string;
  minima?: string;
  qf?: string;
}

/** Fills the member fields inside `scope` (a fieldset or a dialog). */
export async function fillMember(page: Page, scope: Locator, m: MemberValues): Promise<void> {
  await scope.getByLabel('Nom', { exact: true }).fill(m.lastName);
  await scope.getByLabel('Prénom', { exact: true }).fill(m.firstName);
  await choose(page, scope, 'Sexe', m.sex);
  await scope.getByLabel('Date de naissance', { exact: true }).fill(m.birthDate);
  await choose(page, scope, 'Ville de résidence', m.city);
  await choose(page, scope, 'Statut', m.status);
  if (m.minima) await choose(page, scope, 'Minima sociaux', m.minima);
  if (m.qf) await choose(page, scope, 'Quotient familial', m.qf);
}
