import { readFile } from 'node:fs/promises';
import { OWNER, expect, test } from './fixtures.ts';

test('an administrator downloads the whole publication and is told an import needs an empty publication', async ({ page }) => {
  await page.goto('/admin');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export and import' })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the archive' }).click()]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(1000);

  // This publication has the demo content, so importing into it is refused and nothing changes.
  await page.getByLabel('Archive (.zip)').setInputFiles({ name: 'archive.zip', mimeType: 'application/zip', buffer: bytes });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert')).toContainText(/empty/i);
});
