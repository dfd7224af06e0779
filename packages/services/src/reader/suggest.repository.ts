import { sql, type Database, type Kysely } from '@newsroom/db';
import { publishedArticles } from './reader.repository.ts';

/** Half-typed search text: the words finished so far, and the last one, which may be the start of a word. */
export interface SuggestTerms {
  words: string[];
  prefix: string;
}

/**
 * A tsquery for half-typed text: the finished words as search reads them, and the last as a prefix (`tess`
 * finds "Tessel"). The terms are letters, marks and digits only, so nothing in them is tsquery syntax.
 */
function prefixQuery(terms: SuggestTerms) {
  return sql`(plainto_tsquery('english', ${terms.words.join(' ')}) && to_tsquery('english', ${`${terms.prefix}:*`}))`;
}

/**
 * Headlines of public articles matching half-typed text, best first. Ranked as search ranks (ts_rank over
 * the same weighted vector, then newest first), but on the prefix query: search's own rank
 * (searchRank) reads the text with websearch_to_tsquery, which has no prefixes.
 */
export function suggestPublished(db: Kysely<Database>, now: Date, terms: SuggestTerms, limit: number) {
  const query = prefixQuery(terms);
  return publishedArticles(db, now)
    .select([
      'articles.slug',
      'articles.headline',
      sql<number>`ts_rank(articles.search, ${query})`.as('rank'),
    ])
    .where(sql<boolean>`articles.search @@ ${query}`)
    .orderBy('rank', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
}
