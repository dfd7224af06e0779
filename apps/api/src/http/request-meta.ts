import type { Request } from 'express';
import type { RequestMeta } from '@newsroom/services';

/**
 * The client's address as Express sees it: the socket's, unless `trust proxy` is configured, so a forged
 * X-Forwarded-For cannot dodge the login limits.
 */
export function requestMeta(req: Request): RequestMeta {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
}
