import type { APIRequestContext } from '@playwright/test';
import { OWNER, expect, test } from './fixtures.ts';

type Settings = Record<string, unknown> & { navigation: { header: Array<{ label: string; url: string }>; footer: unknown[] } };

async function readSettings(request: APIRequestContext): Promise<Settings> {
  const response = await request.get('/trpc/settings.get');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: { json: Settings } } }).result.data.json;
}

test('branding changed in /admin/settings shows on the reader at once', async ({ page }) => {
  await page.goto('/admin');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/settings$/);

  const original = await readSettings(page.request);
  // Images are chosen from the library; the raw id box waits behind a disclosure, and each image's
  // explanation sits inside its own group.
  const logoGroup = page.getByRole('group', { name: 'Logo', exact: true });
  await expect(logoGroup.getByRole('button', { name: 'Choose logo from the library…' })).toBeVisible();
  await expect(logoGroup.getByLabel('Logo image id')).toBeHidden();
  await logoGroup.getByText('Use an image id').click();
  await expect(logoGroup.getByLabel('Logo image id')).toHaveValue(original.logoMediaId as string);
  // Typing an id stays open through the moment the id becomes whole (and the logo is looked up).
  await logoGroup.getByLabel('Logo image id').fill('');
  await logoGroup.getByLabel('Logo image id').pressSequentially(original.logoMediaId as string);
  await expect(logoGroup.getByLabel('Logo image id')).toBeVisible();
  await expect(logoGroup.locator('img')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Icon', exact: true })).toContainText('Saving a new icon makes the 16 and 32 pixel favicons');
  try {
    await page.getByLabel('Publication name').fill('Globe Echo Daily');
    await page.getByLabel('Logo alt text').fill('The Globe Echo smiley');
    await page.getByLabel('Accent colour (hex)').fill('#b91c1c');
    await expect(page.getByText(/Text on it is white \(#ffffff\), contrast 6\.\d\d:1/)).toBeVisible();

    await page.getByRole('button', { name: 'Add header link' }).click();
    const row = page.getByTestId('header-nav-row').last();
    await row.getByLabel('Label').fill('Opinion');
    await row.getByLabel('URL').fill('/section/opinion');
    // Reorder from the keyboard: focus the row's "move up" button and press Enter.
    await page.getByRole('button', { name: 'Move “Opinion” up' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move “Opinion” up' })).toBeFocused();

    await page.getByLabel('Footer copyright notice').fill('Copyright {year} {publication}. Reuse with permission.');

    // The live preview follows the unsaved form.
    const preview = page.getByRole('region', { name: 'Live preview' });
    const year = new Date().getFullYear();
    await expect(preview.getByRole('banner')).toContainText('Globe Echo Daily');
    await expect(preview.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Weather', 'Opinion', 'Live Markets']);
    await expect(preview.getByRole('contentinfo')).toContainText(`Copyright ${year} Globe Echo Daily. Reuse with permission.`);
    await expect(preview.getByRole('img', { name: 'The Globe Echo smiley' })).toBeVisible();

    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText(/^Saved\./)).toBeVisible();

    await page.goto('/');
    const banner = page.getByRole('banner');
    await expect(banner).toContainText('Globe Echo Daily');
    const logo = banner.getByRole('img', { name: 'The Globe Echo smiley' });
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Weather', 'Opinion', 'Live Markets']);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Opinion' })).toHaveAttribute('href', '/section/opinion');
    await expect(page.getByRole('contentinfo')).toContainText(`Copyright ${year} Globe Echo Daily. Reuse with permission.`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#b91c1c');
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(185, 28, 28)');
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    await expect(page).toHaveTitle(/Globe Echo Daily/);
  } finally {
    // Put the demo branding back for the other browser tests.
    const restore = await page.request.post('/trpc/settings.update', {
      headers: { 'content-type': 'application/json' },
      data: {
        json: {
          name: original.name,
          logoAlt: original.logoAlt,
          accentColor: original.accentColor,
          navigation: original.navigation,
          copyrightTemplate: original.copyrightTemplate,
        },
      },
    });
    expect(restore.ok()).toBe(true);
  }
});

test('the staff page invites a colleague, who joins from the link and is signed in', async ({ page, browser }) => {
  await page.goto('/admin');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { name: 'Staff', level: 1 })).toBeVisible();

  const invite = page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('Email').fill('e2e.invitee@example.test');
  await invite.getByRole('combobox').selectOption('editor');
  await invite.getByRole('button', { name: 'Invite', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toMatch(new RegExp(`^${process.env.E2E_BASE_URL}/admin/accept-invite\\?token=[\\w-]+$`));
  await expect(page.getByRole('row', { name: /e2e\.invitee@example\.test/ })).toContainText('Invited');

  const invitee = await browser.newContext();
  try {
    const tab = await invitee.newPage();
    await tab.goto(link);
    await expect(tab.getByText('You were invited as Editor')).toBeVisible();
    await tab.getByLabel('Your name').fill('Erin Editor');
    await tab.getByLabel('Password', { exact: true }).fill('a long e2e password');
    await tab.getByLabel('Password again').fill('a long e2e password');
    await tab.getByRole('button', { name: 'Join and sign in' }).click();
    await expect(tab.getByRole('heading', { name: 'Articles' })).toBeVisible();
    await expect(tab.getByText('Erin Editor (Editor)')).toBeVisible();
    // The link worked once.
    await tab.goto(link);
    await expect(tab.getByRole('alert')).toContainText('expired or has already been used');
  } finally {
    await invitee.close();
  }
});
