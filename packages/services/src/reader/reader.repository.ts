import { sql, type Database, type Kysely } from '@newsroom/db';

/** Only what readers may see: published, and not before its publication time. */
export function publishedArticles(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now);
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

export function findPublicMedia(db: Kysely<Database>, ids: readonly string[], now: Date) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .select(['id', 'storage_key', 'width', 'height', 'alt_text', 'caption', 'credit', 'creator', 'copyright_holder', 'license_url', 'variants'])
    .where('id', 'in', ids)
    .where('withdrawn_at', 'is', null)
    // An image whose licence has run out is off every public page, even before the job marks it.
    .where((eb) => eb.or([eb('license_expires_at', 'is', null), eb('license_expires_at', '>', now)]))
    .execute();
}

export function findCorrections(db: Kysely<Database>, articleId: string) {
  return db.selectFrom('corrections').select(['kind', 'text', 'created_at']).where('article_id', '=', articleId).orderBy('created_at').execute();
}

export function searchRank(query: string) {
  return sql<number>`ts_rank(articles.search, websearch_to_tsquery('english', ${query}))`;
}
