import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { OWNER, expect, test } from './fixtures.ts';

/** The local quotes feed global-setup started (and allow-listed for the server). */
const provider = process.env.E2E_QUOTES_PROVIDER_URL ?? '';
const SYMBOLS = ['NWS', 'ECHO', '^GLOBE'];

let owner: APIRequestContext;

async function mutation(path: string, input: unknown): Promise<unknown> {
  const response = await owner.post(`/trpc/${path}`, {
    headers: { 'content-type': 'application/json' },
    data: { json: input },
  });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

async function setPrices(prices: Record<string, number>) {
  const response = await fetch(`${provider}/prices`, { method: 'PUT', body: JSON.stringify(prices) });
  expect(response.status).toBe(204);
}

test.beforeAll(async () => {
  test.skip(!provider, 'global-setup started no quotes provider');
  owner = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  await mutation('auth.login', { email: OWNER.email, password: OWNER.password });
  await setPrices({ NWS: 100, ECHO: 50, '^GLOBE': 4000 });
  await mutation('widgets.updateConfig', {
    markets: { enabled: true, quotesUrl: `${provider}/quotes`, symbols: SYMBOLS },
  });
  // The scheduled job runs every minute; the owner-only refresh fetches now.
  expect(await mutation('widgets.refreshNow', null)).toMatchObject({
    markets: { stored: SYMBOLS, failed: [] },
  });
});

test.afterAll(async () => {
  if (!owner) return;
  await mutation('widgets.updateConfig', { markets: { enabled: false, quotesUrl: null, symbols: [] } });
  await owner.dispose();
});

test('Live Markets updates prices in the open page, without a reload', async ({ page }) => {
  await page.goto('/markets');
  await expect(page.getByRole('heading', { name: 'Live Markets', level: 1 })).toBeVisible();
  const row = page.getByRole('row', { name: /^NWS/ });
  const price = row.locator('[data-field="price"]');
  await expect(price).toHaveText('100.00');
  await expect(page.getByText(/Prices as of \d\d:\d\d, (just now|1 minute ago)/)).toBeVisible();
  // Set on this document only: a reload would lose it.
  await page.evaluate(() => document.documentElement.setAttribute('data-loaded-once', ''));

  await setPrices({ NWS: 123.45 });
  await mutation('widgets.refreshNow', null);

  await expect.poll(() => price.textContent(), { timeout: 15_000 }).toBe('123.45');
  // The change is written as text with its sign and direction, not only in colour.
  await expect(row).toContainText('Up');
  await expect(row.locator('[data-field="change"]')).toHaveText('+23.45');
  await expect(row).toHaveClass(/quote--up/);
  // The header strip's price for the same symbol follows too.
  await expect(
    page
      .getByRole('complementary', { name: 'Weather and markets' })
      .locator('[data-quote="NWS"] [data-field="price"]'),
  ).toHaveText('123.45');
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-loaded-once'))).toBe(true);

  await setPrices({ NWS: 90 });
  await mutation('widgets.refreshNow', null);
  await expect.poll(() => price.textContent(), { timeout: 15_000 }).toBe('90.00');
  await expect(row.locator('[data-field="change"]')).toHaveText('−10.00');
  await expect(row).toContainText('Down');
});

test('the Weather page says so when there is no weather yet, and every page carries the markets strip', async ({
  page,
}) => {
  await page.goto('/weather');
  await expect(page.getByRole('heading', { name: 'Weather', level: 1 })).toBeVisible();
  await expect(page.getByText('Weather is not available right now.')).toBeVisible();
  const strip = page.getByRole('complementary', { name: 'Weather and markets' });
  await expect(strip.getByRole('link')).toHaveCount(3);
  await strip.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/markets$/);
});

test('a page rendered before the prices changed brings its header strip up to date by itself', async ({ page }) => {
  await setPrices({ ECHO: 50 });
  await mutation('widgets.refreshNow', null);
  await page.goto('/corrections');
  const echo = page
    .getByRole('complementary', { name: 'Weather and markets' })
    .locator('[data-quote="ECHO"] [data-field="price"]');
  await expect(echo).toHaveText('50.00');

  await setPrices({ ECHO: 61.5 });
  await mutation('widgets.refreshNow', null);
  // The page comes from the render cache as it was rendered, with the old price in its html...
  const response = await page.reload();
  expect(response?.headers()['x-cache']).toBe('HIT');
  expect(await response?.text()).toContain('50.00');
  // ...and the strip asks for the quotes as they are now.
  await expect(echo).toHaveText('61.50');
});
