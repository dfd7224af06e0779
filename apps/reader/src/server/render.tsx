import { renderToString } from 'react-dom/server';
import type { ReactElement } from 'react';
import type { PublicArticle, PublicAuthorPage, PublicBranding, PublicCorrections, PublicHome, PublicListing, PublicSearch, PublicWidgets } from '@newsroom/domain';
import { Document, type PageMeta } from '../components/document.tsx';
import { ArticlePage } from '../pages/article.page.tsx';
import { ErrorPage } from '../pages/error.page.tsx';
import { HomePage } from '../pages/home.page.tsx';
import { ListingPage } from '../pages/listing.page.tsx';
import type { ReaderAssets } from './assets.ts';
import { LISTING_ROUTES, feedAlternates, renderListingRoute, searchQueryOf } from './listing-routes.tsx';
import { WIDGET_ROUTES, renderWidgetRoute } from './widget-routes.tsx';
import { WidgetStrip } from '../components/widgets.tsx';
import { breadcrumbLd, newsArticleLd, websiteLd } from './structured-data.ts';

/** The public reader API this app reads from: the reader tRPC router's caller fits it. */
export interface ReaderApi {
  branding(): Promise<PublicBranding>;
  home(): Promise<PublicHome>;
  article(input: { slug: string }): Promise<PublicArticle | null>;
  articleGone(input: { slug: string }): Promise<boolean>;
  /** An article in any state from a signed preview token; null when the token is invalid or expired. */
  previewArticle(input: { token: string }): Promise<PublicArticle | null>;
  section(input: { slug: string; page: number }): Promise<PublicListing | null>;
  tag(input: { slug: string; page: number }): Promise<PublicListing | null>;
  author(input: { slug: string; page: number }): Promise<PublicAuthorPage | null>;
  search(input: { query: string; page: number }): Promise<PublicSearch>;
  corrections(input: { page: number }): Promise<PublicCorrections>;
  /** Stored weather and quotes (never a live provider call). */
  widgets(): Promise<PublicWidgets>;
}

export interface RenderContext {
  api: ReaderApi;
  assets: ReaderAssets;
  publicUrl: string;
  /** The per-response CSP nonce for inline style and JSON-LD. */
  nonce: string;
}

export interface RenderedPage {
  status: number;
  html: string;
  /** When the content last changed, for Last-Modified. */
  lastModified: Date | null;
}

const SLUG = '([a-z0-9]+(?:-[a-z0-9]+)*)';
const ROUTES = {
  home: /^\/$/,
  article: new RegExp(`^/article/${SLUG}/?$`),
  section: new RegExp(`^/section/${SLUG}/?$`),
  preview: /^\/preview\/([A-Za-z0-9_.-]{1,2000})\/?$/,
  ...LISTING_ROUTES,
  ...WIDGET_ROUTES,
};

const ROUTE_PATTERNS = Object.values(ROUTES);

/** True when the path is one of the reader's pages (whatever the page then finds: it may still be a 404). */
export function isReaderPagePath(path: string): boolean {
  return ROUTE_PATTERNS.some((pattern) => pattern.test(path));
}

function pageNumber(url: URL): number | null {
  const raw = url.searchParams.get('page');
  if (raw === null) return 1;
  return /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : null;
}

function html(element: ReactElement): string {
  return `<!doctype html>${renderToString(element)}`;
}

/**
 * Renders the reader page for a URL, or returns null when the path is not one of the reader's (the host
 * then answers 404 itself or hands it to another route).
 */
export async function renderReaderPage(url: URL, ctx: RenderContext): Promise<RenderedPage | null> {
  const { api, assets, publicUrl, nonce } = ctx;
  const path = url.pathname;
  const route = (Object.keys(ROUTES) as Array<keyof typeof ROUTES>).find((name) => ROUTES[name].test(path));
  if (!route) return null;
  // The widgets are extras: if even their stored snapshots cannot be read, the page renders without them.
  const [branding, widgets] = await Promise.all([api.branding(), api.widgets().catch(() => null)]);
  // On the search page the header's field shows what was searched for; elsewhere it starts empty.
  const searchQuery = route === 'search' ? searchQueryOf(url) : '';
  const page = (meta: PageMeta, body: ReactElement, status = 200, lastModified: Date | null = null): RenderedPage => ({
    status,
    lastModified,
    html: html(
      <Document branding={branding} assets={assets} meta={meta} nonce={nonce} publicUrl={publicUrl} headerExtra={widgets ? <WidgetStrip widgets={widgets} /> : null} searchQuery={searchQuery}>
        {body}
      </Document>,
    ),
  });
  const notFound = () =>
    page({ title: 'Page not found', description: branding.description, canonicalUrl: `${publicUrl}${path}`, noindex: true }, <ErrorPage status={404} />, 404);

  if (route === 'home') {
    const home = await api.home();
    return page(
      { title: branding.name, description: branding.description, canonicalUrl: `${publicUrl}/`, jsonLd: [websiteLd(branding, publicUrl)] },
      <HomePage home={home} timeZone={branding.timeZone} name={branding.name} />,
      200,
      home.lead?.updatedAt ?? null,
    );
  }

  if (route === 'article') {
    const slug = ROUTES.article.exec(path)![1]!;
    const article = await api.article({ slug });
    if (!article) {
      if (!(await api.articleGone({ slug }))) return notFound();
      return page({ title: 'No longer available', description: branding.description, canonicalUrl: `${publicUrl}${path}`, noindex: true }, <ErrorPage status={410} />, 410);
    }
    const canonical = article.seo.canonicalUrl;
    const crumbs = [{ name: branding.name, url: '/' }, ...(article.section ? [{ name: article.section.name, url: `/section/${article.section.slug}` }] : []), { name: article.headline, url: article.url }];
    return page(
      {
        title: article.seo.title,
        description: article.seo.description,
        canonicalUrl: canonical,
        type: 'article',
        image: article.image ? { url: article.image.url, alt: article.image.alt } : null,
        jsonLd: [newsArticleLd(article, branding, publicUrl), breadcrumbLd(crumbs, publicUrl)],
      },
      <ArticlePage article={article} timeZone={branding.timeZone} shareUrl={`${publicUrl}${article.url}`} />,
      200,
      article.updatedAt,
    );
  }

  if (route === 'preview') {
    const article = await api.previewArticle({ token: ROUTES.preview.exec(path)![1]! });
    if (!article) return notFound();
    // The article page as it will look, marked as a preview; never indexed (the host also says so in headers).
    return page(
      { title: `Preview: ${article.seo.title}`, description: article.seo.description, canonicalUrl: article.seo.canonicalUrl, type: 'article', noindex: true },
      <>
        <p className="preview-banner" role="status">
          <strong>Preview — not published</strong>
        </p>
        <ArticlePage article={article} timeZone={branding.timeZone} shareUrl={`${publicUrl}${article.url}`} />
      </>,
    );
  }

  if (route === 'weather' || route === 'markets') return renderWidgetRoute(route, { widgets, branding, publicUrl, page });

  if (route === 'tag' || route === 'author' || route === 'search' || route === 'corrections') {
    return renderListingRoute(route, url, { api, branding, publicUrl, page, notFound });
  }

  const slug = ROUTES.section.exec(path)![1]!;
  const pageNo = pageNumber(url);
  const listing = pageNo === null ? null : await api.section({ slug, page: pageNo });
  if (!listing || (listing.articles.length === 0 && pageNo! > 1)) return notFound();
  const basePath = `/section/${slug}`;
  return page(
    {
      title: listing.title,
      description: listing.description || `${listing.title} from ${branding.name}`,
      canonicalUrl: `${publicUrl}${basePath}${pageNo! > 1 ? `?page=${pageNo}` : ''}`,
      jsonLd: [breadcrumbLd([{ name: branding.name, url: '/' }, { name: listing.title, url: basePath }], publicUrl)],
      feeds: feedAlternates(basePath, `${listing.title} | ${branding.name}`),
    },
    <ListingPage listing={listing} timeZone={branding.timeZone} basePath={basePath} />,
    200,
    listing.articles[0]?.updatedAt ?? null,
  );
}

/** A complete error page for the host to send when rendering itself failed or nothing matched. */
export async function renderErrorPage(status: 404 | 500, ctx: RenderContext): Promise<string> {
  const branding = await ctx.api.branding();
  return html(
    <Document branding={branding} assets={ctx.assets} meta={{ title: status === 404 ? 'Page not found' : 'Something went wrong', description: branding.description, canonicalUrl: ctx.publicUrl, noindex: true }} nonce={ctx.nonce} publicUrl={ctx.publicUrl}>
      <ErrorPage status={status} />
    </Document>,
  );
}
