import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { appRouter } from '@newsroom/trpc';
import type { Services } from '@newsroom/services';
import type { Logger } from 'pino';
import { readCookie, SESSION_COOKIE, sessionCookieWriter } from './cookies.ts';
import { requestMeta } from './request-meta.ts';

/** The largest request body the API reads: an article body may be 2 MB of editor JSON. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function trpcRoute(services: Services, options: { secureCookies: boolean; logger: Logger }) {
  return createExpressMiddleware({
    router: appRouter,
    maxBodySize: MAX_BODY_BYTES,
    async createContext({ req, res }) {
      const token = readCookie(req, SESSION_COOKIE);
      const session = await services.auth.resolveSession(token);
      const cookies = sessionCookieWriter(res, options.secureCookies);
      return {
        services,
        session,
        sessionToken: token,
        meta: requestMeta(req),
        setSessionCookie: cookies.set,
        clearSessionCookie: cookies.clear,
      };
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') options.logger.error({ err: error.cause ?? error, path }, 'procedure failed');
    },
  });
}
