import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import { PublicBrandingSchema, PublicWidgetsSchema } from '@newsroom/domain';
import { assetsFromManifest, renderErrorPage, renderReaderPage, type ReaderApi, type ReaderAssets } from '@newsroom/reader/server';
import { createCallerFactory, readerRouter } from '@newsroom/trpc';
import type { Services } from '@newsroom/services';
import { freshNonce, NONCE_PLACEHOLDER, pageEntry, sendPage, type CachedPage } from './cached-page.ts';
import { cacheKey, isCacheablePath, type RenderCache, type RenderOutcome } from './render-cache.ts';

const require = createRequire(import.meta.url);
const readerRoot = dirname(require.resolve('@newsroom/reader/package.json'));
const clientDir = join(readerRoot, 'dist/client');

export async function loadReaderAssets(): Promise<ReaderAssets> {
  const manifest = await readFile(join(clientDir, '.vite/manifest.json'), 'utf8').catch(() => {
    throw new Error('The reader has not been built. Run `pnpm build` (pnpm start does it for you).');
  });
  return assetsFromManifest(JSON.parse(manifest));
}

/** A CSP that lets a page run only our own hashed script and the inline blocks carrying its nonce. */
export function readerCsp(nonce: string): string {
  return `${CSP_HEAD}${nonce}${CSP_MIDDLE}${nonce}${CSP_TAIL}`;
}

// Built once: every reader response carries it with its own nonce.
const [CSP_HEAD, CSP_MIDDLE, CSP_TAIL] = (() => {
  const marker = '\0';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${marker}'`,
    `style-src 'self' 'nonce-${marker}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ]
    .join('; ')
    .split(marker) as [string, string, string];
})();

/** Who asked, for the reader API's context. */
export interface ReaderRequestMeta {
  ip: string | null;
  userAgent: string | null;
}

/** Reader pages rendered for a URL: shared by the Express route and the front that answers before Express. */
export interface ReaderPages {
  /**
   * The page for a URL, rendered with a placeholder for the nonce: a reader page, the redirect an admin or
   * an old slug set up, or the 404 page.
   */
  render(url: URL, meta: ReaderRequestMeta): Promise<RenderOutcome>;
  /** The 500 page with this response's nonce. */
  renderError(nonce: string, meta: ReaderRequestMeta): Promise<string>;
}

/**
 * Checks a value against its public schema once: the services hand out the same branding and widget
 * objects until something changes, and every page asks for both.
 */
function checkedOnce<T extends object>(schema: { parse(value: unknown): T }): (value: T) => T {
  const checked = new WeakMap<T, T>();
  return (value) => {
    let result = checked.get(value);
    if (!result) {
      result = schema.parse(value);
      checked.set(value, result);
    }
    return result;
  };
}

export function createReaderPages(services: Services, options: { assets: ReaderAssets; publicUrl: string }): ReaderPages {
  const createCaller = createCallerFactory(readerRouter);
  const checkedBranding = checkedOnce(PublicBrandingSchema);
  const checkedWidgets = checkedOnce(PublicWidgetsSchema);
  /**
   * The reader router's procedures, but for the two every page asks (the same services and schemas,
   * checked once per value) and the two busiest pages, read straight from the services: the route's
   * pattern admits only a slug's characters (one longer than the rule allows finds nothing), and the page
   * prints only the public shape's fields, which the router's output check is there to guarantee for JSON.
   * On an uncached article page the caller (its middleware chain and that check) was ~8% of the CPU in a
   * profile under load.
   */
  const apiFor = (meta: ReaderRequestMeta): ReaderApi => {
    const caller = createCaller({
      services,
      session: null,
      sessionToken: undefined,
      meta,
      setSessionCookie: () => {},
      clearSessionCookie: () => {},
    });
    return {
      branding: async () => checkedBranding(await services.settings.branding()),
      widgets: async () => checkedWidgets(await services.widgets.snapshot()),
      home: () => services.reader.home(),
      article: ({ slug }) => services.reader.article(slug),
      articleGone: (input) => caller.articleGone(input),
      previewArticle: (input) => caller.previewArticle(input),
      section: (input) => caller.section(input),
      tag: (input) => caller.tag(input),
      author: (input) => caller.author(input),
      search: (input) => caller.search(input),
      corrections: (input) => caller.corrections(input),
    };
  };
  const contextFor = (meta: ReaderRequestMeta, nonce: string) => ({
    api: apiFor(meta),
    assets: options.assets,
    publicUrl: options.publicUrl,
    nonce,
  });
  return {
    async render(url, meta) {
      // Rendered with a placeholder for the nonce, so one rendering can be sent many times, each with its own.
      const ctx = contextFor(meta, NONCE_PLACEHOLDER);
      const page = await renderReaderPage(url, ctx);
      if (!page || page.status === 404) {
        const redirect = await services.reader.redirectFor(url.pathname);
        if (redirect) return { kind: 'redirect', status: redirect.status, to: redirect.to };
      }
      if (!page) return { kind: 'page', page: pageEntry(await renderErrorPage(404, ctx), 404, null, { fastPath: false }) };
      return { kind: 'page', page: pageEntry(page.html, page.status, page.lastModified) };
    },
    renderError: (nonce, meta) => renderErrorPage(500, contextFor(meta, nonce)),
  };
}

export function readerRoute(pages: ReaderPages, options: { publicUrl: string; logger: Logger; /** Absent: every request renders. */ cache?: RenderCache }): Router {
  const router = Router();

  router.use(
    '/assets',
    express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );

  router.get('/{*path}', async (req, res, next) => {
    const nonce = freshNonce();
    const meta = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    try {
      const url = new URL(req.originalUrl, options.publicUrl);
      const key = cacheKey(url);
      const shared = isCacheablePath(url.pathname);
      // A preview shows an unpublished article by token: never indexed (and, not shared, never cached).
      if (/^\/preview(?:\/|$)/.test(url.pathname)) res.setHeader('X-Robots-Tag', 'noindex');
      const cache = shared ? options.cache : undefined;
      const send = (page: CachedPage, hit: boolean) =>
        sendPage(req, res, page, { nonce, csp: readerCsp(nonce), shared, cache: cache && (hit ? 'HIT' : 'MISS'), changedAt: cache?.changedAt ?? null });
      const cached = cache?.get(key);
      if (cached) {
        send(cached, true);
        return;
      }
      const render = () => pages.render(url, meta);
      const outcome = cache ? await cache.load(key, render, { store: req.method === 'GET' }) : await render();
      if (outcome.kind === 'redirect') {
        res.redirect(outcome.status, outcome.to);
        return;
      }
      send(outcome.page, false);
    } catch (error) {
      options.logger.error({ err: error, url: req.originalUrl }, 'reader page failed');
      try {
        res.setHeader('Content-Security-Policy', readerCsp(nonce));
        res.setHeader('Cache-Control', 'no-store');
        res.status(500).type('html').send(await pages.renderError(nonce, meta));
      } catch {
        next(error);
      }
    }
  });
  return router;
}
