import { Feed, type Item } from 'feed';
import { CheckedBody, documentMediaIds, escapeHtml, renderDocument, type RenderMedia } from '@newsroom/content';
import type { PublicArticle } from '@newsroom/domain';
import type { ServiceDeps } from '../context.ts';
import { findArticleAuthors, findArticleTags } from '../articles/article.repository.ts';
import { mediaPath } from '../media/media-url.ts';
import { findSettingsCached } from '../settings/settings.repository.ts';
import { createSettingsService } from '../settings/settings.service.ts';
import { toPublicImage } from './cards.ts';
import {
  byAuthor,
  bySection,
  byTag,
  feedArticles,
  findMediaFileFacts,
  findPublicAuthorBySlug,
  findSectionBySlug,
  findTagBySlug,
  type ArticleFilter,
} from './listing.repository.ts';
import { findPublicMedia } from './reader.repository.ts';
import { articleRights } from './rights.ts';
import { stripInvalidXmlChars } from './xml.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';
export type FeedScope = { kind: 'site' } | { kind: 'section' | 'tag' | 'author'; slug: string };
export const FEED_SIZE = 20;

/** Where each format lives under a page's path: `/feed.xml`, `/section/world/atom.xml`... */
export const FEED_FILES: Record<FeedFormat, string> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
};

/**
 * How a value must be handed to the `feed` package for each format. Its XML writer (xml-js 1.6) needs help:
 * text is "de-sanitised" (`&amp;` turned back into `&`) before escaping, so we double every `&` and text
 * comes out exact; attributes get only `"` escaped, so we escape `&`, `<` and `>` ourselves; and in CDATA
 * only the first `]]>` is split, so we split every later one and leave the first to it. Feed readers take
 * Atom titles and summaries and RSS descriptions as HTML (the package marks them type="html"), so those get
 * escaped text; RSS titles and all of JSON Feed's text fields are plain text.
 */
interface Encoding {
  text(value: string): string;
  attr(value: string): string;
  cdata(value: string): string;
  title(headline: string): string;
  summary(dek: string): string;
}

function splitLaterCdataEnds(value: string): string {
  const first = value.indexOf(']]>');
  if (first === -1) return value;
  const head = value.slice(0, first + 3);
  return head + value.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}

const xmlEncoding = (htmlTitles: boolean): Encoding => {
  const text = (v: string) => stripInvalidXmlChars(v).replace(/&/g, '&amp;');
  const cdata = (v: string) => splitLaterCdataEnds(stripInvalidXmlChars(v));
  return {
    text,
    attr: (v) => stripInvalidXmlChars(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    cdata,
    title: (headline) => cdata(htmlTitles ? escapeHtml(headline) : headline),
    summary: (dek) => cdata(escapeHtml(dek)),
  };
};

const plain = (v: string) => v;
const ENCODINGS: Record<FeedFormat, Encoding> = {
  rss: xmlEncoding(false),
  atom: xmlEncoding(true),
  json: { text: plain, attr: plain, cdata: plain, title: plain, summary: plain },
};

/** RSS 2.0, Atom and JSON Feed for the whole site and for each section, tag and author. */
export function createFeedService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const settingsService = createSettingsService(deps);
  const abs = (path: string) => (path.startsWith('/') ? `${deps.config.publicUrl}${path}` : path);
  // Relative links and images in a body would resolve against the feed reader, not us.
  const absoluteLinks = (html: string) =>
    html.replace(/ (href|src)="\/(?!\/)/g, (_, attr: string) => ` ${attr}="${deps.config.publicUrl}/`);

  async function resolveScope(
    scope: FeedScope,
    now: Date,
  ): Promise<{
    title: string | null;
    description: string;
    path: string;
    filter: ArticleFilter | null;
  } | null> {
    if (scope.kind === 'site') return { title: null, description: '', path: '/', filter: null };
    if (scope.kind === 'section') {
      const section = await findSectionBySlug(db, scope.slug);
      return section
        ? {
            title: section.name,
            description: section.description,
            path: `/section/${section.slug}`,
            filter: bySection(section.id),
          }
        : null;
    }
    if (scope.kind === 'tag') {
      const tag = await findTagBySlug(db, scope.slug);
      return tag
        ? { title: tag.name, description: '', path: `/tag/${tag.slug}`, filter: byTag(tag.id) }
        : null;
    }
    const author = await findPublicAuthorBySlug(db, scope.slug, now);
    return author
      ? {
          title: author.name,
          description: author.bio,
          path: `/author/${author.slug}`,
          filter: byAuthor(author),
        }
      : null;
  }

  return {
    /** A feed as text, or null when there is no such section, tag or author with public articles. */
    async render(
      scope: FeedScope,
      format: FeedFormat,
    ): Promise<{ body: string; lastModified: Date | null } | null> {
      const now = clock();
      const resolved = await resolveScope(scope, now);
      if (!resolved) return null;
      const [branding, settings, rows] = await Promise.all([
        settingsService.branding(),
        findSettingsCached(db),
        feedArticles(db, now, resolved.filter, FEED_SIZE),
      ]);
      // A tag on unpublished work only is not public yet (as its page is not).
      if (scope.kind === 'tag' && rows.length === 0) return null;

      const ids = rows.map((r) => r.id);
      const featuredIds = [
        ...new Set(rows.flatMap((r) => (r.featured_media_id ? [r.featured_media_id] : []))),
      ];
      const bodies = new Map(rows.map((r) => [r.id, CheckedBody.of(r.body)]));
      const bodyIds = [...new Set([...bodies.values()].flatMap((body) => documentMediaIds(body)))];
      const [authors, tags, featured, bodyMedia] = await Promise.all([
        findArticleAuthors(db, ids),
        findArticleTags(db, ids),
        findPublicMedia(db, featuredIds, now),
        findPublicMedia(db, bodyIds, now),
      ]);
      const facts = new Map(
        (
          await findMediaFileFacts(
            db,
            featured.map((m) => m.id),
          )
        ).map((f) => [f.id, f]),
      );
      const featuredById = new Map(featured.map((m) => [m.id, m]));
      const bodyMediaById = new Map<string, RenderMedia>(
        bodyMedia.map((m) => [
          m.id,
          {
            src: abs(mediaPath(m.storage_key)),
            width: m.width,
            height: m.height,
            alt: m.alt_text,
            credit: m.credit,
          },
        ]),
      );

      const enc = ENCODINGS[format];
      const pageUrl = abs(resolved.path);
      const feedUrl = (f: FeedFormat) =>
        abs(`${resolved.path === '/' ? '' : resolved.path}/${FEED_FILES[f]}`);
      const title = resolved.title ? `${resolved.title} | ${branding.name}` : branding.name;
      const feed = new Feed({
        id: pageUrl,
        link: pageUrl,
        title: enc.text(title),
        description: enc.text(resolved.description || branding.description),
        language: enc.text(branding.language),
        updated: rows.reduce<Date>(
          (max, r) => (r.updated_at > max ? r.updated_at : max),
          settings?.updated_at ?? new Date(0),
        ),
        generator: 'Newsroom',
        image: branding.logo ? enc.text(abs(branding.logo.url)) : undefined,
        favicon: branding.iconUrl ? enc.text(abs(branding.iconUrl)) : undefined,
        // The publication's footer notice, exactly as the site prints it.
        copyright: enc.text(branding.copyrightNotice),
        feedLinks: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
      });

      for (const row of rows) {
        const link = abs(`/article/${row.slug}`);
        const rights = articleRights(row, settings);
        const media = row.featured_media_id ? featuredById.get(row.featured_media_id) : undefined;
        const image = media ? toPublicImage(media) : null;
        const file = media ? facts.get(media.id) : undefined;
        const bylines = authors.filter((a) => a.article_id === row.id);
        const categories = [
          ...(row.section_name && row.section_slug
            ? [{ name: row.section_name, slug: row.section_slug, url: abs(`/section/${row.section_slug}`) }]
            : []),
          ...tags
            .filter((t) => t.article_id === row.id)
            .map((t) => ({ name: t.name, slug: t.slug, url: abs(`/tag/${t.slug}`) })),
        ];
        const html = itemHtml({
          image: image && {
            url: abs(image.url),
            alt: image.alt,
            width: image.width,
            height: image.height,
            caption: image.caption,
            credit: image.credit,
          },
          bodyHtml: absoluteLinks(renderDocument(bodies.get(row.id), { media: (id) => bodyMediaById.get(id) })),
          rights,
          fallback: row.dek || row.headline,
        });
        const item: Item = {
          title: enc.title(row.headline),
          id: `urn:uuid:${row.id}`,
          guid: `urn:uuid:${row.id}`,
          link,
          date: row.updated_at,
          published: row.published_at!,
          description: row.dek ? enc.summary(row.dek) : undefined,
          content: enc.cdata(html),
          category: categories.map((c) => ({
            name: format === 'atom' ? enc.attr(c.name) : enc.text(c.name),
            domain: enc.attr(c.url),
            scheme: enc.attr(c.url),
            term: enc.attr(c.slug),
          })),
          copyright: enc.text(rights.notice),
        };
        if (format === 'rss') {
          // RSS's own <author> wants an e-mail address; dc:creator is where feed readers look for names.
          if (bylines.length)
            item.extensions = [
              {
                name: 'dc:creator',
                objects: bylines.map((a) => ({ _text: enc.text(a.name) })) as unknown as Record<
                  string,
                  unknown
                >,
              },
            ];
        } else {
          item.author = bylines.map((a) => ({ name: enc.text(a.name), link: abs(`/author/${a.slug}`) }));
        }
        if (image) {
          const url = abs(image.url);
          item.image =
            format === 'json'
              ? url
              : {
                  url: enc.attr(url),
                  length: file?.bytes ?? 0,
                  ...(file && { type: enc.attr(file.mime_type) }),
                };
        }
        feed.addItem(item);
      }

      const body = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
      return {
        body,
        lastModified: rows[0]
          ? rows.reduce((max, r) => (r.updated_at > max ? r.updated_at : max), rows[0].updated_at)
          : null,
      };
    },
  };
}

/**
 * An item's HTML: the featured image with its caption and credit, the body from the shared renderer, and
 * the article's licence when it is not all rights reserved (a reader of the feed must see both).
 */
function itemHtml(input: {
  image: {
    url: string;
    alt: string;
    width: number | null;
    height: number | null;
    caption: string;
    credit: string | null;
  } | null;
  bodyHtml: string;
  rights: PublicArticle['rights'];
  fallback: string;
}): string {
  const parts: string[] = [];
  const { image, rights } = input;
  if (image) {
    const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : '';
    const caption = [
      image.caption ? escapeHtml(image.caption) : '',
      image.credit ? `Photo: ${escapeHtml(image.credit)}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    parts.push(
      `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}"${size}>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`,
    );
  }
  if (input.bodyHtml) parts.push(input.bodyHtml);
  if (rights.license.code !== 'all-rights-reserved') {
    const link = rights.license.url
      ? ` <a href="${escapeHtml(rights.license.url)}" rel="license">${escapeHtml(rights.license.label)}</a>`
      : '';
    parts.push(`<p class="rights">${escapeHtml(rights.notice)}${link}</p>`);
  }
  // Never empty: RSS declares the namespaces of content:encoded and dc:creator only when there is content.
  return parts.length ? parts.join('\n') : `<p>${escapeHtml(input.fallback)}</p>`;
}

export type FeedService = ReturnType<typeof createFeedService>;
