import { describe, expect, it } from 'vitest';
import { weatherDescription } from './weather.ts';
import {
  MarketsConfigSchema,
  UpdateWidgetsConfigInputSchema,
  WeatherConfigSchema,
} from './schemas/widgets.schema.ts';

describe('weather descriptions', () => {
  it('names known WMO codes and says so when a code is unknown', () => {
    expect(weatherDescription(0)).toBe('Clear sky');
    expect(weatherDescription(63)).toBe('Rain');
    expect(weatherDescription(42)).toBe('Conditions unknown');
    expect(weatherDescription(null)).toBe('Conditions unknown');
  });
});

describe('widget configuration', () => {
  const weather = {
    enabled: true,
    forecastUrl: 'https://api.open-meteo.com/v1/forecast',
    locations: [{ name: 'London', latitude: 51.5, longitude: -0.12 }],
  };

  it('accepts a valid weather and markets configuration', () => {
    expect(WeatherConfigSchema.safeParse(weather).success).toBe(true);
    expect(
      MarketsConfigSchema.safeParse({
        enabled: true,
        quotesUrl: 'https://quotes.example/v1?key=abc',
        symbols: ['AAPL', '^GSPC', 'EURUSD=X', 'BRK.B'],
      }).success,
    ).toBe(true);
  });

  it.each([
    ['a javascript: URL', { ...weather, forecastUrl: 'javascript:alert(1)' }],
    ['a file: URL', { ...weather, forecastUrl: 'file:///etc/passwd' }],
    ['credentials in the URL', { ...weather, forecastUrl: 'https://user:pw@api.example/forecast' }],
    ['no location while enabled', { ...weather, locations: [] }],
    [
      'nine locations',
      {
        ...weather,
        locations: Array.from({ length: 9 }, (_, i) => ({ name: `L${i}`, latitude: 0, longitude: 0 })),
      },
    ],
    ['a latitude out of range', { ...weather, locations: [{ name: 'X', latitude: 91, longitude: 0 }] }],
    ['a 61-character name', { ...weather, locations: [{ name: 'x'.repeat(61), latitude: 0, longitude: 0 }] }],
    [
      'the same name twice',
      { ...weather, locations: [weather.locations[0], { ...weather.locations[0], name: 'london' }] },
    ],
  ])('refuses weather with %s', (_label, input) => {
    expect(WeatherConfigSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ['a lower-case symbol', { enabled: false, quotesUrl: null, symbols: ['aapl'] }],
    ['a 16-character symbol', { enabled: false, quotesUrl: null, symbols: ['A'.repeat(16)] }],
    [
      '21 symbols',
      { enabled: false, quotesUrl: null, symbols: Array.from({ length: 21 }, (_, i) => `S${i}`) },
    ],
    ['no URL while enabled', { enabled: true, quotesUrl: null, symbols: ['AAPL'] }],
    ['a symbol with a space', { enabled: false, quotesUrl: null, symbols: ['A B'] }],
  ])('refuses markets with %s', (_label, input) => {
    expect(MarketsConfigSchema.safeParse(input).success).toBe(false);
  });

  it('needs at least one of the two in an update', () => {
    expect(UpdateWidgetsConfigInputSchema.safeParse({}).success).toBe(false);
  });
});
