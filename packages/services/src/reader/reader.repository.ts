import { jsonArrayFrom, jsonObjectFrom, sql, type Database, type ExpressionBuilder, type Kysely, type MediaVariant } from '@newsroom/db';



/** Only what readers may see: published, and not before its publication time. */
export function isPublicArticle(now: Date) {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', now)]);
}

/** Public articles with their section, for a query to narrow and select from. */
export function publishedArticles(db: Kysely<Database>, now: Date) {
  return db.selectFrom('articles').leftJoin('sections', 'sections.id', 'articles.section_id').where(isPublicArticle(now));
}

export const CARD_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.headline',
  'articles.dek',
  'articles.published_at',
  'articles.updated_at',
  'articles.word_count',
  'articles.featured_media_id',
  'sections.name as section_name',
  'sections.slug as section_slug',
] as const;

/**
 * A jsonb column read as json. Embedded PGlite hands jsonb values to JavaScript far more slowly than json
 * (about 1 ms for an article body against 0.2 ms); the value is the same, and `pg` parses both.
 */
export function asJson<T>(column: 'articles.body' | 'media.variants') {
  return sql<T>`${sql.ref(column)}::json`;
}

const MEDIA_COLUMNS = [
  'media.id',
  'media.storage_key',
  'media.width',
  'media.height',
  'media.alt_text',
  'media.caption',
  'media.credit',
  'media.creator',
  'media.copyright_holder',
  'media.license_url',
] as const;

/** The one rule for what media a reader may see: not withdrawn, and its licence not run out. */
function isPublicMedia(now: Date) {
  return (eb: ExpressionBuilder<Database, 'media'>) =>
    eb.and([
      eb('media.withdrawn_at', 'is', null),
      // An image whose licence has run out is off every public page, even before the job marks it.
      eb.or([eb('media.license_expires_at', 'is', null), eb('media.license_expires_at', '>', now)]),
    ]);
}

export function findPublicMedia(db: Kysely<Database>, ids: readonly string[], now: Date) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .select([...MEDIA_COLUMNS, asJson<MediaVariant[]>('media.variants').as('variants')])
    .where('media.id', 'in', ids)
    .where(isPublicMedia(now))
    .execute();
}

/**
 * What a card needs beyond its columns, as JSON beside them: its authors in byline order and its featured
 * image if readers may see it. So a list of cards is one query, not one plus one per part.
 */
export function cardParts(now: Date) {
  return (eb: ExpressionBuilder<Database, 'articles'>) => [
    jsonArrayFrom(
      eb
        .selectFrom('article_authors')
        .leftJoin('users', 'users.id', 'article_authors.user_id')
        .leftJoin('guest_authors', 'guest_authors.id', 'article_authors.guest_author_id')
        .select([sql<string>`coalesce(users.name, guest_authors.name)`.as('name'), sql<string>`coalesce(users.slug, guest_authors.slug)`.as('slug')])
        .whereRef('article_authors.article_id', '=', 'articles.id')
        .orderBy('article_authors.position'),
    ).as('authors'),
    jsonObjectFrom(
      eb
        .selectFrom('media')
        .select([...MEDIA_COLUMNS, 'media.variants'])
        .whereRef('media.id', '=', 'articles.featured_media_id')
        .where(isPublicMedia(now)),
    ).as('image'),
  ];
}

export function findCorrections(db: Kysely<Database>, articleId: string) {
  return db.selectFrom('corrections').select(['kind', 'text', 'created_at']).where('article_id', '=', articleId).orderBy('created_at').execute();
}

export function searchRank(query: string) {
  return sql<number>`ts_rank(articles.search, websearch_to_tsquery('english', ${query}))`;
}

/** Public cards, newest first: every list of cards narrows and pages this. */
export function publicCardsNewestFirst(db: Kysely<Database>, now: Date) {
  return publishedArticles(db, now)
    .select(CARD_COLUMNS)
    .select(cardParts(now))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc');
}
