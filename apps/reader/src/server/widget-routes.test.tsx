import { describe, expect, it } from 'vitest';
import type { PublicBranding, PublicWidgets } from '@newsroom/domain';
import {
  formatAge,
  formatClock,
  formatDay,
  formatPrice,
  formatSigned,
  formatTemperature,
} from '../components/widget-format.ts';
import { renderReaderPage, type ReaderApi } from './render.tsx';

const branding: PublicBranding = {
  name: 'Echo',
  description: 'News',
  logo: null,
  iconUrl: null,
  accentColor: '#1d4ed8',
  accentTextColor: '#ffffff',
  navigation: { header: [], footer: [] },
  copyrightNotice: '© 2026 Echo',
  language: 'en',
  timeZone: 'Europe/London',
};

const now = new Date('2026-11-30T10:44:00Z');
const full: PublicWidgets = {
  generatedAt: now,
  weather: {
    enabled: true,
    staleAfterMinutes: 30,
    locations: [
      {
        name: 'London <b>',
        observedAt: new Date('2026-11-30T10:41:00Z'),
        temperature: -2.6,
        temperatureUnit: '°C',
        windSpeed: 14.2,
        windSpeedUnit: 'km/h',
        weatherCode: 61,
        description: 'Light rain',
        daily: [{ date: '2026-11-30', max: 9.1, min: null, weatherCode: 61, description: 'Light rain' }],
      },
      {
        name: 'Oslo',
        observedAt: new Date('2026-11-30T09:00:00Z'),
        temperature: 1,
        temperatureUnit: '°C',
        windSpeed: null,
        windSpeedUnit: 'km/h',
        weatherCode: 3,
        description: 'Overcast',
        daily: [],
      },
    ],
  },
  markets: {
    enabled: true,
    staleAfterMinutes: 5,
    quotes: [
      {
        symbol: 'AAPL',
        price: 189.5,
        change: -1.25,
        changePercent: -0.66,
        currency: 'USD',
        asOf: new Date('2026-11-30T10:41:00Z'),
      },
      {
        symbol: 'MSFT',
        price: 411.25,
        change: 2,
        changePercent: 0.49,
        currency: 'USD',
        asOf: new Date('2026-11-30T10:41:00Z'),
      },
      {
        symbol: '^GSPC',
        price: 5021.84,
        change: 0,
        changePercent: 0,
        currency: null,
        asOf: new Date('2026-11-30T10:40:00Z'),
      },
      {
        symbol: 'BTC',
        price: 0.5,
        change: 0.001,
        changePercent: 0.2,
        currency: null,
        asOf: new Date('2026-11-30T10:40:00Z'),
      },
    ],
  },
};
const empty = (enabled: boolean): PublicWidgets => ({
  generatedAt: now,
  weather: { enabled, staleAfterMinutes: 30, locations: [] },
  markets: { enabled, staleAfterMinutes: 5, quotes: [] },
});

function api(widgets: () => Promise<PublicWidgets>): ReaderApi {
  return {
    branding: async () => branding,
    home: async () => ({ lead: null, top: [], sections: [], latest: [] }),
    article: async () => null,
    articleGone: async () => false,
    previewArticle: async () => null,
    section: async () => null,
    tag: async () => null,
    author: async () => null,
    search: async ({ query, page }) => ({ query, results: [], total: 0, page, hasMore: false }),
    corrections: async ({ page }) => ({ entries: [], page, hasMore: false }),
    widgets,
  } as ReaderApi;
}

const render = async (path: string, widgets: () => Promise<PublicWidgets>) =>
  (await renderReaderPage(new URL(path, 'https://news.example'), {
    api: api(widgets),
    assets: { scripts: [], styles: [] },
    publicUrl: 'https://news.example',
    nonce: 'n',
  }))!;

describe('widget formats', () => {
  it('write numbers with a sign and a real minus, and times in the publication zone', () => {
    expect(formatPrice(5021.84)).toBe('5,021.84');
    expect(formatPrice(0.5)).toBe('0.5000');
    expect(formatSigned(1.25)).toBe('+1.25');
    expect(formatSigned(-0.66, '%')).toBe('−0.66%');
    expect(formatSigned(0.001)).toBe('0.00');
    expect(formatTemperature(-2.6, '°C')).toBe('−3°C');
    expect(formatClock(new Date('2026-11-30T10:41:00Z'), 'Europe/London', now)).toBe('10:41');
    expect(formatClock(new Date('2026-11-29T16:00:00Z'), 'Europe/London', now)).toBe('29 Nov, 16:00');
    expect(formatClock(new Date('2026-11-30T10:41:00Z'), 'Asia/Tokyo', now)).toBe('19:41');
    expect(formatAge(new Date('2026-11-30T10:41:00Z'), now)).toBe('3 minutes ago');
    expect(formatAge(new Date('2026-11-30T10:43:30Z'), now)).toBe('just now');
    expect(formatAge(new Date('2026-11-30T09:43:00Z'), now)).toBe('1 hour ago');
    expect(formatDay('2026-11-30')).toBe('Mon 30 Nov');
  });
});

describe('the weather page', () => {
  it('shows each location with its age, forecast and a stale note only where old', async () => {
    const page = await render('/weather', async () => full);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Weather</h1>');
    expect(page.html).toContain('London &lt;b&gt;');
    expect(page.html).toContain('−3°C');
    expect(page.html).toContain('Light rain');
    expect(page.html).toMatch(
      /As of <time dateTime="2026-11-30T10:41:00.000Z">10:41<\/time>, <span data-age="[^"]+">3 minutes ago<\/span>/,
    );
    expect(page.html).toContain('1 hour ago');
    expect(page.html).toContain('Mon 30 Nov');
    const notes = [...page.html.matchAll(/<p class="widget-stale"[^>]*>/g)].map((m) => m[0]);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('hidden');
    expect(notes[1]).not.toContain('hidden');
  });

  it('says weather is not available when nothing is stored, or the store cannot be read', async () => {
    for (const source of [
      async () => empty(false),
      async () => empty(true),
      () => Promise.reject(new Error('db down')),
    ]) {
      const page = await render('/weather', source);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Weather is not available right now.');
    }
  });
});

describe('the markets page', () => {
  it('shows price, change as text (sign, arrow and word, not colour alone) and the live hooks', async () => {
    const page = await render('/markets', async () => full);
    expect(page.html).toContain('<h1>Live Markets</h1>');
    expect(page.html).toContain('data-live-markets="/live/markets"');
    expect(page.html).toContain('data-time-zone="Europe/London"');
    const row = /<tr class="quote quote--down" data-quote="AAPL">.*?<\/tr>/.exec(page.html)![0];
    expect(row).toContain('<span data-field="price">189.50</span>');
    expect(row).toContain('<span class="visually-hidden" data-field="direction">Down </span>');
    expect(row).toContain('<span data-field="change">−1.25</span>');
    expect(row).toContain('<span data-field="change-percent">−0.66%</span>');
    expect(page.html).toMatch(/<tr class="quote quote--up" data-quote="MSFT">.*?\+2\.00/);
    expect(page.html).toMatch(/<tr class="quote quote--flat" data-quote="\^GSPC">.*?Unchanged/);
    expect(page.html).toMatch(
      /Prices as of <time dateTime="2026-11-30T10:41:00.000Z" data-field="latest">10:41<\/time>, <span[^>]*>3 minutes ago<\/span>/,
    );
    expect(page.html).toMatch(/<p class="widget-stale"[^>]* hidden="">/);
  });

  it('flags prices older than five minutes', async () => {
    const page = await render('/markets', async () => ({
      ...full,
      generatedAt: new Date('2026-11-30T10:50:00Z'),
    }));
    expect(page.html).toMatch(
      /<p class="widget-stale" data-stale-since="[^"]+" data-stale-after="5">These prices may be out of date/,
    );
    expect(page.html).toContain('9 minutes ago');
  });

  it('says markets are not available when nothing is stored', async () => {
    const page = await render('/markets', async () => empty(false));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Live markets are not available right now.');
    expect(page.html).not.toContain('data-live-markets');
  });
});

describe('the header strip', () => {
  it('shows the first location and three quotes on every page, and nothing when there is no data', async () => {
    const page = await render('/', async () => full);
    const strip = /<aside class="widget-strip".*?<\/aside>/.exec(page.html)![0];
    expect(strip).toContain('aria-label="Weather and markets"');
    expect(strip).toContain('London &lt;b&gt; <strong>−3°C</strong> Light rain');
    expect(strip.match(/data-quote=/g)).toHaveLength(3);
    expect(strip).toContain('AAPL <span data-field="price">189.50</span>');
    expect((await render('/', async () => empty(true))).html).not.toContain('widget-strip');
    const broken = await render('/', () => Promise.reject(new Error('db down')));
    expect(broken.status).toBe(200);
    expect(broken.html).not.toContain('widget-strip');
  });
});
