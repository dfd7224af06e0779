import { readingMinutes } from '@newsroom/content';
import type { Database, Kysely, MediaVariant } from '@newsroom/db';
import type { PublicArticleCard, PublicImage } from '@newsroom/domain';
import { findArticleAuthors } from '../articles/article.repository.ts';
import { mediaPath } from '../media/media-url.ts';
import { findPublicMedia } from './reader.repository.ts';

// The card and image mapping every public page and feed shares; all follow the public media rule in
// findPublicMedia (not withdrawn, licence not run out).

/** The columns CARD_COLUMNS selects. */
export interface CardRow {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  published_at: Date | null;
  updated_at: Date;
  word_count: number;
  featured_media_id: string | null;
  section_name: string | null;
  section_slug: string | null;
}

export type PublicMediaRow = Awaited<ReturnType<typeof findPublicMedia>>[number];

export function toPublicImage(row: PublicMediaRow): PublicImage {
  // One format per srcset: browsers pick by width only, so WebP and AVIF sizes must not be mixed.
  const variants = ((row.variants ?? []) as MediaVariant[]).filter((v) => v.format === 'webp');
  return {
    url: mediaPath(row.storage_key),
    srcset: variants.length ? variants.map((v) => `${mediaPath(v.key)} ${v.width}w`).join(', ') : null,
    width: row.width,
    height: row.height,
    alt: row.alt_text,
    caption: row.caption,
    credit: row.credit,
    creator: row.creator,
    copyrightHolder: row.copyright_holder,
    licenseUrl: row.license_url,
  };
}

/** Cards for rows, with authors and images fetched in one query each, not one per article. */
export async function buildCards(
  db: Kysely<Database>,
  now: Date,
  rows: readonly CardRow[],
): Promise<PublicArticleCard[]> {
  const ids = rows.map((r) => r.id);
  const mediaIds = [...new Set(rows.flatMap((r) => (r.featured_media_id ? [r.featured_media_id] : [])))];
  const [authors, media] = await Promise.all([
    findArticleAuthors(db, ids),
    findPublicMedia(db, mediaIds, now),
  ]);
  const images = new Map(media.map((m) => [m.id, toPublicImage(m)]));
  return rows.map((r) => ({
    slug: r.slug,
    url: `/article/${r.slug}`,
    headline: r.headline,
    dek: r.dek,
    publishedAt: r.published_at!,
    updatedAt: r.updated_at,
    section: r.section_name && r.section_slug ? { name: r.section_name, slug: r.section_slug } : null,
    authors: authors
      .filter((a) => a.article_id === r.id)
      .map((a) => ({ name: a.name, slug: a.slug, url: `/author/${a.slug}` })),
    image: (r.featured_media_id && images.get(r.featured_media_id)) || null,
    readingMinutes: readingMinutes(r.word_count),
  }));
}
