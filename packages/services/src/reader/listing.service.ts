import type { PublicAuthorPage, PublicCorrections, PublicListing, PublicSearch } from '@newsroom/domain';
import type { ServiceDeps } from '../context.ts';
import { toCard, toPublicImage } from './cards.ts';
import {
  findPublicAuthorBySlug,
  findTagBySlug,
  publicCardsPage,
  publicCorrectionsPage,
  searchPublished,
  searchSnippets,
} from './listing.repository.ts';
import { findPublicMedia } from './reader.repository.ts';
import { snippetToHtml } from './search-snippet.ts';

/** Cards per page, as on section pages. */
export const PAGE_SIZE = 20;
export const CORRECTIONS_PAGE_SIZE = 30;

/** The public listings beyond home and sections: tags, authors, search and the corrections log. */
export function createListingService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const offset = (page: number, size: number) => (page - 1) * size;

  return {
    /** A tag's public articles, or null when the tag does not exist or has nothing public. */
    async tag(slug: string, page: number): Promise<PublicListing | null> {
      const now = clock();
      const tag = await findTagBySlug(db, slug);
      if (!tag) return null;
      const rows = await publicCardsPage(db, now, { kind: 'tag', id: tag.id }, PAGE_SIZE + 1, offset(page, PAGE_SIZE));
      // A tag used only on unpublished work is not public yet; on later pages, "empty" is the caller's 404.
      if (rows.length === 0 && page === 1) return null;
      return {
        title: tag.name,
        description: '',
        articles: rows.slice(0, PAGE_SIZE).map(toCard),
        page,
        hasMore: rows.length > PAGE_SIZE,
      };
    },

    /** An author's profile and public articles, or null when there is no such author with public work. */
    async author(slug: string, page: number): Promise<PublicAuthorPage | null> {
      const now = clock();
      const author = await findPublicAuthorBySlug(db, slug, now);
      if (!author) return null;
      const [rows, photo] = await Promise.all([
        publicCardsPage(db, now, author, PAGE_SIZE + 1, offset(page, PAGE_SIZE)),
        author.photo_media_id ? findPublicMedia(db, [author.photo_media_id], now) : Promise.resolve([]),
      ]);
      return {
        title: author.name,
        description: author.bio,
        author: {
          name: author.name,
          slug: author.slug,
          url: `/author/${author.slug}`,
          bio: author.bio,
          photo: photo[0] ? toPublicImage(photo[0]) : null,
        },
        articles: rows.slice(0, PAGE_SIZE).map(toCard),
        page,
        hasMore: rows.length > PAGE_SIZE,
      };
    },

    /** Full-text search over public articles, ranked, with highlighted snippets. An empty query finds nothing. */
    async search(query: string, page: number): Promise<PublicSearch> {
      const q = query.trim();
      if (!q) return { query: q, results: [], total: 0, page, hasMore: false };
      const now = clock();
      const rows = await searchPublished(db, now, q, PAGE_SIZE + 1, offset(page, PAGE_SIZE));
      const pageRows = rows.slice(0, PAGE_SIZE);
      const snippets = await searchSnippets(
        db,
        pageRows.map((r) => r.id),
        q,
      );
      return {
        query: q,
        results: pageRows.map((row) => ({
          ...toCard(row),
          snippetHtml: snippetToHtml(snippets.get(row.id) ?? ''),
        })),
        total: Number(rows[0]?.total ?? 0),
        page,
        hasMore: rows.length > PAGE_SIZE,
      };
    },

    /** The public log of corrections and updates, newest first, on public articles only. */
    async corrections(page: number): Promise<PublicCorrections> {
      const rows = await publicCorrectionsPage(
        db,
        clock(),
        CORRECTIONS_PAGE_SIZE + 1,
        offset(page, CORRECTIONS_PAGE_SIZE),
      );
      return {
        entries: rows.slice(0, CORRECTIONS_PAGE_SIZE).map((r) => ({
          kind: r.kind,
          text: r.text,
          createdAt: r.created_at,
          article: { headline: r.headline, url: `/article/${r.slug}` },
        })),
        page,
        hasMore: rows.length > CORRECTIONS_PAGE_SIZE,
      };
    },
  };
}

export type ListingService = ReturnType<typeof createListingService>;
