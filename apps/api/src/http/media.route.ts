import { extname } from 'node:path';
import { Router } from 'express';
import type { MediaStore } from '@newsroom/services';

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Serves stored files. Keys never change content, but an image can be withdrawn (by hand or when its
 * licence runs out): then its files answer 410, and caches are told to keep a file for a day at most.
 */
export function mediaRoute(store: MediaStore, availability: { isServable(key: string): Promise<boolean> }): Router {
  const router = Router();
  router.get('/{*key}', async (req, res, next) => {
    try {
      const key = (req.params as { key?: string[] }).key?.join('/') ?? '';
      const type = TYPES[extname(key).toLowerCase()];
      if (type && !(await availability.isServable(key))) {
        res.setHeader('Cache-Control', 'no-store');
        res.status(410).type('text/plain').send('This image has been withdrawn.');
        return;
      }
      const file = type ? await store.get(key) : undefined;
      if (!file || !type) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Length', String(file.bytes));
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // An SVG opened on its own can run no script and load nothing.
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      file.stream.on('error', next).pipe(res);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
