import type { Browser, BrowserContext, Page } from '@playwright/test';
import { OWNER, expect, test } from './fixtures.ts';
import { solidPng } from './png.ts';


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
      const response = await fetch(`/trpc/${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: i }) });
      const body = await response.json();
      if (!response.ok) throw new Error(`${p} answered ${response.status}: ${JSON.stringify(body)}`);
      return body.result.data.json;
    },
    [path, input] as const,
  );
}

/**
 * Invites a colleague as the signed-in `page` and accepts the invite in a fresh browser context, which is
 * then signed in as them.
 */
async function newColleague(browser: Browser, page: Page, who: { email: string; name: string; role: 'contributor' | 'author' | 'editor' }): Promise<{ context: BrowserContext; page: Page }> {
  const invite = await mutate<{ link: { url: string } }>(page, 'staff.invite', { email: who.email, role: who.role, name: who.name });
  const token = new URL(invite.link.url).searchParams.get('token');
  expect(token).toBeTruthy();
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const tab = await context.newPage();
  await tab.goto('/admin');
  await mutate(tab, 'auth.acceptInvite', { token, name: who.name, password: 'a long e2e password' });
  await tab.goto('/admin');
  await expect(tab.getByRole('heading', { name: 'Articles' })).toBeVisible();
  return { context, page: tab };
}

async function newArticle(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByLabel('Headline')).toBeVisible();
  return page.url().split('/').pop()!;
}

const saveStatus = (page: Page) => page.getByTestId('save-status');
const body = (page: Page) => page.getByRole('textbox', { name: 'Article body' });

/** Puts the caret at the end of the body. */
async function toBodyEnd(page: Page) {
  await body(page).click();
  await page.keyboard.press('Control+End');
}

test('an article written with bold, a link, an image and filing details survives a reload', async ({ page }) => {
  // Unique per run, so a repeated run picks its own upload.
  const alt = `An orange square from the editorial test ${Date.now()}`;
  await signIn(page, OWNER);
  await newArticle(page);

  await page.getByLabel('Headline').fill('E2E rich text survives a reload');
  await toBodyEnd(page);
  await page.keyboard.type('Plain words then ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('bold words');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' and a link to ');
  // Ctrl+K with nothing selected asks for the address and inserts it as the link's text.
  await page.keyboard.press('Control+k');
  const linkForm = page.getByRole('form', { name: 'Link address' });
  await expect(linkForm.getByLabel('Link address')).toBeFocused();
  await page.keyboard.type('https://example.com/e2e');
  await page.keyboard.press('Enter');
  await expect(linkForm).toBeHidden();
  const link = body(page).getByRole('link', { name: 'https://example.com/e2e' });
  await expect(link).toHaveAttribute('href', 'https://example.com/e2e');
  // Back in the body, the caret after the link.
  await expect(body(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('A second paragraph.');

  // An image from the media library, uploaded right in the picker and given its alt text there.
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Image', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Choose an image' });
  await picker.getByLabel('Upload images').setInputFiles({ name: 'orange square.png', mimeType: 'image/png', buffer: solidPng(320, 240, [240, 120, 0]) });
  await picker.getByLabel(/Alt text/).fill(alt);
  await picker.getByRole('button', { name: 'Save alt text and use image' }).click();
  await expect(picker).toBeHidden();
  await expect(body(page).getByRole('img', { name: alt })).toBeVisible();
  await expect(saveStatus(page)).toContainText('Saved at', { timeout: 15_000 });

  // Filing details: section, a new tag, the featured image; they go with Save.
  const details = page.getByRole('complementary', { name: 'Publishing and details' });
  await details.getByLabel('Section').selectOption({ index: 1 });
  const sectionName = (await details.getByLabel('Section').locator('option:checked').textContent())!;
  const tagInput = details.getByRole('combobox', { name: 'Add a tag' });
  await tagInput.fill('E2E Tag');
  await expect(details.getByRole('option', { name: 'Create tag “E2E Tag”' })).toBeVisible();
  await tagInput.press('ArrowDown');
  await tagInput.press('Enter');
  await expect(details.getByRole('button', { name: 'Remove tag E2E Tag' })).toBeVisible();
  await details.getByRole('button', { name: 'Choose featured image' }).click();
  const featuredPicker = page.getByRole('dialog', { name: 'Choose an image' });
  await featuredPicker.getByRole('button', { name: new RegExp(alt) }).click();
  await featuredPicker.getByRole('button', { name: 'Use this image' }).click();
  await expect(details.getByRole('img', { name: alt })).toBeVisible();
  await expect(page.getByTestId('details-unsaved')).toBeVisible();
  await details.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('details-unsaved')).toBeHidden();
  await expect(saveStatus(page)).toContainText('Saved at');

  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue('E2E rich text survives a reload');

  await expect(body(page).locator('strong', { hasText: 'bold words' })).toBeVisible();
  await expect(body(page)).toContainText('A second paragraph.');
  await expect(body(page).getByRole('link', { name: 'https://example.com/e2e' })).toHaveAttribute('href', 'https://example.com/e2e');
  await expect(body(page)).toContainText('and a link to https://example.com/e2e');
  const image = body(page).getByRole('img', { name: alt });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const side = page.getByRole('complementary', { name: 'Publishing and details' });
  await expect(side.getByLabel('Section').locator('option:checked')).toHaveText(sectionName);
  await expect(side.getByRole('button', { name: 'Remove tag E2E Tag' })).toBeVisible();
  await expect(side.getByRole('img', { name: alt })).toBeVisible();
  await expect(side.getByText(`Alt text: ${alt}`)).toBeVisible();
});

test('a long headline shows whole in the editor, and a line break pasted into it becomes a space', async ({ page }) => {
  await signIn(page, OWNER);
  await newArticle(page);
  const headline = page.getByLabel('Headline');
  const size = () => headline.evaluate((el) => ({ shown: el.clientHeight, needed: el.scrollHeight }));
  await headline.fill('Short headline');
  const oneLine = await size();

  const long = 'Regional council weighs the harbour budget as ferry operators, fishermen and shipping lines argue over dredging';
  await headline.fill(`${long}\nas pasted from a wire story`);
  await expect(headline).toHaveValue(`${long} as pasted from a wire story`);
  await expect.poll(async () => (await size()).shown).toBeGreaterThan(oneLine.shown * 1.5);
  const wrapped = await size();
  expect(wrapped.shown).toBeGreaterThanOrEqual(wrapped.needed);

  await headline.press('End');
  await headline.press('Enter');
  await expect(headline).toHaveValue(`${long} as pasted from a wire story`);
});

test('a contributor submits a draft for review and an editor publishes it to the reader', async ({ page, browser }) => {
  await signIn(page, OWNER);
  const contributor = await newColleague(browser, page, { email: `e2e.contributor.${Date.now()}@example.test`, name: 'Casey Contributor', role: 'contributor' });
  try {
    const tab = contributor.page;
    const id = await newArticle(tab);
    await tab.getByLabel('Headline').fill('E2E contributed story goes live');
    await toBodyEnd(tab);
    await tab.keyboard.type('Filed by a contributor and checked by an editor.');
    await expect(saveStatus(tab)).toContainText('Saved at', { timeout: 15_000 });
    // A contributor cannot publish, so is not offered to; submitting is theirs.
    await expect(tab.getByRole('button', { name: 'Publish now' })).toHaveCount(0);
    // A preview link opens the draft as readers would see it, in a new tab, and stays on screen with its expiry.
    const popup = tab.context().waitForEvent('page');
    await tab.getByRole('button', { name: 'Preview' }).click();
    const preview = await popup;
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('E2E contributed story goes live');
    await preview.close();
    await expect(tab.getByTestId('preview-link')).toContainText(/works until .+\/preview\//);
    await tab.getByRole('button', { name: 'Submit for review' }).click();
    await expect(tab.locator('.article-editor__bar .status')).toHaveText('In review');

    await page.goto(`/admin/articles/${id}`);
    await expect(page.getByLabel('Headline')).toHaveValue('E2E contributed story goes live');
    await page.getByRole('button', { name: 'Publish now' }).click();
    await expect(page.locator('.article-editor__bar .status')).toHaveText('Published');
    const href = await page.getByRole('link', { name: 'View on the site' }).getAttribute('href');
    expect(href).toMatch(/^\/article\/[\w-]+$/);

    // Once published, corrections and updates can be added; they show on the article page.
    const corrections = page.getByRole('region', { name: 'Corrections and updates' });
    await expect(corrections.getByText('None yet.')).toBeVisible();
    await corrections.getByLabel('Kind').selectOption('update');
    await corrections.getByLabel('Text').fill('This story was updated with a second source.');
    await corrections.getByRole('button', { name: 'Add' }).click();
    await expect(corrections.getByRole('listitem')).toContainText(['Update']);
    await expect(corrections.getByRole('listitem')).toContainText(['This story was updated with a second source.']);

    await page.goto(href!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E contributed story goes live');
    await expect(page.getByRole('main')).toContainText('Filed by a contributor and checked by an editor.');
    await expect(page.getByRole('main')).toContainText('This story was updated with a second source.');
    await page.goto('/');
    await expect(page.getByRole('main').getByRole('link', { name: 'E2E contributed story goes live' }).first()).toBeVisible();
  } finally {
    await contributor.context.close();
  }
});

test('an editor creates a guest author from the article editor, credits them second, and readers see both names', async ({ page }) => {
  // Unique per run, so a repeated run makes its own guest author and finds its own article.
  const run = Date.now().toString(36);
  const guestName = `E2E Freelancer ${run}`;
  const headline = `E2E story with a guest byline ${run}`;
  await signIn(page, OWNER);
  await newArticle(page);
  await page.getByLabel('Headline').fill(headline);
  await toBodyEnd(page);
  await page.keyboard.type('Reported with a freelancer on the harbour.');
  await expect(saveStatus(page)).toContainText('Saved at', { timeout: 15_000 });

  const details = page.getByRole('complementary', { name: 'Publishing and details' });
  const authors = details.getByRole('group', { name: 'Authors' });
  const bylineNames = authors.locator('.authors-field__name');
  await expect(bylineNames).toHaveText(['Publication Owner']);

  // Typing a name nobody has offers to create a guest author with it, then asks for an optional bio.
  const add = authors.getByRole('combobox', { name: 'Add an author' });
  await add.fill(guestName);
  await authors.getByRole('option', { name: `Create guest author “${guestName}”` }).click();
  const form = authors.getByRole('group', { name: 'New guest author' });
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(guestName);
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByLabel('Bio (optional)').fill('Freelance reporter covering the harbour.');
  await form.getByRole('button', { name: 'Create and add' }).click();
  await expect(form).toBeHidden();
  await expect(bylineNames).toHaveText(['Publication Owner', guestName]);

  // Reordering by button keeps the focus with the person moved, so the keyboard can move them back.
  await authors.getByRole('button', { name: `Move ${guestName} up` }).click();
  await expect(bylineNames).toHaveText([guestName, 'Publication Owner']);
  await expect(authors.getByRole('button', { name: `Move ${guestName} down` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bylineNames).toHaveText(['Publication Owner', guestName]);

  await expect(page.getByTestId('details-unsaved')).toBeVisible();
  await details.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('details-unsaved')).toBeHidden();
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Publishing and details' }).getByRole('group', { name: 'Authors' }).locator('.authors-field__name')).toHaveText([
    'Publication Owner',
    guestName,
  ]);

  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.locator('.article-editor__bar .status')).toHaveText('Published');
  const href = await page.getByRole('link', { name: 'View on the site' }).getAttribute('href');
  expect(href).toMatch(/^\/article\/[\w-]+$/);

  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  const byline = page.locator('.article__byline');
  await expect(byline).toHaveText(`By Publication Owner and ${guestName}`);
  const guestLink = byline.getByRole('link', { name: guestName });
  await expect(guestLink).toHaveAttribute('href', /^\/author\/[\w-]+$/);
  await guestLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(guestName);
  await expect(page.getByRole('main')).toContainText('Freelance reporter covering the harbour.');
  await expect(page.getByRole('main').getByRole('link', { name: headline }).first()).toBeVisible();
});

test('two people save the same article: the second sees both texts, keeps theirs, and nothing is lost', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, OWNER);
  const id = await newArticle(page);
  await page.getByLabel('Headline').fill('E2E two editors, one article');
  await toBodyEnd(page);
  await page.keyboard.type('The original sentence.');
  await expect(saveStatus(page)).toContainText('Saved at', { timeout: 15_000 });

  const editor = await newColleague(browser, page, { email: `e2e.second.editor.${Date.now()}@example.test`, name: 'Erin Second', role: 'editor' });
  try {
    const b = editor.page;
    await b.goto(`/admin/articles/${id}`);
    await expect(body(b)).toContainText('The original sentence.');
    // B's first heartbeat sees A, who has had the article open all along.
    await expect(b.getByTestId('presence')).toHaveText('Also editing: Publication Owner');

    // A changes the body and saves.
    await toBodyEnd(page);
    await page.keyboard.type(' Added by the owner.');
    await expect(saveStatus(page)).toContainText('Saved at', { timeout: 15_000 });

    // B, idle on the old version, learns of it at the next heartbeat (every 20 s).
    await expect(b.getByText('A newer version was saved by someone else.')).toBeVisible({ timeout: 30_000 });

    // B ignores that and types on the old text: the save is refused and both texts are shown.
    await toBodyEnd(b);
    await b.keyboard.type(' Typed by the second editor.');
    const conflict = b.getByRole('alert').filter({ has: b.getByRole('heading', { name: 'Someone else saved this article while you were editing' }) });
    await expect(conflict).toBeVisible({ timeout: 15_000 });
    await expect(b.getByTestId('conflict-mine')).toContainText('The original sentence. Typed by the second editor.');
    await expect(b.getByTestId('conflict-theirs')).toContainText('The original sentence. Added by the owner.');
    await b.getByRole('button', { name: 'Keep mine (theirs becomes a revision)' }).click();
    await expect(conflict).toBeHidden();
    await expect(saveStatus(b)).toContainText('Saved at', { timeout: 15_000 });

    // The owner's text is in the history as a conflict copy; the article has B's text.
    await b.getByRole('button', { name: 'Revisions' }).click();
    const revisions = b.getByRole('dialog', { name: 'Revisions' });
    const copy = revisions.getByTestId('revision').filter({ hasText: 'Conflict copy' });
    await expect(copy).toHaveCount(1);
    await copy.getByRole('button', { name: 'Compare with current' }).click();
    const diff = revisions.getByTestId('revision-diff');
    await expect(diff.locator('del').first()).toBeVisible();
    // Word-level parts: the owner's words are marked removed, B's added.
    expect((await diff.locator('del').allInnerTexts()).join(' ')).toContain('owner');
    expect((await diff.locator('ins').allInnerTexts()).join(' ')).toContain('second editor');
    await expect(diff.getByText('are underlined')).toBeVisible();
    // Any two revisions compare too: the conflict copy and the first save.
    await copy.getByRole('checkbox').check();
    await revisions.getByTestId('revision').last().getByRole('checkbox').check();
    await revisions.getByRole('button', { name: 'Compare selected (2/2)' }).click();
    await expect(diff.getByRole('heading', { level: 3 })).toContainText('to “Conflict copy');
    await expect(diff.locator('ins').first()).toBeVisible();
    await b.keyboard.press('Escape');
    await expect(revisions).toBeHidden();

    await page.reload();
    await expect(body(page)).toContainText('The original sentence. Typed by the second editor.');

    // Restoring the owner's copy brings it back without losing B's text, which stays in the history.
    await page.getByRole('button', { name: 'Revisions' }).click();
    const history = page.getByRole('dialog', { name: 'Revisions' });
    await history.getByTestId('revision').filter({ hasText: 'Conflict copy' }).getByRole('button', { name: 'Restore this version' }).click();
    await expect(history.getByRole('status')).toContainText('The text it replaced is kept in the history.');
    await expect(history.getByTestId('revision').first()).toContainText('Restored');
    await page.keyboard.press('Escape');
    await expect(body(page)).toContainText('The original sentence. Added by the owner.');
    await page.getByRole('button', { name: 'Revisions' }).click();
    const again = page.getByRole('dialog', { name: 'Revisions' });
    await again.getByTestId('revision').filter({ hasText: 'Restored' }).first().getByRole('button', { name: 'Compare with current' }).click();
    await expect(again.getByTestId('revision-diff')).toContainText('No differences');
    await expect(again.getByTestId('revision').filter({ hasText: /Saved|Autosave/ }).first()).toBeVisible();
  } finally {
    await editor.context.close();
  }
});

test('a scheduled article goes live on time', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, OWNER);
  const headline = `E2E scheduled story ${Date.now()}`;
  const created = await mutate<{ id: string; slug: string; version: number }>(page, 'article.create', { headline });
  const scheduledAt = new Date(Date.now() + 15_000).toISOString();
  await mutate(page, 'article.transition', { id: created.id, baseVersion: created.version, to: 'scheduled', scheduledAt });

  await page.goto(`/admin/articles/${created.id}`);
  await expect(page.locator('.article-editor__bar .status')).toHaveText('Scheduled');
  expect((await page.request.get(`/article/${created.slug}`)).status()).toBe(404);

  await expect
    .poll(async () => (await page.request.get(`/article/${created.slug}`)).status(), { timeout: 90_000, intervals: [1_000] })
    .toBe(200);
  await page.goto(`/article/${created.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
});

test('a draft can be deleted after confirming, and is gone from the list', async ({ page }) => {
  await signIn(page, OWNER);
  const id = await newArticle(page);
  await page.getByLabel('Headline').fill('E2E draft to delete');
  await expect(saveStatus(page)).toContainText('Saved at', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this article?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Escape keeps the article and gives focus back to the Delete button.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'E2E draft to delete' })).toHaveCount(0);
  const input = encodeURIComponent(JSON.stringify({ json: { id } }));
  expect((await page.request.get(`/trpc/article.get?input=${input}`)).status()).toBe(404);
});
