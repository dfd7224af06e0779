import { readingMinutes } from '@newsroom/content';
import type { MediaVariant } from '@newsroom/db';
import type { PublicArticleCard, PublicImage } from '@newsroom/domain';
import { mediaPath } from '../media/media-url.ts';

// The card and image mapping every public page and feed shares; the rows come from queries that select
// CARD_COLUMNS and cardParts, which applies the public media rule (not withdrawn, licence not run out).

/** A media row as the public queries select it. */
export interface PublicMediaRow {
  id: string;
  storage_key: string;
  width: number | null;
  height: number | null;
  alt_text: string;
  caption: string;
  credit: string | null;
  creator: string | null;
  copyright_holder: string | null;
  license_url: string | null;
  variants: MediaVariant[] | null;
}

/** The columns CARD_COLUMNS and cardParts select. */
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
  authors: ReadonlyArray<{ name: string; slug: string }>;
  image: PublicMediaRow | null;
}

export function toPublicImage(row: PublicMediaRow): PublicImage {
  // One format per srcset: browsers pick by width only, so WebP and AVIF sizes must not be mixed.
  const variants = (row.variants ?? []).filter((v) => v.format === 'webp');
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

export function toCard(row: CardRow): PublicArticleCard {
  return {
    slug: row.slug,
    url: `/article/${row.slug}`,
    headline: row.headline,
    dek: row.dek,
    publishedAt: row.published_at!,
    updatedAt: row.updated_at,
    section: row.section_name && row.section_slug ? { name: row.section_name, slug: row.section_slug } : null,
    authors: row.authors.map((a) => ({ name: a.name, slug: a.slug, url: `/author/${a.slug}` })),
    image: row.image ? toPublicImage(row.image) : null,
    readingMinutes: readingMinutes(row.word_count),
  };
}
