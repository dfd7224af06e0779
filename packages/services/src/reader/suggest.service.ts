import {
  SEARCH_QUERY_MAX_LENGTH,
  SEARCH_SUGGESTIONS_MAX,
  type PublicSearchSuggestion,
} from '@newsroom/domain';
import type { ServiceDeps } from '../context.ts';
import { suggestPublished, type SuggestTerms } from './suggest.repository.ts';

/** Shorter text suggests nothing: one letter matches too much to help. */
export const SUGGEST_MIN_LENGTH = 2;

/** The words of a reader's text, the last one kept apart as a prefix; null when there is too little to go on. */
export function suggestTerms(query: string): SuggestTerms | null {
  const text = query.normalize('NFC').slice(0, SEARCH_QUERY_MAX_LENGTH).trim();
  if (text.length < SUGGEST_MIN_LENGTH) return null;
  // Punctuation separates words, as it does for the search vector; what is left cannot be tsquery syntax.
  const words = text.match(/[\p{L}\p{M}\p{N}]+/gu);
  if (!words) return null;
  return { words: words.slice(0, -1), prefix: words[words.length - 1]! };
}

/** Headlines offered under the search box as a reader types. */
export function createSuggestService(deps: ServiceDeps) {
  const { db, clock } = deps;
  return {
    /**
     * At most five public articles matching the text, the last word as a prefix, ranked as search ranks.
     * Empty for text shorter than two characters or without a word to look for.
     */
    async suggest(query: string): Promise<PublicSearchSuggestion[]> {
      const terms = suggestTerms(query);
      if (!terms) return [];
      const rows = await suggestPublished(db, clock(), terms, SEARCH_SUGGESTIONS_MAX);
      return rows.map((r) => ({ headline: r.headline, url: `/article/${r.slug}` }));
    },
  };
}

export type SuggestService = ReturnType<typeof createSuggestService>;
