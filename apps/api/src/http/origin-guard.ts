import type { NextFunction, Request, Response } from 'express';

/**
 * Refuses cross-site writes to the API. A mutation must come as JSON (a plain HTML form cannot send that
 * without a CORS preflight we never grant) and, when the browser says where it came from, from our origin.
 */
export function originGuard(publicOrigin: string, options: { contentType?: 'application/json' | 'application/octet-stream' | 'application/zip' } = {}) {
  const allowed = new URL(publicOrigin).origin;
  // Uploads and imports send raw bytes: also types no plain form can send without a preflight.
  const contentType = options.contentType ?? 'application/json';
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const origin = req.headers.origin;
    const fetchSite = req.headers['sec-fetch-site'];
    const sameHost = origin !== undefined && origin === `${req.protocol}://${req.headers.host}`;
    if ((origin !== undefined && origin !== allowed && !sameHost) || fetchSite === 'cross-site') {
      res.status(403).json({ error: { message: 'Cross-site requests are refused.', code: 'FORBIDDEN' } });
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (!type.toLowerCase().startsWith(contentType)) {
      res.status(415).json({ error: { message: `Send the request body as ${contentType}.`, code: 'UNSUPPORTED_MEDIA_TYPE' } });
      return;
    }
    next();
  };
}
