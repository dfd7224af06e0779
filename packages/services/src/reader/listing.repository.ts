import { preparedQuery, sql, type Database, type Kysely } from '@newsroom/db';
import { asJson, CARD_COLUMNS, cardParts, publicCardsNewestFirst, publishedArticles, searchRank } from './reader.repository.ts';
import { SNIPPET_OPTIONS } from './search-snippet.ts';

// Queries behind the public listings (tag, author, search, corrections), feeds and sitemaps. Every one
// starts from publishedArticles, so nothing a reader may not see can come back.

export function findTagBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom('tags').select(['id', 'name', 'slug']).where('slug', '=', slug).executeTakeFirst();
}

const sectionBySlug = preparedQuery((db, v: { slug: string }) =>
  db.selectFrom('sections').select(['id', 'name', 'slug', 'description']).where('slug', '=', v.slug),
);

/** A section by its slug (the section page runs this on every view). */
export function findSectionBySlug(db: Kysely<Database>, slug: string) {
  return sectionBySlug.executeTakeFirst(db, { slug });
}

export type AuthorRef = {
  kind: 'user' | 'guest';
  id: string;
  name: string;
  slug: string;
  bio: string;
  photo_media_id: string | null;
};

/**
 * The staff member or guest author with this slug who has at least one public article. Someone who has
 * only drafts has no public page: their name is not public yet.
 */
export async function findPublicAuthorBySlug(
  db: Kysely<Database>,
  slug: string,
  now: Date,
): Promise<AuthorRef | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'slug', 'bio', 'photo_media_id'])
    .where('slug', '=', slug)
    .where((eb) =>
      eb.exists(
        publishedArticles(db, now)
          .select('articles.id')
          .where(byAuthor({ kind: 'user', id: sql.ref('users.id') })),
      ),
    )
    .executeTakeFirst();
  if (user) return { kind: 'user', ...user };
  const guest = await db
    .selectFrom('guest_authors')
    .select(['id', 'name', 'slug', 'bio', 'photo_media_id'])
    .where('slug', '=', slug)
    .where((eb) =>
      eb.exists(
        publishedArticles(db, now)
          .select('articles.id')
          .where(byAuthor({ kind: 'guest', id: sql.ref('guest_authors.id') })),
      ),
    )
    .executeTakeFirst();
  return guest ? { kind: 'guest', ...guest } : undefined;
}

/** `articles` rows written by this author (a staff member or a guest); `id` may be a column of an outer query. */
export function byAuthor(author: { kind: 'user' | 'guest'; id: string | ReturnType<typeof sql.ref> }) {
  const column = author.kind === 'user' ? 'article_authors.user_id' : 'article_authors.guest_author_id';
  return sql<boolean>`exists (select 1 from article_authors where article_authors.article_id = articles.id and ${sql.ref(column)} = ${author.id})`;
}

/** `articles` rows carrying this tag. */
export function byTag(tagId: string) {
  return sql<boolean>`exists (select 1 from article_tags where article_tags.article_id = articles.id and article_tags.tag_id = ${tagId})`;
}

/** `articles` rows in this section. */
export function bySection(sectionId: string) {
  return sql<boolean>`articles.section_id = ${sectionId}`;
}

/** A condition on `articles`, for the narrowed lists. */
export type ArticleFilter = ReturnType<typeof byTag>;

type PageValues = { now: Date; id: string; limit: number; offset: number };

// Built once per kind of list (see preparedQuery): the section, tag and author pages run these on every view.
const cardsPages = {
  section: preparedQuery((db, v: PageValues) => publicCardsNewestFirst(db, v.now).where(bySection(v.id)).limit(v.limit).offset(v.offset)),
  tag: preparedQuery((db, v: PageValues) => publicCardsNewestFirst(db, v.now).where(byTag(v.id)).limit(v.limit).offset(v.offset)),
  user: preparedQuery((db, v: PageValues) => publicCardsNewestFirst(db, v.now).where(byAuthor({ kind: 'user', id: v.id })).limit(v.limit).offset(v.offset)),
  guest: preparedQuery((db, v: PageValues) => publicCardsNewestFirst(db, v.now).where(byAuthor({ kind: 'guest', id: v.id })).limit(v.limit).offset(v.offset)),
};

/** One page of a section's, tag's or author's public cards, newest first; one more row than asked, to tell if there are more. */
export function publicCardsPage(
  db: Kysely<Database>,
  now: Date,
  of: { kind: keyof typeof cardsPages; id: string },
  limit: number,
  offset: number,
) {
  return cardsPages[of.kind].execute(db, { now, id: of.id, limit, offset });
}

const tsQuery = (query: string) => sql`websearch_to_tsquery('english', ${query})`;

/** Public articles matching a reader's query, best first, with the total number of matches on every row. */
export function searchPublished(
  db: Kysely<Database>,
  now: Date,
  query: string,
  limit: number,
  offset: number,
) {
  return publishedArticles(db, now)
    .select([...CARD_COLUMNS, searchRank(query).as('rank'), sql<number>`count(*) over ()`.as('total')])
    .select(cardParts(now))
    .where(sql<boolean>`articles.search @@ ${tsQuery(query)}`)
    .orderBy('rank', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * ts_headline snippets for a page of results (never for every match: it reads the whole text). The
 * marker characters are stripped from the stored text first; see search-snippet.ts.
 */
export async function searchSnippets(
  db: Kysely<Database>,
  ids: readonly string[],
  query: string,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select([
      'id',
      sql<string>`ts_headline('english', translate(articles.dek || ' ' || articles.body_text, ${'\uE000\uE001'}, ''), ${tsQuery(query)}, ${SNIPPET_OPTIONS})`.as(
        'snippet',
      ),
    ])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.snippet]));
}

/** Corrections and updates on public articles, newest first. */
export function publicCorrectionsPage(db: Kysely<Database>, now: Date, limit: number, offset: number) {
  return publishedArticles(db, now)
    .innerJoin('corrections', 'corrections.article_id', 'articles.id')
    .select([
      'corrections.id',
      'corrections.kind',
      'corrections.text',
      'corrections.created_at',
      'articles.headline',
      'articles.slug',
    ])
    .orderBy('corrections.created_at', 'desc')
    .orderBy('corrections.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The columns a feed item needs beyond a card: the rights to print (and feedArticles adds the body). */
export const FEED_COLUMNS = [
  ...CARD_COLUMNS,
  'articles.copyright_holder',
  'articles.copyright_year',
  'articles.license_code',
  'articles.syndication_allowed',
] as const;

export function feedArticles(db: Kysely<Database>, now: Date, filter: ArticleFilter | null, limit: number) {
  return publishedArticles(db, now)
    .select(FEED_COLUMNS)
    .select(asJson<unknown>('articles.body').as('body'))
    .$if(filter !== null, (q) => q.where(filter!))
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
}

/** File facts (type and size) for media already vetted by findPublicMedia, for feed enclosures. */
export function findMediaFileFacts(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('media').select(['id', 'mime_type', 'bytes']).where('id', 'in', ids).execute();
}
