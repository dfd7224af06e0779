import { OWNER, expect, test } from './fixtures.ts';

test('the reader home shows the Globe Echo logo, its alt text and the footer notice', async ({ page }) => {
  await page.goto('/');
  const logo = page.getByRole('banner').getByRole('img', { name: 'Smiley face' });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Weather' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live Markets' })).toBeVisible();
  const year = new Date().getFullYear();
  await expect(page.getByRole('contentinfo')).toContainText(`© ${year} Globe Echo. All Rights Reserved.`);
});

test('an article page has a working share control', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page.getByRole('main').getByRole('heading').getByRole('link').first().click();
  const share = page.getByRole('region', { name: 'Share this article' });
  await expect(share.getByRole('link', { name: 'X' })).toHaveAttribute('href', /^https:\/\/x\.com\/intent\/post\?url=/);
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('the dashboard login works and a wrong password is refused', async ({ page }) => {
  await page.goto('/admin');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.');

  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  // Other tests add articles to the same database: find the demo story by searching, not by position.
  await page.getByRole('search', { name: 'Filter articles' }).getByLabel('Search').fill('missile');
  await expect(page.getByRole('table')).toContainText('missile', { ignoreCase: true });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
