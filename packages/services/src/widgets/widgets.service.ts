import { z } from 'zod';
import {
  DEFAULT_WIDGETS_CONFIG,
  DomainError,
  MarketsConfigSchema,
  OpenMeteoForecastSchema,
  QuoteSchema,
  WeatherConfigSchema,
  WidgetFetchStatusSchema,
  assertCan,
  weatherDescription,
  type PublicMarkets,
  type PublicWeather,
  type PublicWidgets,
  type UpdateWidgetsConfigInput,
  type WeatherLocation,
  type WidgetFetchStatus,
  type WidgetsAdminView,
  type WidgetsConfig,
} from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { forgetPublicMemos, memoized } from '../public-memo.ts';
import { findSettingsCached } from '../settings/settings.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { safeFetchJson, SafeFetchError, type SafeFetchOptions } from './safe-fetch.ts';
import { findIntegrations, findSnapshots, updateIntegrations, upsertSnapshot } from './widgets.repository.ts';

export const WIDGET_JOBS = { weather: 'widgets.fetch-weather', markets: 'widgets.fetch-markets' } as const;

/** The scheduled job runs every minute; weather changes slowly, so it asks the provider this often. */
export const WEATHER_REFRESH_MS = 10 * 60_000;
export const WEATHER_STALE_MINUTES = 30;
export const MARKETS_STALE_MINUTES = 5;
/** How long a process reuses the reader's widget snapshot: another process's new quotes show within it. */
const SNAPSHOT_TTL_MS = 5_000;
const SNAPSHOT_MEMO = 'widgets';
/** A provider clock slightly ahead of ours is fine; a time further in the future is not believed. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface WidgetFetchResult {
  /** Why nothing was fetched: the widget is off, or (scheduled weather) the data is recent enough. */
  skipped?: 'disabled' | 'fresh';
  /** Location names or symbols stored. */
  stored: string[];
  failed: Array<{ key: string; error: string }>;
}

/** What we keep per location, in provider_snapshots.data: already checked and in our own names. */
const StoredWeatherSchema = z.object({
  temperature: z.number(),
  temperatureUnit: z.string(),
  windSpeed: z.number().nullable(),
  windSpeedUnit: z.string(),
  weatherCode: z.number(),
  daily: z.array(
    z.object({
      date: z.string(),
      max: z.number().nullable(),
      min: z.number().nullable(),
      weatherCode: z.number().nullable(),
    }),
  ),
});
type StoredWeather = z.infer<typeof StoredWeatherSchema>;

const StoredQuoteSchema = z.object({
  price: z.number(),
  change: z.number(),
  changePercent: z.number(),
  currency: z.string().nullable(),
});
type StoredQuote = z.infer<typeof StoredQuoteSchema>;

/** The feed's envelope; each quote is checked on its own so one bad entry does not sink the others. */
const QuotesEnvelopeSchema = z.object({ quotes: z.array(z.unknown()).max(500) });

/** Configuration as stored; a part that no longer validates (an older format) falls back to the default, switched off. */
export function readWidgetsConfig(integrations: Record<string, unknown> | null | undefined): WidgetsConfig {
  const weather = WeatherConfigSchema.safeParse(integrations?.weather);
  const markets = MarketsConfigSchema.safeParse(integrations?.markets);
  return {
    weather: weather.success ? weather.data : DEFAULT_WIDGETS_CONFIG.weather,
    markets: markets.success ? markets.data : DEFAULT_WIDGETS_CONFIG.markets,
  };
}

/** `base?...&latitude=..&longitude=..&current=...`: commas stay literal, as Open-Meteo documents them. */
export function forecastRequestUrl(
  base: string,
  location: Pick<WeatherLocation, 'latitude' | 'longitude'>,
): string {
  const url = new URL(base);
  const query = [
    `latitude=${location.latitude}`,
    `longitude=${location.longitude}`,
    'current=temperature_2m,weather_code,wind_speed_10m',
    'daily=temperature_2m_max,temperature_2m_min,weather_code',
    'timezone=auto',
  ].join('&');
  url.search = url.search ? `${url.search}&${query}` : `?${query}`;
  return url.toString();
}

export function quotesRequestUrl(base: string, symbols: string[]): string {
  const url = new URL(base);
  const query = `symbols=${symbols.map(encodeURIComponent).join(',')}`;
  url.search = url.search ? `${url.search}&${query}` : `?${query}`;
  return url.toString();
}

function describe(error: unknown): string {
  if (error instanceof SafeFetchError) return error.message;
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    return `unexpected answer from the provider: ${issue?.path.join('.') || '(body)'} ${issue?.message ?? ''}`.trim();
  }
  return 'could not store the answer';
}

export function createWidgetService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const fetchOptions = (): SafeFetchOptions => ({
    allowPrivateHosts: deps.config.widgetAllowPrivateHosts ?? [],
  });

  async function loadConfig(): Promise<WidgetsConfig> {
    return readWidgetsConfig((await findIntegrations(db))?.integrations);
  }

  async function storeSnapshot(input: Parameters<typeof upsertSnapshot>[1]): Promise<void> {
    await upsertSnapshot(db, input);
    forgetPublicMemos(db, SNAPSHOT_MEMO);
  }

  /** A time the provider reports, unless it is missing, invalid or implausibly in the future. */
  function believable(observed: number | null, now: Date): Date {
    if (observed === null || !Number.isFinite(observed) || observed > now.getTime() + MAX_CLOCK_SKEW_MS)
      return now;
    return new Date(observed);
  }

  /**
   * Records the outcome for administrators. When a location or symbol gets its first data, pages that
   * said "not available" (and may be cached) are announced as changed; later updates are not, or every
   * minute's quotes would empty the page cache. The markets page gets those live.
   */
  async function recordStatus(
    provider: 'weather' | 'markets',
    result: WidgetFetchResult,
    at: Date,
    hadData: Set<string>,
  ): Promise<void> {
    if (result.stored.some((key) => !hadData.has(key))) {
      try {
        await deps.onPublicChange?.({ kind: 'settings' });
      } catch {
        // Caches then catch up at their own expiry; the data is stored.
      }
    }
    const status: WidgetFetchStatus = {
      attemptedAt: at,
      ok: result.failed.length === 0,
      stored: result.stored,
      failed: result.failed,
    };
    // The status is a convenience for administrators; failing to write it must not fail the fetch.
    await storeSnapshot({
      provider: 'widget-status',
      key: provider,
      data: status,
      observedAt: at,
      fetchedAt: at,
    }).catch(() => {});
  }

  async function fetchLocation(forecastUrl: string, location: WeatherLocation, now: Date): Promise<void> {
    const answer = OpenMeteoForecastSchema.parse(
      await safeFetchJson(forecastRequestUrl(forecastUrl, location), fetchOptions()),
    );
    const daily = answer.daily;
    const stored: StoredWeather = {
      temperature: answer.current.temperature_2m,
      temperatureUnit: answer.current_units?.temperature_2m ?? '°C',
      windSpeed: answer.current.wind_speed_10m ?? null,
      windSpeedUnit: answer.current_units?.wind_speed_10m ?? 'km/h',
      weatherCode: answer.current.weather_code,
      daily: (daily?.time ?? []).slice(0, 7).map((date, i) => ({
        date,
        max: daily?.temperature_2m_max[i] ?? null,
        min: daily?.temperature_2m_min[i] ?? null,
        weatherCode: daily?.weather_code[i] ?? null,
      })),
    };
    // Open-Meteo's times are local to the location; the offset makes them instants.
    const observed = Date.parse(`${answer.current.time}Z`) - answer.utc_offset_seconds * 1000;
    await storeSnapshot({
      provider: 'weather',
      key: location.name,
      data: stored,
      observedAt: believable(observed, now),
      fetchedAt: now,
    });
  }

  async function fetchWeatherNow(): Promise<WidgetFetchResult> {
    const { weather } = await loadConfig();
    if (!weather.enabled) return { skipped: 'disabled', stored: [], failed: [] };
    const now = clock();
    const hadData = new Set(
      (
        await findSnapshots(
          db,
          'weather',
          weather.locations.map((l) => l.name),
        )
      ).map((r) => r.key),
    );
    const outcomes = await Promise.all(
      weather.locations.map((location) =>
        fetchLocation(weather.forecastUrl, location, now).then(
          () => ({ key: location.name, error: null }),
          (error: unknown) => ({ key: location.name, error: describe(error) }),
        ),
      ),
    );
    const result: WidgetFetchResult = {
      stored: outcomes.filter((o) => o.error === null).map((o) => o.key),
      failed: outcomes.flatMap((o) => (o.error === null ? [] : [{ key: o.key, error: o.error }])),
    };
    await recordStatus('weather', result, now, hadData);
    return result;
  }

  async function fetchMarketsNow(): Promise<WidgetFetchResult> {
    const { markets } = await loadConfig();
    if (!markets.enabled || !markets.quotesUrl) return { skipped: 'disabled', stored: [], failed: [] };
    const now = clock();
    const hadData = new Set((await findSnapshots(db, 'markets', markets.symbols)).map((r) => r.key));
    const result: WidgetFetchResult = { stored: [], failed: [] };
    try {
      const envelope = QuotesEnvelopeSchema.parse(
        await safeFetchJson(quotesRequestUrl(markets.quotesUrl, markets.symbols), fetchOptions()),
      );
      const wanted = new Set(markets.symbols);
      const quotes = new Map<string, z.infer<typeof QuoteSchema>>();
      for (const item of envelope.quotes) {
        const quote = QuoteSchema.safeParse(item);
        if (quote.success && wanted.has(quote.data.symbol)) quotes.set(quote.data.symbol, quote.data);
      }
      for (const symbol of markets.symbols) {
        const quote = quotes.get(symbol);
        if (!quote) {
          result.failed.push({ key: symbol, error: "missing or invalid in the provider's answer" });
          continue;
        }
        const data: StoredQuote = {
          price: quote.price,
          change: quote.change,
          changePercent: quote.changePercent,
          currency: quote.currency ?? null,
        };
        await storeSnapshot({
          provider: 'markets',
          key: symbol,
          data,
          observedAt: believable(quote.asOf ? Date.parse(quote.asOf) : null, now),
          fetchedAt: now,
        });
        result.stored.push(symbol);
      }
    } catch (error) {
      const reason = describe(error);
      for (const symbol of markets.symbols)
        if (!result.stored.includes(symbol)) result.failed.push({ key: symbol, error: reason });
    }
    await recordStatus('markets', result, now, hadData);
    return result;
  }

  async function weatherView(config: WidgetsConfig['weather']): Promise<PublicWeather> {
    const names = config.locations.map((l) => l.name);
    const rows = config.enabled ? await findSnapshots(db, 'weather', names) : [];
    const byName = new Map(rows.map((r) => [r.key, r]));
    const locations = config.locations.flatMap((location) => {
      const row = byName.get(location.name);
      const data = row && StoredWeatherSchema.safeParse(row.data);
      if (!row || !data?.success) return [];
      const w = data.data;
      return [
        {
          name: location.name,
          observedAt: row.observed_at,
          temperature: w.temperature,
          temperatureUnit: w.temperatureUnit,
          windSpeed: w.windSpeed,
          windSpeedUnit: w.windSpeedUnit,
          weatherCode: w.weatherCode,
          description: weatherDescription(w.weatherCode),
          daily: w.daily.map((d) => ({ ...d, description: weatherDescription(d.weatherCode) })),
        },
      ];
    });
    return { enabled: config.enabled, staleAfterMinutes: WEATHER_STALE_MINUTES, locations };
  }

  async function marketsView(config: WidgetsConfig['markets']): Promise<PublicMarkets> {
    const rows = config.enabled ? await findSnapshots(db, 'markets', config.symbols) : [];
    const bySymbol = new Map(rows.map((r) => [r.key, r]));
    const quotes = config.symbols.flatMap((symbol) => {
      const row = bySymbol.get(symbol);
      const data = row && StoredQuoteSchema.safeParse(row.data);
      if (!row || !data?.success) return [];
      return [{ symbol, ...data.data, asOf: row.observed_at }];
    });
    return { enabled: config.enabled, staleAfterMinutes: MARKETS_STALE_MINUTES, quotes };
  }

  return {
    fetchWeatherNow,
    fetchMarketsNow,

    /** For the schedule: asks the provider only when a location has no data or its data is 10 minutes old. */
    async fetchWeatherIfDue(): Promise<WidgetFetchResult> {
      const { weather } = await loadConfig();
      if (!weather.enabled) return { skipped: 'disabled', stored: [], failed: [] };
      const rows = await findSnapshots(
        db,
        'weather',
        weather.locations.map((l) => l.name),
      );
      const fetched = new Map(rows.map((r) => [r.key, r.fetched_at.getTime()]));
      const due = weather.locations.some(
        (l) => (fetched.get(l.name) ?? 0) <= clock().getTime() - WEATHER_REFRESH_MS,
      );
      return due ? fetchWeatherNow() : { skipped: 'fresh', stored: [], failed: [] };
    },

    /** The stored data the reader shows. Never asks a provider: a page is as fast with a provider down. */
    snapshot(): Promise<PublicWidgets> {
      // On every page: kept a few seconds, dropped when new data or configuration is stored.
      return memoized(db, SNAPSHOT_MEMO, SNAPSHOT_TTL_MS, async () => {
        const config = readWidgetsConfig((await findSettingsCached(db))?.integrations);
        const [weather, markets] = await Promise.all([weatherView(config.weather), marketsView(config.markets)]);
        return { generatedAt: clock(), weather, markets };
      });
    },

    /** Only the quotes, for the live stream. */
    async markets(): Promise<PublicMarkets> {
      return marketsView((await loadConfig()).markets);
    },

    async getConfig(ctx: StaffContext): Promise<WidgetsAdminView> {
      assertCan(ctx.actor, 'settings.read');
      const config = await loadConfig();
      const statuses = await findSnapshots(db, 'widget-status');
      const status = (key: 'weather' | 'markets') => {
        const row = statuses.find((s) => s.key === key);
        const parsed =
          row && WidgetFetchStatusSchema.safeParse({ ...(row.data as object), attemptedAt: row.observed_at });
        return parsed?.success ? parsed.data : null;
      };
      return { config, status: { weather: status('weather'), markets: status('markets') } };
    },

    async updateConfig(ctx: StaffContext, input: UpdateWidgetsConfigInput): Promise<WidgetsConfig> {
      assertCan(ctx.actor, 'settings.update');
      const after = await db.transaction().execute(async (trx) => {
        const row = await findIntegrations(trx, { forUpdate: true });
        if (!row) throw new DomainError('NOT_FOUND', 'The publication has no settings yet.');
        const before = readWidgetsConfig(row.integrations);
        const next: WidgetsConfig = {
          weather: input.weather ?? before.weather,
          markets: input.markets ?? before.markets,
        };
        // Other integrations stored beside ours are kept as they are.
        await updateIntegrations(
          trx,
          { ...row.integrations, ...next },
          { at: clock(), userId: ctx.actor.id },
        );
        await insertAudit(trx, ctx, {
          action: 'widgets.updated',
          entityType: 'settings',
          entityId: 'widgets',
          before,
          after: next,
        });
        return next;
      });
      await deps.onPublicChange?.({ kind: 'settings' });
      // Fetch now rather than at the next minute, so a new location or symbol shows up right away.
      if (deps.jobs) {
        for (const [widget, name] of [
          ['weather', WIDGET_JOBS.weather],
          ['markets', WIDGET_JOBS.markets],
        ] as const) {
          if (after[widget].enabled) await deps.jobs.send(name, { force: true }).catch(() => {});
        }
      }
      return after;
    },

    /** Fetches both now (an administrator checking a new provider; the browser tests). */
    async refreshNow(ctx: StaffContext): Promise<{ weather: WidgetFetchResult; markets: WidgetFetchResult }> {
      assertCan(ctx.actor, 'settings.update');
      const [weather, markets] = await Promise.all([fetchWeatherNow(), fetchMarketsNow()]);
      return { weather, markets };
    },
  };
}

export type WidgetService = ReturnType<typeof createWidgetService>;
