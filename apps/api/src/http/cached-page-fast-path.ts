import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isReaderPagePath } from '@newsroom/reader/server';
import { freshNonce, pageResponse, writeBody, type CachedPage } from './cached-page.ts';
import type { ReaderPages } from './reader.route.ts';
import { cacheKey, isCacheablePath, type RenderCache } from './render-cache.ts';

export interface ReaderFrontOptions {
  publicUrl: string;
  csp: (nonce: string) => string;
  logger: Logger;
  /** Absent: every page renders. */
  cache?: RenderCache | undefined;
  pages: ReaderPages;
  /** The headers the app's middleware (helmet) puts on every response: fixed, so taken once. */
  appHeaders: OutgoingHttpHeaders;
}

/**
 * Answers GET and HEAD for reader pages before Express sees the request: cache hits, and misses rendered
 * and stored as the reader route would. Everything else goes to the app, as do redirects, pages that are
 * not the reader's (a 404 for a path another route may take later) and failures (the app then answers
 * with its error page). Express with its middleware costs several times a cache hit and a tenth of an
 * uncached page. Parity with the app: its middleware's headers are given, and each request is logged as
 * the app logs it. Middleware that must see every request (a rate limit, a maintenance switch) has to be
 * added here as well.
 */
export function serveReaderPages(app: RequestListener, options: ReaderFrontOptions): RequestListener {
  const { cache, pages } = options;
  // As the flat name, value, name, value… list writeHead takes (cheaper than an object per response).
  const appHeadersList = Object.entries(options.appHeaders).flatMap(([name, value]) => (value === undefined ? [] : [name, value]));
  // The level is fixed for the process; at `warn` and above a page does no logging work at all.
  const logRequests = options.logger.isLevelEnabled('info');

  const respond = (req: IncomingMessage, res: ServerResponse, page: CachedPage, started: bigint, outcome: 'HIT' | 'MISS' | undefined) => {
    const nonce = freshNonce();
    const { status, headers, body } = pageResponse(req, page, {
      nonce,
      csp: options.csp(nonce),
      shared: true,
      cache: outcome,
      changedAt: cache?.changedAt ?? null,
    });
    const list = appHeadersList.slice();
    for (const name in headers) {
      const value = headers[name];
      if (value !== undefined) list.push(name, value);
    }
    res.writeHead(status, list);
    writeBody(res, body);
    if (logRequests) {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      options.logger.info({ method: req.method, url: req.url, status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  };

  const renderThenRespond = async (req: IncomingMessage, res: ServerResponse, url: URL, key: string, started: bigint) => {
    try {
      const meta = { ip: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent'] ?? null };
      const render = () => pages.render(url, meta);
      const outcome = cache ? await cache.load(key, render, { store: req.method === 'GET' }) : await render();
      if (outcome.kind === 'page' && outcome.page.fastPath) {
        respond(req, res, outcome.page, started, cache ? 'MISS' : undefined);
        return;
      }
    } catch {
      // The app renders it again and answers (and logs) the failure as it does for every route.
    }
    if (!res.headersSent) void app(req, res);
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    const started = logRequests ? process.hrtime.bigint() : 0n;
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url?.startsWith('/')) {
      let url: URL | undefined;
      try {
        url = new URL(req.url, options.publicUrl);
      } catch {
        url = undefined;
      }
      if (url && isCacheablePath(url.pathname)) {
        const key = cacheKey(url);
        const page = cache?.get(key);
        if (page?.fastPath) {
          respond(req, res, page, started, 'HIT');
          return;
        }
        if (!page && isReaderPagePath(url.pathname)) {
          void renderThenRespond(req, res, url, key, started);
          return;
        }
      }
    }
    void app(req, res);
  };
}
