import { describe, expect, it } from 'vitest';
import { formatDate } from './time.tsx';

describe('formatDate', () => {
  it('writes the time in the given zone, the same on every call', () => {
    const at = new Date('2026-11-30T23:41:00Z');
    for (let round = 0; round < 2; round++) {
      expect(formatDate(at, 'UTC')).toBe('30 November 2026 at 23:41');
      expect(formatDate(at, 'Europe/Berlin')).toBe('1 December 2026 at 00:41');
      expect(formatDate(new Date(at.getTime() + 60_000), 'UTC')).toBe('30 November 2026 at 23:42');
    }
  });
});
