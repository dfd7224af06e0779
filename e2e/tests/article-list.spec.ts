import type { Page } from '@playwright/test';
import { OWNER, expect, test } from './fixtures.ts';

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto('/admin');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
}

/** A tRPC mutation from the page, with its session cookie and origin, in superjson's `{ json }` envelope. */
async function mutate<T>(page: Page, path: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([p, i]) => {
      const response = await fetch(`/trpc/${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: i }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`${p} answered ${response.status}: ${JSON.stringify(body)}`);
      return body.result.data.json;
    },
    [path, input] as const,
  );
}

const rows = (page: Page) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('link') });

test('the article list filters, sorts and pages, and a reload keeps its filters', async ({ page }) => {
  await signIn(page, OWNER);
  const stamp = Date.now().toString(36);
  const section = await mutate<{ id: string }>(page, 'taxonomy.createSection', { name: `Listing ${stamp}` });
  const tag = await mutate<{ id: string; name: string }>(page, 'taxonomy.createTag', {
    name: `Listtag ${stamp}`,
  });
  const made: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < 28; i++) {
    made.push(
      await mutate(page, 'article.create', {
        headline: `Listcheck ${stamp} ${String(i).padStart(2, '0')}`,
        sectionId: section.id,
      }),
    );
  }
  for (const article of made.slice(0, 3))
    await mutate(page, 'article.update', { id: article.id, baseVersion: article.version, tagIds: [tag.id] });

  await page.goto('/admin');
  await page.getByLabel('Search').fill(`Listcheck ${stamp}`);
  await expect(page).toHaveURL(/[?&]q=Listcheck/);
  await expect(rows(page)).toHaveCount(25);
  await page.getByLabel('Section').selectOption({ label: `Listing ${stamp}` });
  await expect(page).toHaveURL(new RegExp(`section=${section.id}`));
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows(page)).toHaveCount(28);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Articles' }).getByRole('status')).toHaveText(
    '28 articles shown.',
  );

  await page.getByLabel('Sort by').selectOption({ label: 'Headline' });
  await expect(page.getByLabel('Order')).toHaveValue('asc');
  await expect(rows(page).first()).toContainText(`Listcheck ${stamp} 00`);
  await page.getByLabel('Order').selectOption({ label: 'Z to A' });
  await expect(rows(page).first()).toContainText(`Listcheck ${stamp} 27`);
  await expect(page.getByRole('columnheader', { name: 'Headline' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // A reload shows the same list.
  await page.reload();
  await expect(page.getByLabel('Search')).toHaveValue(`Listcheck ${stamp}`);
  await expect(page.getByLabel('Section')).toHaveValue(section.id);
  await expect(page.getByLabel('Sort by')).toHaveValue('headline');
  await expect(page.getByLabel('Order')).toHaveValue('desc');
  await expect(rows(page).first()).toContainText(`Listcheck ${stamp} 27`);

  // The tag type-ahead: type, choose with the keyboard, and clear it again.
  const tagBox = page.getByRole('combobox', { name: 'Tag' });
  await tagBox.fill(`Listtag ${stamp}`);
  await expect(page.getByRole('option', { name: `Listtag ${stamp}` })).toBeVisible();
  await tagBox.press('Enter');
  await expect(page).toHaveURL(new RegExp(`tag=${tag.id}`));
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('button', { name: `Remove tag filter Listtag ${stamp}` })).toBeFocused();
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('button', { name: `Remove tag filter Listtag ${stamp}` }).click();
  await expect(page.getByRole('combobox', { name: 'Tag' })).toBeFocused();
  await expect(rows(page)).toHaveCount(25);

  await page.getByLabel('Status').selectOption({ label: 'Published' });
  await expect(page.getByText('No articles match.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/admin\?sort=headline&dir=desc$/);
  await expect(page.getByLabel('Search')).toHaveValue('');
});
