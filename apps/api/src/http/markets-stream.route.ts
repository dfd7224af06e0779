import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { PublicMarketsSchema } from '@newsroom/domain';
import type { Services } from '@newsroom/services';

/**
 * /live/markets.json: a shared cache may reuse it for 15 s (quotes are fetched once a minute at most); a
 * browser asks each time, or a reload would show the quotes it had.
 */
const QUOTES_CACHE_CONTROL = 'public, max-age=0, s-maxage=15';

export interface MarketsStreamOptions {
  logger: Logger;
  /** Open streams on this process; more are answered 503 and the page stays as rendered. */
  maxConnections?: number;
  maxPerClient?: number;
  /** How often the stored quotes are read while anyone is listening. */
  pollMs?: number;
  heartbeatMs?: number;
  /** A stream is closed after this long; the browser reconnects (to whichever process is behind the balancer). */
  maxLifetimeMs?: number;
}

export interface MarketsStream {
  router: Router;
  readonly connections: number;
  /** Ends every stream and stops polling (shutdown, tests). */
  close(): void;
}

/**
 * GET /live/markets: Server-Sent Events with the stored quotes, sent on connect and again whenever they
 * change; GET /live/markets.json: the same quotes once, as JSON. One poller per process reads the database every `pollMs` while at least one reader is
 * connected, whichever process ran the fetch job; no reader means no queries.
 */
export function marketsStreamRoute(services: Services, options: MarketsStreamOptions): MarketsStream {
  const maxConnections = options.maxConnections ?? 500;
  const maxPerClient = options.maxPerClient ?? 6;
  const pollMs = options.pollMs ?? 2_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const maxLifetimeMs = options.maxLifetimeMs ?? 15 * 60_000;
  const clients = new Map<Response, { ip: string; ends: NodeJS.Timeout }>();
  let last: { signature: string; message: string } | null = null;
  let poller: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let reading: Promise<void> | null = null;

  const broadcast = (chunk: string) => {
    for (const res of clients.keys()) res.write(chunk);
  };

  /** Reads the quotes; when they differ from the last ones sent, sends them to everyone. */
  const read = () =>
    (reading ??= (async () => {
      try {
        const markets = PublicMarketsSchema.parse(await services.widgets.markets());
        const signature = JSON.stringify(markets);
        if (signature === last?.signature) return;
        last = { signature, message: `event: quotes\ndata: ${signature}\n\n` };
        broadcast(last.message);
      } catch (error) {
        // The database may be briefly away; readers keep what they have and the next poll tries again.
        options.logger.warn({ err: error }, 'live markets: could not read quotes');
      } finally {
        reading = null;
      }
    })());

  const start = () => {
    poller = setInterval(() => void read(), pollMs);
    heartbeat = setInterval(() => broadcast(': keep-alive\n\n'), heartbeatMs);
  };
  const stop = () => {
    clearInterval(poller);
    clearInterval(heartbeat);
    poller = heartbeat = undefined;
    last = null;
  };

  const remove = (res: Response) => {
    const client = clients.get(res);
    if (!client) return;
    clearTimeout(client.ends);
    clients.delete(res);
    if (clients.size === 0) stop();
  };

  const router = Router();
  // The quotes now, once: for the header strip of a page that may have come from a cache minutes ago.
  router.get('/live/markets.json', async (_req: Request, res: Response, next) => {
    try {
      const markets = PublicMarketsSchema.parse((await services.widgets.snapshot()).markets);
      res.setHeader('Cache-Control', QUOTES_CACHE_CONTROL);
      res.json(markets);
    } catch (error) {
      next(error);
    }
  });
  router.get('/live/markets', async (req: Request, res: Response) => {
    const ip = req.ip ?? 'unknown';
    let fromClient = 0;
    for (const client of clients.values()) if (client.ip === ip) fromClient += 1;
    if (clients.size >= maxConnections || fromClient >= maxPerClient) {
      res
        .status(503)
        .setHeader('Retry-After', '60')
        .setHeader('Cache-Control', 'no-store')
        .type('text/plain')
        .send('Too many live connections; the page still works without them.');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps the compression middleware from buffering the stream.
      'Cache-Control': 'no-cache, no-store, no-transform',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    res.on('error', () => remove(res));
    res.write('retry: 5000\n\n');
    const ends = setTimeout(() => res.end(), maxLifetimeMs);
    clients.set(res, { ip, ends });
    req.on('close', () => remove(res));
    if (clients.size === 1) start();
    if (last) res.write(last.message);
    else await read();
  });

  return {
    router,
    get connections() {
      return clients.size;
    },
    close() {
      for (const res of [...clients.keys()]) {
        res.end();
        remove(res);
      }
    },
  };
}
