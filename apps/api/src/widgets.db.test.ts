import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWidgetService, type StaffContext, type WidgetService } from '@newsroom/services';
import { marketsStreamRoute } from './http/markets-stream.route.ts';
import { startTestApp, type TestApp } from './testing.ts';

/** A local weather (Open-Meteo-shaped) and quotes provider with a price the test changes. */
async function startProvider() {
  const prices = new Map([
    ['AAPL', 189.5],
    ['MSFT', 411.25],
  ]);
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/forecast') {
      res.end(
        JSON.stringify({
          utc_offset_seconds: 0,
          current_units: { temperature_2m: '°C', wind_speed_10m: 'km/h' },
          current: { time: '2026-11-30T09:57', temperature_2m: 11.4, weather_code: 2, wind_speed_10m: 9 },
          daily: {
            time: ['2026-11-30'],
            temperature_2m_max: [12],
            temperature_2m_min: [4],
            weather_code: [2],
          },
        }),
      );
      return;
    }
    const symbols = (url.searchParams.get('symbols') ?? '').split(',');
    res.end(
      JSON.stringify({
        quotes: symbols.map((symbol) => ({
          symbol,
          price: prices.get(symbol),
          change: 1.5,
          changePercent: 0.8,
          currency: 'USD',
          asOf: '2026-11-30T09:57:00Z',
        })),
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { prices, base, close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
}

/** Reads a Server-Sent Events stream, collecting `quotes` events and comments. */
async function openStream(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const events: Array<{ quotes: Array<{ symbol: string; price: number }> }> = [];
  const comments: string[] = [];
  let buffer = '';
  const done = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) comments.push(block);
          const data = /^event: quotes\ndata: (.*)$/m.exec(block);
          if (data) events.push(JSON.parse(data[1]!));
        }
      }
    } catch {
      // aborted
    }
  })();
  return { response, events, comments, close: async () => (controller.abort(), await done) };
}

let app: TestApp;
let provider: Awaited<ReturnType<typeof startProvider>>;
let admin: StaffContext;
let widgets: WidgetService;
const get = async (path: string) => {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, '') };
};

beforeAll(async () => {
  app = await startTestApp();
  provider = await startProvider();
  admin = await app.t.staff('administrator');
  // The host passes WIDGET_ALLOW_PRIVATE_HOSTS into the services config the same way.
  widgets = createWidgetService({
    ...app.t.deps,
    config: { ...app.t.deps.config, widgetAllowPrivateHosts: ['127.0.0.1:*'] },
  });
});
afterAll(async () => {
  await provider.close();
  await app.close();
});

describe('Weather and Live Markets pages', () => {
  it('render a helpful empty state for the demo publication, which has set nothing up', async () => {
    const weather = await get('/weather');
    expect(weather.status).toBe(200);
    expect(weather.html).toContain('Weather is not available right now.');
    const markets = await get('/markets');
    expect(markets.status).toBe(200);
    expect(markets.html).toContain('Live markets are not available right now.');
    expect(markets.html).not.toContain('widget-strip');
  });

  it('show stored data with its age once fetched, and the header strip on other pages', async () => {
    await widgets.updateConfig(admin, {
      weather: {
        enabled: true,
        forecastUrl: `${provider.base}/forecast`,
        locations: [{ name: 'Lisbon', latitude: 38.72, longitude: -9.14 }],
      },
      markets: { enabled: true, quotesUrl: `${provider.base}/quotes`, symbols: ['AAPL', 'MSFT'] },
    });
    // Cached "not available" pages are dropped when the first data arrives.
    expect(await get('/markets')).toMatchObject({
      status: 200,
      html: expect.stringContaining('Prices are on their way'),
    });
    expect((await widgets.refreshNow(admin)).markets).toEqual({ stored: ['AAPL', 'MSFT'], failed: [] });

    const weather = await get('/weather');
    expect(weather.html).toContain('Lisbon');
    expect(weather.html).toContain('11°C');
    expect(weather.html).toContain('Partly cloudy');
    // The test clock says 10:00 UTC; the publication is in Europe/London (UTC in November).
    expect(weather.html).toMatch(
      /As of <time dateTime="2026-11-30T09:57:00.000Z">09:57<\/time>, <span data-age="[^"]+">3 minutes ago<\/span>/,
    );

    const markets = await get('/markets');
    expect(markets.html).toMatch(
      /<tr class="quote quote--up" data-quote="AAPL">.*?<span data-field="price">189.50<\/span>.*?<span data-field="change">\+1.50<\/span>/,
    );
    expect(markets.html).toMatch(/Prices as of <time[^>]*>09:57<\/time>, <span[^>]*>3 minutes ago<\/span>/);
    expect(markets.html).toMatch(/<p class="widget-stale"[^>]*hidden=""/);
    expect(markets.html).toContain('data-live-markets="/live/markets"');

    const home = await get('/');
    expect(home.html).toMatch(
      /<aside class="widget-strip" aria-label="Weather and markets">.*Lisbon <strong>11°C<\/strong> Partly cloudy/,
    );
  });

  it('keep rendering the stored data while the provider is down, and flag it as old', async () => {
    const down = await startProvider();
    await down.close();
    const { config } = await app.t.widgets.getConfig(admin);
    await widgets.updateConfig(admin, { markets: { ...config.markets, quotesUrl: `${down.base}/quotes` } });
    expect((await widgets.fetchMarketsNow()).failed).toHaveLength(2);
    app.t.clock.advance(20 * 60_000);
    app.renderCache?.clear();
    const started = Date.now();
    const markets = await get('/markets');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(markets.html).toContain('189.50');
    expect(markets.html).toContain('23 minutes ago');
    expect(markets.html).toMatch(/<p class="widget-stale"[^>]*>These prices may be out of date/);
    await widgets.updateConfig(admin, { markets: config.markets });
  });
});

describe('GET /live/markets', () => {
  it('sends the quotes on connect and again when they change', async () => {
    const stream = await openStream(`${app.url}/live/markets`);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('content-encoding')).toBeNull();
    await vi.waitFor(() => expect(stream.events.length).toBeGreaterThanOrEqual(1), { timeout: 5_000 });
    expect(stream.events[0]!.quotes.map((q) => [q.symbol, q.price])).toEqual([
      ['AAPL', 189.5],
      ['MSFT', 411.25],
    ]);
    provider.prices.set('AAPL', 201.75);
    app.t.clock.advance(60_000);
    await widgets.fetchMarketsNow();
    await vi.waitFor(() => expect(stream.events.at(-1)!.quotes[0]!.price).toBe(201.75), {
      timeout: 6_000,
      interval: 100,
    });
    await stream.close();
  });

  it('gives the quotes as they are now as JSON too, for the header strip of a page rendered earlier', async () => {
    const quotes = async () => {
      const response = await fetch(`${app.url}/live/markets.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=15');
      const body = (await response.json()) as { quotes: Array<{ symbol: string; price: number }> };
      return new Map(body.quotes.map((q) => [q.symbol, q.price]));
    };
    expect((await quotes()).get('MSFT')).toBe(411.25);
    provider.prices.set('MSFT', 398.5);
    app.t.clock.advance(60_000);
    await widgets.fetchMarketsNow();
    expect((await quotes()).get('MSFT')).toBe(398.5);
  });
});

describe('the live markets stream, on its own', () => {
  let server: Server;
  let base: string;
  let route: ReturnType<typeof marketsStreamRoute>;
  beforeAll(async () => {
    route = marketsStreamRoute(app.t, {
      logger: pino({ level: 'silent' }),
      maxConnections: 2,
      maxPerClient: 2,
      pollMs: 100,
      heartbeatMs: 200,
    });
    server = createServer(express().use(route.router));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    route.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('sends heartbeats, refuses connections past the limit, and forgets clients that leave', async () => {
    const a = await openStream(`${base}/live/markets`);
    const b = await openStream(`${base}/live/markets`);
    await vi.waitFor(() => expect(a.comments).toContain(': keep-alive'), { timeout: 2_000 });
    const refused = await fetch(`${base}/live/markets`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('60');
    await refused.text();
    expect(route.connections).toBe(2);
    await a.close();
    await b.close();
    await vi.waitFor(() => expect(route.connections).toBe(0), { timeout: 2_000 });
    const again = await openStream(`${base}/live/markets`);
    await vi.waitFor(() => expect(again.events.length).toBe(1), { timeout: 2_000 });
    await again.close();
  });
});
