import type { ReactElement } from 'react';
import { SEARCH_QUERY_MAX_LENGTH, type PublicBranding } from '@newsroom/domain';
import type { PageMeta } from '../components/document.tsx';
import { pageHref } from '../components/pagination.tsx';
import { AuthorPage } from '../pages/author.page.tsx';
import { CorrectionsPage } from '../pages/corrections.page.tsx';
import { ListingPage } from '../pages/listing.page.tsx';
import { SearchPage } from '../pages/search.page.tsx';
import type { ReaderApi, RenderedPage } from './render.tsx';
import { breadcrumbLd } from './structured-data.ts';

const SLUG = '([a-z0-9]+(?:-[a-z0-9]+)*)';

/** Tag, author, search and corrections pages; render.tsx matches these with its own routes. */
export const LISTING_ROUTES = {
  tag: new RegExp(`^/tag/${SLUG}/?$`),
  author: new RegExp(`^/author/${SLUG}/?$`),
  search: /^\/search\/?$/,
  corrections: /^\/corrections\/?$/,
};
export type ListingRoute = keyof typeof LISTING_ROUTES;

export interface ListingKit {
  api: Pick<ReaderApi, 'tag' | 'author' | 'search' | 'corrections'>;
  branding: PublicBranding;
  publicUrl: string;
  page(meta: PageMeta, body: ReactElement, status?: number, lastModified?: Date | null): RenderedPage;
  notFound(): RenderedPage;
}

/** `?page=N`: 1 when absent, null when it is not a page number. */
function pageNumber(url: URL): number | null {
  const raw = url.searchParams.get('page');
  if (raw === null) return 1;
  return /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : null;
}

/**
 * The search page's query from `?q=`. The API refuses longer queries; a reader who pastes a paragraph gets
 * its start searched instead.
 */
export function searchQueryOf(url: URL): string {
  return (url.searchParams.get('q') ?? '').trim().slice(0, SEARCH_QUERY_MAX_LENGTH).trim();
}

/** The RSS, Atom and JSON feeds of a section, tag or author page, for <link rel="alternate">. */
export function feedAlternates(basePath: string, title: string): NonNullable<PageMeta['feeds']> {
  return [
    { type: 'application/rss+xml', title: `${title} (RSS)`, href: `${basePath}/feed.xml` },
    { type: 'application/atom+xml', title: `${title} (Atom)`, href: `${basePath}/atom.xml` },
    { type: 'application/feed+json', title: `${title} (JSON Feed)`, href: `${basePath}/feed.json` },
  ];
}

export async function renderListingRoute(
  route: ListingRoute,
  url: URL,
  kit: ListingKit,
): Promise<RenderedPage> {
  const { api, branding, publicUrl, page, notFound } = kit;
  const pageNo = pageNumber(url);
  if (pageNo === null) return notFound();
  const canonical = (basePath: string, params: Record<string, string> = {}) =>
    `${publicUrl}${pageHref(basePath, pageNo, params)}`;
  const crumbs = (name: string, path: string) =>
    breadcrumbLd(
      [
        { name: branding.name, url: '/' },
        { name, url: path },
      ],
      publicUrl,
    );

  if (route === 'tag') {
    const slug = LISTING_ROUTES.tag.exec(url.pathname)![1]!;
    const listing = await api.tag({ slug, page: pageNo });
    if (!listing || listing.articles.length === 0) return notFound();
    const basePath = `/tag/${slug}`;
    return page(
      {
        title: listing.title,
        description: `Articles tagged ${listing.title} from ${branding.name}`,
        canonicalUrl: canonical(basePath),
        jsonLd: [crumbs(listing.title, basePath)],
        feeds: feedAlternates(basePath, `${listing.title} | ${branding.name}`),
      },
      <ListingPage listing={listing} timeZone={branding.timeZone} basePath={basePath} />,
      200,
      listing.articles[0]?.updatedAt ?? null,
    );
  }

  if (route === 'author') {
    const slug = LISTING_ROUTES.author.exec(url.pathname)![1]!;
    const author = await api.author({ slug, page: pageNo });
    if (!author || author.articles.length === 0) return notFound();
    const basePath = author.author.url;
    return page(
      {
        title: author.author.name,
        description: author.author.bio || `Articles by ${author.author.name} in ${branding.name}`,
        canonicalUrl: canonical(basePath),
        type: 'website',
        image: author.author.photo ? { url: author.author.photo.url, alt: author.author.photo.alt } : null,
        jsonLd: [crumbs(author.author.name, basePath)],
        feeds: feedAlternates(basePath, `${author.author.name} | ${branding.name}`),
      },
      <AuthorPage page={author} timeZone={branding.timeZone} />,
      200,
      author.articles[0]?.updatedAt ?? null,
    );
  }

  if (route === 'search') {
    const query = searchQueryOf(url);
    const search = query ? await api.search({ query, page: pageNo }) : null;
    if (search && search.results.length === 0 && pageNo > 1) return notFound();
    return page(
      {
        title: query ? `Search: ${query}` : 'Search',
        description: `Search ${branding.name}`,
        canonicalUrl: query ? canonical('/search', { q: query }) : `${publicUrl}/search`,
        // Result pages are endless and thin: keep them out of search engines.
        noindex: true,
      },
      <SearchPage search={search} timeZone={branding.timeZone} />,
    );
  }

  const corrections = await api.corrections({ page: pageNo });
  if (corrections.entries.length === 0 && pageNo > 1) return notFound();
  return page(
    {
      title: 'Corrections and updates',
      description: `Corrections and updates to articles in ${branding.name}`,
      canonicalUrl: canonical('/corrections'),
      jsonLd: [crumbs('Corrections and updates', '/corrections')],
    },
    <CorrectionsPage corrections={corrections} timeZone={branding.timeZone} publication={branding.name} />,
    200,
    corrections.entries[0]?.createdAt ?? null,
  );
}
