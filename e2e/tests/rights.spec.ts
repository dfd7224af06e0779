import { OWNER, expect, test } from './fixtures.ts';
import { solidPng } from './png.ts';


test('the rights page lists a licence ending soon; the image is withdrawn and restored from there', async ({ page, baseURL }) => {
  const alt = 'A plum square whose licence ends soon';
  await page.goto('/admin');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Notifications/ })).toBeVisible();

  // An image whose licence runs out in ten days, made through the API as the signed-in owner.
  const uploaded = await page.request.post('/api/media', {
    headers: { 'content-type': 'application/octet-stream', origin: baseURL!, 'x-file-name': 'plum.png' },
    data: solidPng(320, 200, [120, 40, 90]),
  });
  expect(uploaded.status()).toBe(200);
  const { media } = (await uploaded.json()) as { media: { id: string } };
  const updated = await page.request.post('/trpc/media.update', {
    headers: { 'content-type': 'application/json', origin: baseURL! },
    data: { json: { id: media.id, altText: alt, credit: 'E2E', copyrightHolder: 'E2E Ltd', licenseCode: 'cc-by-4.0', licenseExpiresAt: new Date(Date.now() + 10 * 86_400_000).toISOString() } },
  });
  expect(updated.status()).toBe(200);

  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Rights' }).click();
  await expect(page).toHaveURL(/\/admin\/rights$/);
  await expect(page.getByRole('heading', { name: 'Rights', exact: true })).toBeVisible();
  await page.getByRole('button', { name: alt }).click();

  const dialog = page.getByRole('dialog', { name: alt });
  await dialog.getByLabel('Why is it withdrawn?').fill('The agency asked us to take it down');
  await dialog.getByRole('button', { name: 'Withdraw from the public site' }).click();
  await expect(page.getByRole('status')).toContainText(`Withdrew “${alt}” from the public site.`);

  const withdrawn = page.getByRole('region', { name: /Withdrawn images/ });
  const row = withdrawn.getByRole('row', { name: new RegExp(alt) });
  await expect(row).toContainText('The agency asked us to take it down');
  await row.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText(`Restored “${alt}”.`);
  await expect(withdrawn.getByRole('row', { name: new RegExp(alt) })).toHaveCount(0);
});
