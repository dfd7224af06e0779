import { CheckedBody, documentMediaIds, renderDocument, type RenderMedia } from '@newsroom/content';
import { jsonArrayFrom, preparedQuery, type Database, type Kysely } from '@newsroom/db';
import {
  type PublicArticle,
  type PublicHome,
  type PublicListing,
} from '@newsroom/domain';

import type { ServiceDeps } from '../context.ts';
import { findSettingsCached } from '../settings/settings.repository.ts';
import { yearIn } from '../settings/settings.service.ts';
import { verifyPreviewToken } from '../preview/preview-token.ts';
import { toCard, toPublicImage } from './cards.ts';
import { articleRights } from './rights.ts';
import { findSectionBySlug, publicCardsPage } from './listing.repository.ts';
import { asJson, CARD_COLUMNS, cardParts, findPublicMedia, isPublicArticle, publicCardsNewestFirst } from './reader.repository.ts';

/** What the article page is built from beyond its card: the article's own columns. */
const ARTICLE_COLUMNS = [
  'articles.section_id',
  'articles.seo_title',
  'articles.seo_description',
  'articles.canonical_url',
  'articles.copyright_holder',
  'articles.copyright_year',
  'articles.license_code',
  'articles.syndication_allowed',
] as const;

export const PAGE_SIZE = 20;

/** Which article a page shows: the public one by its slug, or any one by id (a preview). */
type PageKey = { slug: string } | { id: string };

/**
 * The article page's row in one query: card, body, tags, corrections and up to three related cards (the
 * newest public ones of its section, or of all when it has none), each list as JSON beside the columns.
 * The caller adds what else narrows it (public only, for the article page).
 */
function articlePageQuery(db: Kysely<Database>, now: Date, key: PageKey) {
  return db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select(CARD_COLUMNS)
    .select(ARTICLE_COLUMNS)
    .select(cardParts(now))
    .select((eb) => [
      asJson<unknown>('articles.body').as('body'),
      jsonArrayFrom(
        eb
          .selectFrom('article_tags')
          .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
          .select(['tags.name', 'tags.slug'])
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .orderBy('article_tags.position'),
      ).as('tags'),
      jsonArrayFrom(
        eb
          .selectFrom('corrections')
          .select(['corrections.kind', 'corrections.text', 'corrections.created_at'])
          .whereRef('corrections.article_id', '=', 'articles.id')
          .orderBy('corrections.created_at'),
      ).as('corrections'),
      // Inside, `articles` is the related one: the page's own article is found again as `own` by its key.
      jsonArrayFrom(
        eb
          .selectFrom('articles')
          .leftJoin('sections', 'sections.id', 'articles.section_id')
          .select(CARD_COLUMNS)
          .select(cardParts(now))
          .where(isPublicArticle(now))
          .where((related) => {
            const own = related.selectFrom('articles as own').$call((q) => ('slug' in key ? q.where('own.slug', '=', key.slug) : q.where('own.id', '=', key.id)));
            const ownSection = own.select('own.section_id');
            return related.and([
              related('articles.id', '!=', own.select('own.id')),
              related.or([related(ownSection, 'is', null), related('articles.section_id', '=', ownSection)]),
            ]);
          })
          .orderBy('articles.published_at', 'desc')
          .limit(3),
      ).as('related'),
    ])
    .$call((q) => ('slug' in key ? q.where('articles.slug', '=', key.slug) : q.where('articles.id', '=', key.id)));
}

/** A card row read from JSON, where times arrive as ISO strings. */
function withDates<T extends { published_at: string | null; updated_at: string }>(
  row: T,
): Omit<T, 'published_at' | 'updated_at'> & { published_at: Date | null; updated_at: Date } {
  return { ...row, published_at: row.published_at === null ? null : new Date(row.published_at), updated_at: new Date(row.updated_at) };
}

type ArticlePageRow = NonNullable<Awaited<ReturnType<ReturnType<typeof articlePageQuery>['executeTakeFirst']>>>;

// What every page view runs, built once (see preparedQuery).
const publicArticlePage = preparedQuery((db, v: { slug: string; now: Date }) => articlePageQuery(db, v.now, { slug: v.slug }).where(isPublicArticle(v.now)));

const latestCards = preparedQuery((db, v: { now: Date; limit: number }) => publicCardsNewestFirst(db, v.now).limit(v.limit));

const sectionsInOrder = preparedQuery((db) => db.selectFrom('sections').select(['id', 'name', 'slug']).orderBy('position').orderBy('name'));

// The newest four of every section in one query (a lateral join: each section reads its own four by index,
// whatever the statistics say), not a few queries per section.
const sectionRails = preparedQuery((db, v: { now: Date; perSection: number }) =>
  db
    .selectFrom('sections as rail')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('articles')
          .leftJoin('sections', 'sections.id', 'articles.section_id')
          .select([...CARD_COLUMNS, 'articles.section_id'])
          .select(cardParts(v.now))
          .where(isPublicArticle(v.now))
          .whereRef('articles.section_id', '=', 'rail.id')
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(v.perSection)
          .as('card'),
      (join) => join.onTrue(),
    )
    .selectAll('card'),
);

export function createReaderService(deps: ServiceDeps) {
  const { db, clock } = deps;

  /** The public article page for a row, published or (for a preview) not: the one place it is built. */
  async function buildArticle(row: ArticlePageRow, now: Date): Promise<PublicArticle> {
    const body = CheckedBody.of(row.body);
    const [settings, bodyMedia] = await Promise.all([findSettingsCached(db), findPublicMedia(db, documentMediaIds(body), now)]);
    const mediaById = new Map<string, RenderMedia>(
      bodyMedia.map((m) => {
        const image = toPublicImage(m);
        return [m.id, { src: image.url, srcset: image.srcset ?? undefined, width: m.width, height: m.height, alt: m.alt_text, credit: m.credit }];
      }),
    );
    return {
      ...toCard(row),
      bodyHtml: renderDocument(body, { media: (id) => mediaById.get(id) }),
      wordCount: row.word_count,
      tags: row.tags.map((t) => ({ name: t.name, slug: t.slug })),
      // Inside JSON, times arrive as ISO strings.
      corrections: row.corrections.map((c) => ({ kind: c.kind, text: c.text, createdAt: new Date(c.created_at) })),
      rights: articleRights(row, settings, now),
      seo: {
        title: row.seo_title || row.headline,
        description: row.seo_description || row.dek,
        canonicalUrl: row.canonical_url || `${deps.config.publicUrl}/article/${row.slug}`,
      },
      related: row.related.map((r) => toCard(withDates(r))),
    };
  }

  return {
    async home(): Promise<PublicHome> {
      const now = clock();
      const [recentRows, sections, railRows] = await Promise.all([
        latestCards.execute(db, { now, limit: 25 }),
        sectionsInOrder.execute(db, {}),
        sectionRails.execute(db, { now, perSection: 4 }),
      ]);
      const recent = recentRows.map(toCard);
      const rails = sections.map((s) => ({
        name: s.name,
        slug: s.slug,
        articles: railRows.filter((r) => r.section_id === s.id).map(toCard),
      }));
      return { lead: recent[0] ?? null, top: recent.slice(1, 5), sections: rails.filter((r) => r.articles.length > 0), latest: recent.slice(5) };
    },

    async section(slug: string, page: number): Promise<PublicListing | null> {
      const section = await findSectionBySlug(db, slug);
      if (!section) return null;
      const rows = await publicCardsPage(db, clock(), { kind: 'section', id: section.id }, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
      return { title: section.name, description: section.description, articles: rows.slice(0, PAGE_SIZE).map(toCard), page, hasMore: rows.length > PAGE_SIZE };
    },

    async article(slug: string): Promise<PublicArticle | null> {
      const now = clock();
      const row = await publicArticlePage.executeTakeFirst(db, { slug, now });
      return row ? buildArticle(row, now) : null;
    },

    /**
     * The article a preview token names, in whatever state it is, rendered exactly as the article page
     * would; null when the token is forged, malformed or expired, or the article is gone. An unpublished
     * article shows the date it is scheduled for, or today.
     */
    async previewArticle(token: string): Promise<PublicArticle | null> {
      const now = clock();
      const claims = verifyPreviewToken(deps.config.secret, token, now);
      if (!claims) return null;
      const row = await articlePageQuery(db, now, { id: claims.articleId }).select('articles.scheduled_at').executeTakeFirst();
      if (!row) return null;
      return buildArticle({ ...row, published_at: row.published_at ?? row.scheduled_at ?? now }, now);
    },

    /** True when an article was public once and has been taken down: readers get 410, not 404. */
    async isGone(slug: string): Promise<boolean> {
      const row = await db
        .selectFrom('articles')
        .select('id')
        .where('slug', '=', slug)
        .where('first_published_at', 'is not', null)
        .where('status', 'in', ['unpublished', 'archived'])
        .executeTakeFirst();
      return row !== undefined;
    },

    /** A redirect for a path (an old slug, or one an admin added), or null. */
    async redirectFor(path: string): Promise<{ to: string; status: 301 | 302 | 307 | 308 } | null> {
      const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
      const row = await db.selectFrom('redirects').select(['to_path', 'status_code']).where('from_path', '=', normalised).executeTakeFirst();
      return row ? { to: row.to_path, status: row.status_code as 301 } : null;
    },

    /** The year used in the footer, in the publication's time zone. */
    async currentYear(): Promise<number> {
      const settings = await findSettingsCached(db);
      return yearIn(settings?.time_zone ?? 'UTC', clock());
    },
  };
}

export type ReaderService = ReturnType<typeof createReaderService>;
