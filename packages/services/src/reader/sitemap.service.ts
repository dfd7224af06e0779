import { sql } from '@newsroom/db';
import type { ServiceDeps } from '../context.ts';
import { mediaPath } from '../media/media-url.ts';
import { findSettingsCached } from '../settings/settings.repository.ts';
import { findPublicMedia, publishedArticles } from './reader.repository.ts';
import { el, renderXml, type XmlElement } from './xml.ts';

/** The sitemaps protocol's limit of URLs in one file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News takes articles from the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
const NEWS_MAX_URLS = 1000;

const NS = {
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
};

/**
 * Sitemaps for search engines and robots.txt. Every URL comes from published articles that are already
 * public (publishedArticles), so nothing unpublished can be listed; every value goes through the XML writer.
 */
export function createSitemapService(deps: ServiceDeps, options: { urlsPerFile?: number } = {}) {
  const { db, clock } = deps;
  const perFile = options.urlsPerFile ?? SITEMAP_MAX_URLS;
  const abs = (path: string) => `${deps.config.publicUrl}${path}`;
  const lastmod = (date: Date | null | undefined) => (date ? el('lastmod', null, date.toISOString()) : null);

  /** The latest change to each file of article URLs, in order; one entry per file. */
  async function articleFiles(now: Date) {
    const numbered = publishedArticles(db, now)
      .select([
        'articles.updated_at',
        sql<number>`row_number() over (order by articles.published_at, articles.id)`.as('n'),
      ])
      .as('numbered');
    return db
      .selectFrom(numbered)
      .select([
        sql<number>`((numbered.n - 1) / ${perFile})::int`.as('file'),
        sql<Date>`max(numbered.updated_at)`.as('lastmod'),
      ])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
  }

  return {
    /** /sitemap.xml: the index of every other sitemap. */
    async index(): Promise<string> {
      const now = clock();
      const files = await articleFiles(now);
      const newest = files.reduce<Date | null>((max, f) => (!max || f.lastmod > max ? f.lastmod : max), null);
      const entry = (path: string, date: Date | null) =>
        el('sitemap', null, el('loc', null, abs(path)), lastmod(date));
      return renderXml(
        el(
          'sitemapindex',
          { xmlns: NS.sitemap },
          entry('/sitemaps/pages.xml', newest),
          entry('/sitemaps/news.xml', newest),
          ...files.map((f) => entry(`/sitemaps/articles-${f.file + 1}.xml`, f.lastmod)),
        ),
      );
    },

    /** /sitemaps/articles-<n>.xml, oldest first; null past the last file. */
    async articles(n: number): Promise<string | null> {
      if (!Number.isSafeInteger(n) || n < 1) return null;
      const now = clock();
      const rows = await publishedArticles(db, now)
        .select(['articles.slug', 'articles.updated_at', 'articles.featured_media_id'])
        .orderBy('articles.published_at', 'asc')
        .orderBy('articles.id', 'asc')
        .limit(perFile)
        .offset((n - 1) * perFile)
        .execute();
      if (rows.length === 0 && n > 1) return null;
      const mediaIds = [...new Set(rows.flatMap((r) => (r.featured_media_id ? [r.featured_media_id] : [])))];
      const images = new Map<string, string>();
      // In slices: one IN list of 50,000 ids would be near Postgres's limit on parameters.
      for (let i = 0; i < mediaIds.length; i += 5000) {
        for (const m of await findPublicMedia(db, mediaIds.slice(i, i + 5000), now))
          images.set(m.id, abs(mediaPath(m.storage_key)));
      }
      return renderXml(
        el(
          'urlset',
          { xmlns: NS.sitemap, 'xmlns:image': NS.image },
          ...rows.map((r) => {
            const image = r.featured_media_id ? images.get(r.featured_media_id) : undefined;
            return el(
              'url',
              null,
              el('loc', null, abs(`/article/${r.slug}`)),
              lastmod(r.updated_at),
              image ? el('image:image', null, el('image:loc', null, image)) : null,
            );
          }),
        ),
      );
    },

    /** /sitemaps/pages.xml: home, sections, and the tags and authors that have public articles. */
    async pages(): Promise<string> {
      const now = clock();
      const published = () => publishedArticles(db, now);
      const [newest, sections, tags, users, guests] = await Promise.all([
        published()
          .select(sql<Date | null>`max(articles.updated_at)`.as('lastmod'))
          .executeTakeFirst(),
        db
          .selectFrom('sections')
          .leftJoin(
            published()
              .select(['articles.section_id', sql<Date>`max(articles.updated_at)`.as('lastmod')])
              .groupBy('articles.section_id')
              .as('p'),
            'p.section_id',
            'sections.id',
          )
          .select(['sections.slug', 'p.lastmod'])
          .orderBy('sections.position')
          .orderBy('sections.slug')
          .execute(),
        published()
          .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
          .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
          .select(['tags.slug', sql<Date>`max(articles.updated_at)`.as('lastmod')])
          .groupBy('tags.slug')
          .orderBy('tags.slug')
          .execute(),
        published()
          .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
          .innerJoin('users', 'users.id', 'article_authors.user_id')
          .select(['users.slug', sql<Date>`max(articles.updated_at)`.as('lastmod')])
          .groupBy('users.slug')
          .orderBy('users.slug')
          .execute(),
        published()
          .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
          .innerJoin('guest_authors', 'guest_authors.id', 'article_authors.guest_author_id')
          .select(['guest_authors.slug', sql<Date>`max(articles.updated_at)`.as('lastmod')])
          .groupBy('guest_authors.slug')
          .orderBy('guest_authors.slug')
          .execute(),
      ]);
      const url = (path: string, date: Date | null | undefined): XmlElement =>
        el('url', null, el('loc', null, abs(path)), lastmod(date));
      // A staff member and a guest may share a slug; /author/<slug> shows the staff member, so list it once.
      const authorSlugs = new Map<string, Date>();
      for (const a of [...users, ...guests]) if (!authorSlugs.has(a.slug)) authorSlugs.set(a.slug, a.lastmod);
      return renderXml(
        el(
          'urlset',
          { xmlns: NS.sitemap },
          url('/', newest?.lastmod),
          ...sections.map((s) => url(`/section/${s.slug}`, s.lastmod)),
          ...tags.map((t) => url(`/tag/${t.slug}`, t.lastmod)),
          ...[...authorSlugs].map(([slug, date]) => url(`/author/${slug}`, date)),
        ),
      );
    },

    /** /sitemaps/news.xml: the Google News sitemap of articles published in the last 48 hours. */
    async news(): Promise<string> {
      const now = clock();
      const [settings, rows] = await Promise.all([
        findSettingsCached(db),
        publishedArticles(db, now)
          .select(['articles.slug', 'articles.headline', 'articles.published_at'])
          .where('articles.published_at', '>', new Date(now.getTime() - NEWS_WINDOW_MS))
          .orderBy('articles.published_at', 'desc')
          .orderBy('articles.id', 'desc')
          .limit(NEWS_MAX_URLS)
          .execute(),
      ]);
      const publication = el(
        'news:publication',
        null,
        el('news:name', null, settings?.name ?? ''),
        el('news:language', null, settings?.language ?? 'en'),
      );
      return renderXml(
        el(
          'urlset',
          { xmlns: NS.sitemap, 'xmlns:news': NS.news },
          ...rows.map((r) =>
            el(
              'url',
              null,
              el('loc', null, abs(`/article/${r.slug}`)),
              el(
                'news:news',
                null,
                publication,
                el('news:publication_date', null, r.published_at!.toISOString()),
                el('news:title', null, r.headline),
              ),
            ),
          ),
        ),
      );
    },

    /** /robots.txt: everything but the dashboard and previews, and where the sitemap is. */
    robotsTxt(): string {
      return [
        'User-agent: *',
        'Allow: /',
        'Disallow: /admin',
        'Disallow: /preview/',
        '',
        `Sitemap: ${abs('/sitemap.xml')}`,
        '',
      ].join('\n');
    },
  };
}

export type SitemapService = ReturnType<typeof createSitemapService>;
