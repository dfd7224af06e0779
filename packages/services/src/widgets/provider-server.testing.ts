import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProviderMode = 'ok' | 'slow' | 'huge' | 'invalid-json' | 'invalid-shape' | 'error';

export interface TestProvider {
  url: string;
  forecastUrl: string;
  quotesUrl: string;
  /** How the next requests are answered. */
  mode: ProviderMode;
  /** Current temperature by location latitude (default 7.5). */
  temperatures: Map<number, number>;
  /** Prices by symbol. */
  prices: Map<string, number>;
  /** Open-Meteo's local time of the observation, and its UTC offset. */
  weatherTime: { local: string; offsetSeconds: number };
  quotesAsOf: string | null;
  /** Every request's path and query, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in for Open-Meteo (`/v1/forecast`) and a quotes feed (`/quotes`) on 127.0.0.1, port 0.
 * Reaching it needs `127.0.0.1:*` in the allow-list, as any private address does.
 */
export async function startTestProvider(): Promise<TestProvider> {
  const provider: Omit<TestProvider, 'url' | 'forecastUrl' | 'quotesUrl' | 'close'> = {
    mode: 'ok',
    temperatures: new Map(),
    prices: new Map([
      ['AAPL', 189.5],
      ['MSFT', 411.25],
      ['^GSPC', 5021.84],
    ]),
    weatherTime: { local: '2026-11-30T10:45', offsetSeconds: 3600 },
    quotesAsOf: '2026-11-30T09:58:00Z',
    requests: [],
  };
  const server: Server = createServer((req, res) => {
    provider.requests.push(req.url!);
    const url = new URL(req.url!, 'http://provider.test');
    switch (provider.mode) {
      case 'slow':
        setTimeout(() => res.end('{}'), 10_000).unref();
        return;
      case 'huge':
        res.setHeader('content-type', 'application/json');
        res.end(`{"quotes":[],"padding":"${'x'.repeat(2_000_000)}"}`);
        return;
      case 'invalid-json':
        res.setHeader('content-type', 'application/json');
        res.end('{"quotes": [');
        return;
      case 'invalid-shape':
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ current: { temperature_2m: 'warm' }, quotes: 'none' }));
        return;
      case 'error':
        res.writeHead(500).end('upstream error');
        return;
    }
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/v1/forecast') {
      const latitude = Number(url.searchParams.get('latitude'));
      res.end(
        JSON.stringify({
          latitude,
          longitude: Number(url.searchParams.get('longitude')),
          utc_offset_seconds: provider.weatherTime.offsetSeconds,
          timezone: 'Europe/Paris',
          current_units: {
            time: 'iso8601',
            temperature_2m: '°C',
            weather_code: 'wmo code',
            wind_speed_10m: 'km/h',
          },
          current: {
            time: provider.weatherTime.local,
            interval: 900,
            temperature_2m: provider.temperatures.get(latitude) ?? 7.5,
            weather_code: 61,
            wind_speed_10m: 14.2,
          },
          daily_units: { time: 'iso8601', temperature_2m_max: '°C' },
          daily: {
            time: ['2026-11-30', '2026-12-01', '2026-12-02'],
            temperature_2m_max: [9.1, 10.4, null],
            temperature_2m_min: [3.2, 4.0, 2.5],
            weather_code: [61, 3, 0],
          },
        }),
      );
      return;
    }
    if (url.pathname === '/quotes') {
      const symbols = (url.searchParams.get('symbols') ?? '').split(',').filter(Boolean);
      res.end(
        JSON.stringify({
          quotes: symbols.flatMap((symbol) => {
            const price = provider.prices.get(symbol);
            if (price === undefined) return [];
            const change = Math.round((price - 190) * 100) / 100;
            return [
              {
                symbol,
                price,
                change,
                changePercent: Math.round((change / 190) * 10000) / 100,
                currency: symbol.startsWith('^') ? null : 'USD',
                ...(provider.quotesAsOf ? { asOf: provider.quotesAsOf } : {}),
              },
            ];
          }),
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(provider, {
    url,
    forecastUrl: `${url}/v1/forecast`,
    quotesUrl: `${url}/quotes`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}
