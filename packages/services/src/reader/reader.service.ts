import { documentMediaIds, renderDocument, type RenderMedia } from '@newsroom/content';
import { sql, type Database, type Kysely } from '@newsroom/db';
import {
  type PublicArticle,
  type PublicHome,
  type PublicListing,
} from '@newsroom/domain';
import type { ServiceDeps } from '../context.ts';
import { findArticleTags } from '../articles/article.repository.ts';
import { findSettingsCached } from '../settings/settings.repository.ts';
import { yearIn } from '../settings/settings.service.ts';
import { verifyPreviewToken } from '../preview/preview-token.ts';
import { buildCards, toPublicImage, type CardRow } from './cards.ts';
import { articleRights } from './rights.ts';
import { CARD_COLUMNS, findCorrections, findPublicMedia, publishedArticles } from './reader.repository.ts';

/** What the article page is built from: the card's columns and the article's own. */
const ARTICLE_COLUMNS = [
  ...CARD_COLUMNS,
  'articles.body',
  'articles.section_id',
  'articles.seo_title',
  'articles.seo_description',
  'articles.canonical_url',
  'articles.copyright_holder',
  'articles.copyright_year',
  'articles.license_code',
  'articles.syndication_allowed',
] as const;

type ArticleRowForPage = CardRow & {
  body: unknown;
  section_id: string | null;
  seo_title: string | null;
  seo_description: string | null;
  canonical_url: string | null;
  copyright_holder: string | null;
  copyright_year: number | null;
  license_code: string | null;
  syndication_allowed: boolean;
};

export const PAGE_SIZE = 20;

export function createReaderService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const cards = (trx: Kysely<Database>, rows: CardRow[]) => buildCards(trx, clock(), rows);

  /** The public article page for a row, published or (for a preview) not: the one place it is built. */
  async function buildArticle(row: ArticleRowForPage, now: Date): Promise<PublicArticle> {
    const settings = await findSettingsCached(db);
    const imageIds = documentMediaIds(row.body);
    const [[card], tags, corrections, bodyMedia, relatedRows] = await Promise.all([
      cards(db, [row]),
      findArticleTags(db, [row.id]),
      findCorrections(db, row.id),
      findPublicMedia(db, imageIds, now),
      publishedArticles(db, now)
        .select(CARD_COLUMNS)
        .where('articles.id', '!=', row.id)
        .$if(row.section_id !== null, (q) => q.where('articles.section_id', '=', row.section_id))
        .orderBy('articles.published_at', 'desc')
        .limit(3)
        .execute(),
    ]);
    const mediaById = new Map<string, RenderMedia>(
      bodyMedia.map((m) => {
        const image = toPublicImage(m);
        return [m.id, { src: image.url, srcset: image.srcset ?? undefined, width: m.width, height: m.height, alt: m.alt_text, credit: m.credit }];
      }),
    );
    return {
      ...card!,
      bodyHtml: renderDocument(row.body, { media: (id) => mediaById.get(id) }),
      wordCount: row.word_count,
      tags: tags.map((t) => ({ name: t.name, slug: t.slug })),
      corrections: corrections.map((c) => ({ kind: c.kind, text: c.text, createdAt: c.created_at })),
      rights: articleRights(row, settings, now),
      seo: {
        title: row.seo_title || row.headline,
        description: row.seo_description || row.dek,
        canonicalUrl: row.canonical_url || `${deps.config.publicUrl}/article/${row.slug}`,
      },
      related: await cards(db, relatedRows),
    };
  }

  function latest(limit: number, offset = 0) {
    return publishedArticles(db, clock())
      .select(CARD_COLUMNS)
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(limit)
      .offset(offset);
  }

  return {
    async home(): Promise<PublicHome> {
      const recent = await cards(db, await latest(25).execute());
      const sections = await db.selectFrom('sections').select(['id', 'name', 'slug']).orderBy('position').orderBy('name').execute();
      // The newest four of every section in one query (and one for their authors and images), not a few per section.
      const ranked = publishedArticles(db, clock())
        .select([...CARD_COLUMNS, 'articles.section_id', sql<number>`row_number() over (partition by articles.section_id order by articles.published_at desc, articles.id desc)`.as('rank')])
        .where('articles.section_id', 'is not', null);
      const railRows = await db.selectFrom(ranked.as('ranked')).selectAll().where('ranked.rank', '<=', 4).orderBy('ranked.rank').execute();
      const railCards = await cards(db, railRows);
      const rails = sections.map((s) => ({
        name: s.name,
        slug: s.slug,
        articles: railCards.filter((_card, index) => railRows[index]!.section_id === s.id),
      }));
      return { lead: recent[0] ?? null, top: recent.slice(1, 5), sections: rails.filter((r) => r.articles.length > 0), latest: recent.slice(5) };
    },

    async section(slug: string, page: number): Promise<PublicListing | null> {
      const section = await db.selectFrom('sections').select(['id', 'name', 'description']).where('slug', '=', slug).executeTakeFirst();
      if (!section) return null;
      const rows = await publishedArticles(db, clock())
        .select(CARD_COLUMNS)
        .where('articles.section_id', '=', section.id)
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(PAGE_SIZE + 1)
        .offset((page - 1) * PAGE_SIZE)
        .execute();
      return { title: section.name, description: section.description, articles: await cards(db, rows.slice(0, PAGE_SIZE)), page, hasMore: rows.length > PAGE_SIZE };
    },

    async article(slug: string): Promise<PublicArticle | null> {
      const now = clock();
      const row = await publishedArticles(db, now).select(ARTICLE_COLUMNS).where('articles.slug', '=', slug).executeTakeFirst();
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
      const row = await db
        .selectFrom('articles')
        .leftJoin('sections', 'sections.id', 'articles.section_id')
        .select([...ARTICLE_COLUMNS, 'articles.scheduled_at'])
        .where('articles.id', '=', claims.articleId)
        .executeTakeFirst();
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
