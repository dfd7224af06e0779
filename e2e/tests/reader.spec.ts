import { expect, test } from './fixtures.ts';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader searches from the home page and reads an article with its share links', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('img', { name: 'Smiley face' })).toBeVisible();

    // Other tests publish articles too: reach the demo story by search, not by its place on the page.
    await page.goto('/search?q=missile');
    await expect(page.locator('mark').first()).toBeVisible();
    const result = page.getByRole('main').getByRole('link', { name: /missile/i }).first();
    const headline = (await result.textContent())!.trim();
    await result.click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
    await expect(page.locator('.article__body p').first()).toBeVisible();
    // The share links work without script; the Web Share and copy buttons need it and stay hidden.
    const share = page.getByRole('region', { name: 'Share this article' });
    await expect(share.getByRole('link', { name: 'Email' })).toHaveAttribute('href', /^mailto:\?subject=/);
    await expect(share.getByRole('button', { name: 'Copy link' })).toBeHidden();
  });
});
