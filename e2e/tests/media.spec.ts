import { OWNER, expect, test } from './fixtures.ts';
import { solidPng } from './png.ts';


test('the media library uploads an image, requires alt text, and shows it in the grid with its alt', async ({ page }) => {
  const alt = 'A teal square made by the end-to-end test';

  await page.goto('/admin');
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Media' }).click();
  await expect(page.getByRole('heading', { name: 'Media library' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/media$/);

  await page.getByLabel('Upload images').setInputFiles({ name: 'teal square.png', mimeType: 'image/png', buffer: solidPng(400, 300, [0, 128, 128]) });

  // The new image opens for editing with the alt text field focused.
  const dialog = page.getByRole('dialog', { name: 'Edit image' });
  await expect(dialog).toBeVisible();
  const altText = dialog.getByLabel('Alt text');
  await expect(altText).toBeFocused();
  await expect(dialog.getByText('Describe what the image shows')).toBeVisible();

  // Saving without alt text is refused, next to the field.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Add alt text to the image before using it')).toBeVisible();
  await expect(altText).toHaveAttribute('aria-invalid', 'true');

  await altText.fill(alt);
  await dialog.getByLabel('Credit').fill('E2E Studio');
  await dialog.getByLabel('Licence', { exact: true }).selectOption({ label: 'CC BY 4.0' });
  await expect(dialog.getByLabel('Licence URL')).toHaveValue('https://creativecommons.org/licenses/by/4.0/');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(alt);

  const grid = page.getByRole('list', { name: 'Images' });
  const image = grid.getByRole('img', { name: alt });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // Search finds it; it is still there after a reload.
  await page.getByRole('searchbox', { name: 'Search' }).fill('teal');
  await expect(grid.getByRole('img', { name: alt })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Images' }).getByRole('img', { name: alt })).toBeVisible();

  // Reopened, it keeps its rights; Escape closes the dialog and gives focus back to the card.
  const card = page.getByRole('button', { name: new RegExp(alt) });
  await card.click();
  const again = page.getByRole('dialog', { name: 'Edit image' });
  await expect(again.getByLabel('Credit')).toHaveValue('E2E Studio');
  await expect(again.getByRole('list').getByText('Not used anywhere yet.')).toHaveCount(0);
  await expect(again.getByText('Not used anywhere yet.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(again).toBeHidden();
  await expect(card).toBeFocused();
});
