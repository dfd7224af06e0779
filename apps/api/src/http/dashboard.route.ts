import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import express, { Router } from 'express';

const require = createRequire(import.meta.url);
const distDir = join(dirname(require.resolve('@newsroom/dashboard/package.json')), 'dist');

const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the built dashboard SPA at /admin; every client-side route gets index.html. */
export function dashboardRoute(): Router {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('The dashboard has not been built. Run `pnpm build` (pnpm start does it for you).');
  }
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    res.setHeader('X-Robots-Tag', 'noindex');
    next();
  });
  router.use('/assets', express.static(join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.use(express.static(distDir, { index: false, maxAge: 0, redirect: false }));
  router.get('/{*path}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(distDir, 'index.html'));
  });
  return router;
}
