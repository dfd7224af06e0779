import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import { assetsFromManifest, renderErrorPage, renderReaderPage, type ReaderAssets } from '@newsroom/reader/server';
import { createCallerFactory, readerRouter } from '@newsroom/trpc';
import type { Services } from '@newsroom/services';

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
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export function readerRoute(services: Services, options: { assets: ReaderAssets; publicUrl: string; logger: Logger }): Router {
  const router = Router();
  const createCaller = createCallerFactory(readerRouter);

  router.use(
    '/assets',
    express.static(join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );

  router.get('/{*path}', async (req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    const api = createCaller({
      services,
      session: null,
      sessionToken: undefined,
      meta: { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null },
      setSessionCookie: () => {},
      clearSessionCookie: () => {},
    });
    const ctx = { api, assets: options.assets, publicUrl: options.publicUrl, nonce };
    res.setHeader('Content-Security-Policy', readerCsp(nonce));
    try {
      const url = new URL(req.originalUrl, options.publicUrl);
      const page = await renderReaderPage(url, ctx);
      if (!page) {
        const redirect = await services.reader.redirectFor(url.pathname);
        if (redirect) {
          res.redirect(redirect.status, redirect.to);
          return;
        }
        res.status(404).type('html').send(await renderErrorPage(404, ctx));
        return;
      }
      if (page.status === 404) {
        const redirect = await services.reader.redirectFor(url.pathname);
        if (redirect) {
          res.redirect(redirect.status, redirect.to);
          return;
        }
      }
      if (page.lastModified) res.setHeader('Last-Modified', page.lastModified.toUTCString());
      res.setHeader('Cache-Control', page.status === 200 ? 'public, max-age=0, s-maxage=60, stale-while-revalidate=600' : 'no-store');
      res.status(page.status).type('html').send(page.html);
    } catch (error) {
      options.logger.error({ err: error, url: req.originalUrl }, 'reader page failed');
      try {
        res.status(500).type('html').send(await renderErrorPage(500, ctx));
      } catch {
        next(error);
      }
    }
  });
  return router;
}
