import { z } from 'zod';
import { PlainTextSchema } from './settings.schema.ts';

/**
 * The Weather and Live Markets widgets: what an administrator configures (stored in
 * publication_settings.integrations as `{ weather, markets }`), the provider formats the server fetches,
 * and the public shapes the reader shows.
 */

/** Where the server fetches from: an absolute http(s) URL with no user name or password in it. */
export const ProviderUrlSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.hostname.length > 0 &&
        !url.username &&
        !url.password
      );
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without a user name or password');

export const WeatherLocationSchema = z.object({
  name: PlainTextSchema(60).pipe(z.string().min(1, 'must not be empty')),
  latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
  longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
});
export type WeatherLocation = z.infer<typeof WeatherLocationSchema>;

export const WeatherConfigSchema = z
  .object({
    enabled: z.boolean(),
    /** An Open-Meteo-compatible forecast endpoint, e.g. https://api.open-meteo.com/v1/forecast. */
    forecastUrl: ProviderUrlSchema,
    locations: z
      .array(WeatherLocationSchema)
      .max(8, 'may hold at most 8 locations')
      .refine(
        (list) => new Set(list.map((l) => l.name.toLowerCase())).size === list.length,
        'must not name a location twice',
      ),
  })
  .refine((c) => !c.enabled || c.locations.length > 0, {
    message: 'needs at least one location when enabled',
    path: ['locations'],
  });
export type WeatherConfig = z.infer<typeof WeatherConfigSchema>;

export const MARKET_SYMBOL_PATTERN = /^[A-Z0-9.^=-]{1,15}$/;
export const MarketSymbolSchema = z
  .string()
  .regex(MARKET_SYMBOL_PATTERN, 'must be 1 to 15 of A-Z 0-9 . ^ = -');

export const MarketsConfigSchema = z
  .object({
    enabled: z.boolean(),
    /** A quotes feed answering `GET quotesUrl?symbols=A,B` with `QuotesFeedSchema` JSON; null until set. */
    quotesUrl: ProviderUrlSchema.nullable(),
    symbols: z
      .array(MarketSymbolSchema)
      .max(20, 'may hold at most 20 symbols')
      .refine((list) => new Set(list).size === list.length, 'must not name a symbol twice'),
  })
  .refine((c) => !c.enabled || c.quotesUrl !== null, {
    message: 'needs a quotes URL when enabled',
    path: ['quotesUrl'],
  })
  .refine((c) => !c.enabled || c.symbols.length > 0, {
    message: 'needs at least one symbol when enabled',
    path: ['symbols'],
  });
export type MarketsConfig = z.infer<typeof MarketsConfigSchema>;

export const WidgetsConfigSchema = z.object({ weather: WeatherConfigSchema, markets: MarketsConfigSchema });
export type WidgetsConfig = z.infer<typeof WidgetsConfigSchema>;

export const DEFAULT_WIDGETS_CONFIG: WidgetsConfig = {
  weather: { enabled: false, forecastUrl: 'https://api.open-meteo.com/v1/forecast', locations: [] },
  markets: { enabled: false, quotesUrl: null, symbols: [] },
};

/** Replaces either widget's configuration (or both); the other is kept. */
export const UpdateWidgetsConfigInputSchema = z
  .object({ weather: WeatherConfigSchema.optional(), markets: MarketsConfigSchema.optional() })
  .refine((input) => input.weather !== undefined || input.markets !== undefined, {
    message: 'must change weather or markets',
    path: ['weather'],
  });
export type UpdateWidgetsConfigInput = z.infer<typeof UpdateWidgetsConfigInputSchema>;

/** When a provider was last asked, and what went wrong if it failed: shown to administrators. */
export const WidgetFetchStatusSchema = z.object({
  attemptedAt: z.date(),
  ok: z.boolean(),
  stored: z.array(z.string()),
  failed: z.array(z.object({ key: z.string(), error: z.string() })),
});
export type WidgetFetchStatus = z.infer<typeof WidgetFetchStatusSchema>;

export const WidgetsAdminViewSchema = z.object({
  config: WidgetsConfigSchema,
  status: z.object({
    weather: WidgetFetchStatusSchema.nullable(),
    markets: WidgetFetchStatusSchema.nullable(),
  }),
});
export type WidgetsAdminView = z.infer<typeof WidgetsAdminViewSchema>;

// --- Provider formats ---------------------------------------------------------------------------------

const nullableNumber = z.number().nullable();

/**
 * The part of an Open-Meteo forecast response we read (`current=temperature_2m,weather_code,wind_speed_10m`,
 * `daily=temperature_2m_max,temperature_2m_min,weather_code`, `timezone=auto`). Times are local to the
 * location; `utc_offset_seconds` turns them into instants.
 */
export const OpenMeteoForecastSchema = z.object({
  utc_offset_seconds: z
    .number()
    .int()
    .min(-18 * 3600)
    .max(18 * 3600),
  timezone: z.string().max(100).optional(),
  current_units: z
    .object({ temperature_2m: z.string().max(10).optional(), wind_speed_10m: z.string().max(10).optional() })
    .optional(),
  current: z.object({
    time: z.iso.datetime({ local: true }),
    temperature_2m: z.number(),
    weather_code: z.number().int().min(0).max(99),
    wind_speed_10m: nullableNumber.optional(),
  }),
  daily: z
    .object({
      time: z.array(z.iso.date()).max(16),
      temperature_2m_max: z.array(nullableNumber).max(16),
      temperature_2m_min: z.array(nullableNumber).max(16),
      weather_code: z.array(z.number().int().min(0).max(99).nullable()).max(16),
    })
    .optional(),
});
export type OpenMeteoForecast = z.infer<typeof OpenMeteoForecastSchema>;

/**
 * The quotes feed format (our own, documented in the README): `GET <quotesUrl>?symbols=AAPL,MSFT` answers
 * `{ "quotes": [{ "symbol": "AAPL", "price": 189.5, "change": -1.25, "changePercent": -0.66,
 * "currency": "USD", "asOf": "2026-11-30T15:59:00Z" }] }`. `currency` may be null (an index) and `asOf`
 * may be left out (the time of the fetch is used). Unknown fields and unrequested symbols are ignored.
 */
export const QuoteSchema = z.object({
  symbol: MarketSymbolSchema,
  price: z.number(),
  change: z.number(),
  changePercent: z.number(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{1,8}$/, 'must be a currency code such as USD')
    .nullable()
    .optional(),
  asOf: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const QuotesFeedSchema = z.object({ quotes: z.array(QuoteSchema).max(500) });
export type QuotesFeed = z.infer<typeof QuotesFeedSchema>;

// --- Public shapes --------------------------------------------------------------------------------------

export const PublicWeatherDaySchema = z.object({
  /** The location's calendar date, YYYY-MM-DD. */
  date: z.string(),
  max: z.number().nullable(),
  min: z.number().nullable(),
  weatherCode: z.number().nullable(),
  description: z.string(),
});

export const PublicWeatherLocationSchema = z.object({
  name: z.string(),
  observedAt: z.date(),
  temperature: z.number(),
  temperatureUnit: z.string(),
  windSpeed: z.number().nullable(),
  windSpeedUnit: z.string(),
  weatherCode: z.number(),
  description: z.string(),
  daily: z.array(PublicWeatherDaySchema),
});
export type PublicWeatherLocation = z.infer<typeof PublicWeatherLocationSchema>;

export const PublicQuoteSchema = z.object({
  symbol: z.string(),
  price: z.number(),
  change: z.number(),
  changePercent: z.number(),
  currency: z.string().nullable(),
  asOf: z.date(),
});
export type PublicQuote = z.infer<typeof PublicQuoteSchema>;

export const PublicWeatherSchema = z.object({
  enabled: z.boolean(),
  /** Data older than this is flagged as possibly out of date. */
  staleAfterMinutes: z.number(),
  locations: z.array(PublicWeatherLocationSchema),
});
export type PublicWeather = z.infer<typeof PublicWeatherSchema>;

export const PublicMarketsSchema = z.object({
  enabled: z.boolean(),
  staleAfterMinutes: z.number(),
  quotes: z.array(PublicQuoteSchema),
});
export type PublicMarkets = z.infer<typeof PublicMarketsSchema>;

/** What the reader's Weather and Markets pages and header strip show: stored snapshots only. */
export const PublicWidgetsSchema = z.object({
  /** The server's time when this was read, so ages ("3 minutes ago") are computed against one clock. */
  generatedAt: z.date(),
  weather: PublicWeatherSchema,
  markets: PublicMarketsSchema,
});
export type PublicWidgets = z.infer<typeof PublicWidgetsSchema>;
