import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';

/**
 * Clicks the button named `button` (inside `scope`) that makes the page save a
 * file, and returns the download saved to a temporary file (or fails with the
 * page's "Échec du téléchargement" message).
 */
export async function download(page: Page, button: string, scope: Page | Locator = page): Promise<{ download: Download; file: string }> {
  const failure = page.getByText(/Échec du téléchargement/).first();
  const [result] = await Promise.all([
    Promise.race([
      page.waitForEvent('download', { timeout: 60_000 }),
      failure.waitFor({ timeout: 60_000 }).then(async () => {
        throw new Error(`download failed in the page: ${await failure.innerText()}`);
      }),
    ]),
    scope.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const file = join(tmpdir(), `e2e-${Date.now()}-${result.suggestedFilename()}`);
  await result.saveAs(file);
  return { download: result, file };
}
