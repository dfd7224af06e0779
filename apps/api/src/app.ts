import type { OutgoingHttpHeaders, RequestListener } from 'node:http';
import compression from 'compression';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DbHandle } from '@newsroom/db';
import type { MediaStore, Services } from '@newsroom/services';
import { dashboardRoute } from './http/dashboard.route.ts';
import { exportRoute } from './http/export.route.ts';
import { feedsRoute } from './http/feeds.route.ts';
import { importRoute } from './http/import.route.ts';
import { manifestRoute } from './http/manifest.route.ts';
import { marketsStreamRoute } from './http/markets-stream.route.ts';
import { mediaRoute } from './http/media.route.ts';
import { originGuard } from './http/origin-guard.ts';
import { serveReaderPages } from './http/cached-page-fast-path.ts';
import { createReaderPages, readerCsp, readerRoute, type ReaderPages } from './http/reader.route.ts';
import { searchSuggestRoute } from './http/search-suggest.route.ts';
import type { RenderCache } from './http/render-cache.ts';
import { trpcRoute } from './http/trpc.route.ts';
import { uploadRoute } from './http/upload.route.ts';
import type { ReaderAssets } from '@newsroom/reader/server';

export interface AppDeps {
  services: Services;
  database: Pick<DbHandle, 'ping' | 'kind'>;
  mediaStore: MediaStore;
  logger: Logger;
  publicUrl: string;
  trustProxy: boolean | number | string;
  readerAssets: ReaderAssets;
  /** Rendered reader pages, cleared on every public change; absent, every request renders. */
  renderCache?: RenderCache;
}

/** The security headers every response carries (each surface adds its own CSP). */
function securityHeaders(publicUrl: string): RequestHandler {
  return helmet({
    // Each surface sets its own CSP (the reader's carries a per-response nonce).
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: publicUrl.startsWith('https:'),
  });
}

/** What a middleware that only sets fixed headers (helmet's) sets, for responses written without Express. */
function headersSetBy(middleware: RequestHandler): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const res = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let called = false;
  middleware({ headers: {} } as Request, res as unknown as Response, () => {
    called = true;
  });
  if (!called) throw new Error('the security headers middleware did not finish at once');
  return headers;
}

/**
 * The server's request listener: reader pages are answered in front of Express (cache hits and renders
 * alike, see cached-page-fast-path.ts), everything else by the app.
 */
export function createRequestListener(deps: AppDeps): RequestListener {
  const pages = createReaderPages(deps.services, { assets: deps.readerAssets, publicUrl: deps.publicUrl });
  const app = createApp(deps, pages);
  return serveReaderPages(app, {
    publicUrl: deps.publicUrl,
    csp: readerCsp,
    logger: deps.logger,
    cache: deps.renderCache,
    pages,
    appHeaders: headersSetBy(securityHeaders(deps.publicUrl)),
  });
}

/** Builds the whole HTTP surface from its dependencies; server.ts makes them and listens. */
export function createApp(deps: AppDeps, readerPages?: ReaderPages) {
  const { logger, services } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.set('etag', 'strong');

  app.use((req, res, next) => {
    // Below `info` (as in production and the benchmarks) a request costs no logging work at all.
    if (!logger.isLevelEnabled('info')) {
      next();
      return;
    }
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Invite and password-reset links carry a secret in `token`: it stays out of the logs.
      const url = req.originalUrl.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
      logger.info({ method: req.method, url, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  });

  app.use(securityHeaders(deps.publicUrl));
  app.use(compression());

  app.get('/healthz', async (_req, res) => {
    const up = await deps.database.ping();
    res.setHeader('Cache-Control', 'no-store');
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'degraded', database: { kind: deps.database.kind, status: up ? 'up' : 'down' } });
  });

  app.use('/trpc', originGuard(deps.publicUrl), trpcRoute(services, { secureCookies: deps.publicUrl.startsWith('https:'), logger }));
  app.use('/api/media', uploadRoute(services, { publicUrl: deps.publicUrl, logger }));
  app.use('/api/export', exportRoute(services, { logger }));
  app.use('/api/import', importRoute(services, { publicUrl: deps.publicUrl, logger }));
  app.use('/media', mediaRoute(deps.mediaStore, services.mediaAvailability));
  app.use('/admin', dashboardRoute());
  app.use(feedsRoute(services));
  app.use(manifestRoute(services));
  app.use(marketsStreamRoute(services, { logger }).router);
  app.use(searchSuggestRoute(services));
  const pages = readerPages ?? createReaderPages(services, { assets: deps.readerAssets, publicUrl: deps.publicUrl });
  app.use(readerRoute(pages, { publicUrl: deps.publicUrl, logger, cache: deps.renderCache }));

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (res.headersSent) return;
    res.status(status).type('text/plain').send(status === 500 ? 'Something went wrong.' : String(error?.message ?? 'Bad request'));
  };
  app.use(onError);
  return app;
}
