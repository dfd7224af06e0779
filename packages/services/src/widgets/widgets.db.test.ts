import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';
import { startTestProvider, type TestProvider } from './provider-server.testing.ts';
import { createWidgetService, type WidgetService } from './widgets.service.ts';

let t: TestServices;
let provider: TestProvider;
let admin: StaffContext;
/** The same services with the local provider allow-listed, as WIDGET_ALLOW_PRIVATE_HOSTS does in a host. */
let widgets: WidgetService;

const LONDON = { name: 'London', latitude: 51.51, longitude: -0.13 };
const PARIS = { name: 'Paris', latitude: 48.86, longitude: 2.35 };

beforeAll(async () => {
  t = await createTestServices({ seed: true });
  provider = await startTestProvider();
  admin = await t.staff('administrator');
  widgets = createWidgetService({
    ...t.deps,
    config: { ...t.deps.config, widgetAllowPrivateHosts: ['127.0.0.1:*'] },
  });
});
afterAll(async () => {
  await provider.close();
  await t.close();
});
beforeEach(() => {
  provider.mode = 'ok';
});

async function configure() {
  await widgets.updateConfig(admin, {
    weather: { enabled: true, forecastUrl: provider.forecastUrl, locations: [LONDON, PARIS] },
    markets: { enabled: true, quotesUrl: provider.quotesUrl, symbols: ['AAPL', 'MSFT', '^GSPC'] },
  });
}

describe('configuration', () => {
  it('starts switched off, with nothing to show and nothing fetched', async () => {
    const snapshot = await t.widgets.snapshot();
    expect(snapshot.weather).toMatchObject({ enabled: false, locations: [] });
    expect(snapshot.markets).toMatchObject({ enabled: false, quotes: [] });
    expect(await t.widgets.fetchWeatherNow()).toEqual({ skipped: 'disabled', stored: [], failed: [] });
    expect(await t.widgets.fetchMarketsNow()).toEqual({ skipped: 'disabled', stored: [], failed: [] });
    expect(provider.requests).toEqual([]);
  });

  it('is for administrators only, audited, announced, and keeps other integrations', async () => {
    const editor = await t.staff('editor');
    await expect(t.widgets.getConfig(editor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      t.widgets.updateConfig(editor, { markets: { enabled: false, quotesUrl: null, symbols: [] } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await t.database.db
      .updateTable('publication_settings')
      .set({ integrations: JSON.stringify({ analytics: { id: 'x' } }) })
      .execute();
    const changesBefore = t.changes.length;
    await configure();
    const stored = await t.database.db
      .selectFrom('publication_settings')
      .select('integrations')
      .executeTakeFirstOrThrow();
    expect(stored.integrations).toMatchObject({
      analytics: { id: 'x' },
      weather: { enabled: true, locations: [LONDON, PARIS] },
      markets: { symbols: ['AAPL', 'MSFT', '^GSPC'] },
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'widgets.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: admin.actor.id, entity_type: 'settings', entity_id: 'widgets' });
    expect(audit.before).toMatchObject({ weather: { enabled: false } });
    expect(audit.after).toMatchObject({ weather: { enabled: true } });
    expect(t.changes.slice(changesBefore)).toEqual([{ kind: 'settings' }]);
    expect((await t.widgets.getConfig(admin)).config.markets.quotesUrl).toBe(provider.quotesUrl);
  });

  it('falls back to "off" when what is stored no longer validates', async () => {
    const before = await t.database.db
      .selectFrom('publication_settings')
      .select('integrations')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('publication_settings')
      .set({ integrations: JSON.stringify({ weather: { enabled: 'yes' }, markets: 42 }) })
      .execute();
    const { config } = await t.widgets.getConfig(admin);
    expect(config.weather.enabled).toBe(false);
    expect(config.markets.enabled).toBe(false);
    await t.database.db
      .updateTable('publication_settings')
      .set({ integrations: JSON.stringify(before.integrations) })
      .execute();
  });
});

describe('fetching', () => {
  beforeAll(configure);

  it('stores each location and each quote, with the time the provider observed it', async () => {
    provider.requests.length = 0;
    const changesBefore = t.changes.length;
    expect(await widgets.fetchWeatherNow()).toEqual({ stored: ['London', 'Paris'], failed: [] });
    expect(await widgets.fetchMarketsNow()).toEqual({ stored: ['AAPL', 'MSFT', '^GSPC'], failed: [] });
    // First data for a page that said "not available" is announced (cached pages are dropped); updates are not.
    expect(t.changes.length - changesBefore).toBe(2);
    await widgets.fetchMarketsNow();
    expect(t.changes.length - changesBefore).toBe(2);
    expect(provider.requests).toContain(
      '/v1/forecast?latitude=51.51&longitude=-0.13&current=temperature_2m,weather_code,wind_speed_10m&daily=temperature_2m_max,temperature_2m_min,weather_code&timezone=auto',
    );
    expect(provider.requests).toContain('/quotes?symbols=AAPL,MSFT,%5EGSPC');

    const rows = await t.database.db
      .selectFrom('provider_snapshots')
      .selectAll()
      .where('provider', 'in', ['weather', 'markets'])
      .orderBy('provider')
      .orderBy('key')
      .execute();
    expect(rows.map((r) => `${r.provider}:${r.key}`)).toEqual([
      'markets:AAPL',
      'markets:MSFT',
      'markets:^GSPC',
      'weather:London',
      'weather:Paris',
    ]);
    // 10:45 at UTC+1 is 09:45Z.
    expect(rows.find((r) => r.key === 'London')!.observed_at.toISOString()).toBe('2026-11-30T09:45:00.000Z');
    expect(rows.find((r) => r.key === 'AAPL')!.observed_at.toISOString()).toBe('2026-11-30T09:58:00.000Z');
    expect(rows.find((r) => r.key === 'AAPL')!.fetched_at.toISOString()).toBe('2026-11-30T10:00:00.000Z');

    const snapshot = await t.widgets.snapshot();
    expect(snapshot.generatedAt.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(snapshot.weather.locations.map((l) => l.name)).toEqual(['London', 'Paris']);
    expect(snapshot.weather.locations[0]).toMatchObject({
      temperature: 7.5,
      temperatureUnit: '°C',
      description: 'Light rain',
      windSpeed: 14.2,
      daily: [
        { date: '2026-11-30', max: 9.1, min: 3.2, description: 'Light rain' },
        { date: '2026-12-01', max: 10.4, min: 4, description: 'Overcast' },
        { date: '2026-12-02', max: null, min: 2.5, description: 'Clear sky' },
      ],
    });
    expect(snapshot.markets.quotes).toEqual([
      {
        symbol: 'AAPL',
        price: 189.5,
        change: -0.5,
        changePercent: -0.26,
        currency: 'USD',
        asOf: new Date('2026-11-30T09:58:00Z'),
      },
      {
        symbol: 'MSFT',
        price: 411.25,
        change: 221.25,
        changePercent: 116.45,
        currency: 'USD',
        asOf: new Date('2026-11-30T09:58:00Z'),
      },
      {
        symbol: '^GSPC',
        price: 5021.84,
        change: 4831.84,
        changePercent: 2543.07,
        currency: null,
        asOf: new Date('2026-11-30T09:58:00Z'),
      },
    ]);
    expect((await t.widgets.getConfig(admin)).status.markets).toMatchObject({
      ok: true,
      stored: ['AAPL', 'MSFT', '^GSPC'],
      failed: [],
    });
  });

  it('uses the time of the fetch when the provider gives none, or one in the future', async () => {
    provider.quotesAsOf = null;
    t.clock.advance(60_000);
    await widgets.fetchMarketsNow();
    expect((await t.widgets.markets()).quotes[0]!.asOf).toEqual(t.clock());
    provider.quotesAsOf = '2027-01-01T00:00:00Z';
    t.clock.advance(60_000);
    await widgets.fetchMarketsNow();
    expect((await t.widgets.markets()).quotes[0]!.asOf).toEqual(t.clock());
    provider.quotesAsOf = '2026-11-30T09:58:00Z';
  });

  it('does not let an older observation replace a newer one', async () => {
    const before = (await t.widgets.markets()).quotes[0]!;
    provider.prices.set('AAPL', 1);
    // The stored quote was observed at the fetch time (10:02); this answer says 09:58.
    await widgets.fetchMarketsNow();
    expect((await t.widgets.markets()).quotes[0]).toEqual(before);
    provider.prices.set('AAPL', 189.5);
  });

  it('asks for weather on the schedule only when it is 10 minutes old', async () => {
    provider.requests.length = 0;
    expect(await widgets.fetchWeatherIfDue()).toEqual({ skipped: 'fresh', stored: [], failed: [] });
    expect(provider.requests).toEqual([]);
    t.clock.advance(10 * 60_000);
    expect(await widgets.fetchWeatherIfDue()).toEqual({ stored: ['London', 'Paris'], failed: [] });
    expect(provider.requests).toHaveLength(2);
  });

  it('reports a quote the provider left out, and stores the others', async () => {
    provider.prices.delete('MSFT');
    const result = await widgets.fetchMarketsNow();
    expect(result.stored).toEqual(['AAPL', '^GSPC']);
    expect(result.failed).toEqual([{ key: 'MSFT', error: "missing or invalid in the provider's answer" }]);
    provider.prices.set('MSFT', 411.25);
  });
});

describe('a provider that misbehaves', () => {
  let snapshotBefore: Awaited<ReturnType<WidgetService['snapshot']>>;
  beforeAll(async () => {
    provider.mode = 'ok';
    await widgets.fetchWeatherNow();
    await widgets.fetchMarketsNow();
    snapshotBefore = await t.widgets.snapshot();
  });

  async function expectKept() {
    const after = await t.widgets.snapshot();
    expect(after.weather).toEqual(snapshotBefore.weather);
    expect(after.markets).toEqual(snapshotBefore.markets);
  }

  it.each([
    ['answers 500', 'error', /HTTP 500/],
    ['sends invalid JSON', 'invalid-json', /valid JSON/],
    ['sends the wrong shape', 'invalid-shape', /unexpected answer/],
    ['sends more than 1 MB', 'huge', /byte limit/],
  ] as const)(
    '%s: nothing crashes, the error is reported and the old data is kept',
    async (_label, mode, message) => {
      provider.mode = mode;
      const weather = await widgets.fetchWeatherNow();
      const markets = await widgets.fetchMarketsNow();
      expect(weather.stored).toEqual([]);
      expect(weather.failed.map((f) => f.key)).toEqual(['London', 'Paris']);
      expect(markets.failed).toHaveLength(3);
      if (mode !== 'invalid-shape') expect(weather.failed[0]!.error).toMatch(message);
      expect(markets.failed[0]!.error).toMatch(message);
      expect((await t.widgets.getConfig(admin)).status.markets).toMatchObject({
        ok: false,
        failed: expect.arrayContaining([expect.objectContaining({ key: 'AAPL' })]),
      });
      await expectKept();
    },
  );

  it('is slow: gives up after 3 seconds and keeps the old data', async () => {
    provider.mode = 'slow';
    const started = Date.now();
    const [weather, markets] = await Promise.all([widgets.fetchWeatherNow(), widgets.fetchMarketsNow()]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(weather.failed[0]!.error).toMatch(/within 3000 ms/);
    expect(markets.failed[0]!.error).toMatch(/within 3000 ms/);
    await expectKept();
  });

  it('is a private address and not allow-listed: refused before any request', async () => {
    provider.mode = 'ok';
    provider.requests.length = 0;
    const markets = await t.widgets.fetchMarketsNow();
    expect(markets.failed[0]!.error).toMatch(/private or reserved address/);
    expect(provider.requests).toEqual([]);
    await expectKept();
  });

  it('is down (its server closed): reported, old data kept, pages still read it', async () => {
    const down = await startTestProvider();
    const { config } = await t.widgets.getConfig(admin);
    await widgets.updateConfig(admin, { markets: { ...config.markets, quotesUrl: down.quotesUrl } });
    await down.close();
    const markets = await widgets.fetchMarketsNow();
    expect(markets.failed[0]!.error).toMatch(/could not reach/);
    await expectKept();
    await widgets.updateConfig(admin, { markets: config.markets });
  });
});
