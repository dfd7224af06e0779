import { expect, test } from './fixtures.ts';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader searches from the home page and reads an article with its share links', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('img', { name: 'Smiley face' })).toBeVisible();

    // Other tests publish articles too: reach the demo story by search, not by its place on the page. The
    // header's search form is a plain GET form, so it works without script.
    const search = page.getByRole('search', { name: 'Site', exact: true });
    await search.getByRole('searchbox', { name: 'Search', exact: true }).fill('missile');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=missile$/);
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

test('a reader types in the header search, picks a suggestion from the keyboard and lands on the article', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('banner').getByRole('combobox', { name: 'Search', exact: true });
  // "/" jumps to the field from anywhere on the page, and is not typed into it.
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');

  // "Strait" is in the demo missile story's headline and in no other demo article; "Tess" is half a word.
  await search.pressSequentially('Strait of Tess');
  const suggestions = page.getByRole('listbox', { name: 'Search suggestions' });
  const missile = suggestions.getByRole('option', {
    name: 'Missile launch over Strait of Tessel prompts emergency regional talks',
  });
  await expect(missile).toBeVisible();
  await expect(search).toHaveAttribute('aria-expanded', 'true');

  await search.press('ArrowDown');
  await expect(missile).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await missile.getAttribute('id'))!);
  await search.press('Enter');

  await expect(page).toHaveURL(/\/article\/missile-launch-over-strait-of-tessel-prompts-emergency-regional-talks$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Missile launch over Strait of Tessel prompts emergency regional talks',
  );
});

test.describe('on a 320 px wide phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no reader page is wider than the screen, and the header search stays whole', async ({ page }) => {
    for (const path of ['/', '/article/missile-launch-over-strait-of-tessel-prompts-emergency-regional-talks', '/search?q=missile', '/markets']) {
      await page.goto(path);
      const widest = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(widest, path).toBeLessThanOrEqual(320);
      const button = await page.getByRole('search', { name: 'Site', exact: true }).getByRole('button', { name: 'Search' }).boundingBox();
      expect(button!.x + button!.width, path).toBeLessThanOrEqual(320);
    }
  });
});
