import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { freshNonce, pageResponse, writeBody } from './cached-page.ts';
import { cacheKey, isCacheablePath, type RenderCache } from './render-cache.ts';

/**
 * Answers GET and HEAD for reader pages already in the cache before Express sees the request; everything
 * else (and every miss) goes to the app. A hit costs a Map lookup and writing the cached buffers with a new
 * nonce between them, where Express with its middleware would cost several times that. Parity with the app: the
 * page's headers from helmet (and any other middleware) were recorded when it first went through Express
 * and are replayed here; only pages that have been through it once are served, and each request is
 * logged as the app logs it. Middleware that must see every request (a rate limit, a maintenance switch)
 * has to be added here as well.
 */
export function serveCachedPages(
  app: RequestListener,
  cache: RenderCache,
  options: { publicUrl: string; csp: (nonce: string) => string; logger: Logger },
): RequestListener {
  // The level is fixed for the process; at `warn` and above a hit does no logging work at all.
  const logRequests = options.logger.isLevelEnabled('info');
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = logRequests ? process.hrtime.bigint() : 0n;
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url?.startsWith('/')) {
      let url: URL | undefined;
      try {
        url = new URL(req.url, options.publicUrl);
      } catch {
        url = undefined;
      }
      const page = url && isCacheablePath(url.pathname) ? cache.get(cacheKey(url)) : undefined;
      if (page?.fastPath && page.appHeaders) {
        const nonce = freshNonce();
        const { status, headers, body } = pageResponse(req, page, {
          nonce,
          csp: options.csp(nonce),
          shared: true,
          cache: 'HIT',
          changedAt: cache.changedAt,
        });
        res.writeHead(status, { ...page.appHeaders, ...headers });
        writeBody(res, body);
        if (logRequests) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          options.logger.info({ method: req.method, url: req.url, status, ms: Math.round(ms * 10) / 10 }, 'request');
        }
        return;
      }
    }
    void app(req, res);
  };
}
