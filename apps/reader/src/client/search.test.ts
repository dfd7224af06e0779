import { describe, expect, it } from 'vitest';
import { readSuggestions } from './search.ts';

describe('readSuggestions', () => {
  it('keeps at most five well-formed suggestions that lead to this site', () => {
    const good = (n: number) => ({ headline: `Story ${n}`, url: `/article/story-${n}` });
    expect(readSuggestions({ results: [1, 2, 3, 4, 5, 6].map(good) })).toEqual([1, 2, 3, 4, 5].map(good));
    expect(
      readSuggestions({
        results: [
          { headline: 'Elsewhere', url: 'https://evil.example/' },
          { headline: 'Protocol-relative', url: '//evil.example/' },
          { headline: 'Backslash', url: '/\\evil.example/' },
          { headline: 'Script', url: 'javascript:alert(1)' },
          { headline: 7, url: '/article/x' },
          null,
          good(1),
        ],
      }),
    ).toEqual([good(1)]);
  });

  it('reads anything else as no suggestions', () => {
    for (const body of [null, undefined, 'results', { results: 'x' }, {}, []])
      expect(readSuggestions(body)).toEqual([]);
  });
});
