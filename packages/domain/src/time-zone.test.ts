import { describe, expect, it } from 'vitest';
import { utcToWallTime, wallTimeToUtc } from './time-zone.ts';

describe('publication time zone', () => {
  it('turns a wall-clock time into UTC, across summer time', () => {
    expect(wallTimeToUtc('2026-12-01T09:30', 'Europe/London').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(wallTimeToUtc('2026-07-01T09:30', 'Europe/London').toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(wallTimeToUtc('2026-12-01T09:30', 'Asia/Tokyo').toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(wallTimeToUtc('2026-12-01T09:30', 'America/New_York').toISOString()).toBe('2026-12-01T14:30:00.000Z');
  });

  it('round-trips through the wall clock', () => {
    const instant = new Date('2026-03-29T12:15:00Z');
    for (const zone of ['Europe/London', 'Asia/Kolkata', 'America/Los_Angeles', 'UTC']) {
      expect(wallTimeToUtc(utcToWallTime(instant, zone), zone).toISOString()).toBe(instant.toISOString());
    }
  });

  it('refuses malformed input', () => {
    expect(() => wallTimeToUtc('tomorrow', 'UTC')).toThrow(RangeError);
  });
});
