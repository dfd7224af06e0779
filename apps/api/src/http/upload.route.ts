import express, { Router, type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { can, isDomainError } from '@newsroom/domain';
import { MEDIA_LIMITS, type Services, type StaffContext } from '@newsroom/services';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { originGuard } from './origin-guard.ts';
import { requestMeta } from './request-meta.ts';

const HTTP_STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 } as const;

/** `20 MB`: a limit as people write it. */
function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${Math.floor(bytes / 1024)} KB`;
}

function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { message, code, ...(field ? { field } : {}) } });
}

/**
 * The file's name as the browser sent it: URI-encoded in X-File-Name so any name survives a header. Shown
 * and searched only; the storage key is always made by the server.
 */
function fileNameOf(req: Request): string | null {
  const header = req.headers['x-file-name'];
  if (header === undefined || header === '') return 'image';
  if (typeof header !== 'string' || header.length > 2000) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return null;
  }
}

/**
 * POST /api/media: one image as the raw request body (`Content-Type: application/octet-stream`), the
 * session cookie, and the file name in X-File-Name. Answers `{ media }`, or `{ error: { message, code,
 * field } }` with 400, 401, 403, 413 or 415. Checks run in the order that reads the least from strangers:
 * origin and type, then the session and permission, and only then the body.
 */
export function uploadRoute(services: Services, options: { publicUrl: string; logger: Logger }): Router {
  const router = Router();

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.setHeader('Cache-Control', 'no-store');
      const session = await services.auth.resolveSession(readCookie(req, SESSION_COOKIE));
      if (!session) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in to continue.');
      if (!can(session.actor, 'media.upload')) {
        return sendError(res, 403, 'FORBIDDEN', `Your role (${session.actor.role}) may not media.upload.`);
      }
      res.locals.staff = { actor: session.actor, meta: requestMeta(req) } satisfies StaffContext;
      next();
    } catch (error) {
      next(error);
    }
  };

  const upload = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const fileName = fileNameOf(req);
      if (fileName === null) return sendError(res, 400, 'BAD_REQUEST', 'The X-File-Name header must be the URI-encoded file name.', 'fileName');
      const bytes: unknown = req.body;
      if (!(bytes instanceof Buffer) || bytes.length === 0) return sendError(res, 400, 'BAD_REQUEST', 'The request holds no file.', 'file');
      const media = await services.media.upload(res.locals.staff as StaffContext, { bytes, fileName });
      res.status(200).json({ media });
    } catch (error) {
      if (isDomainError(error)) {
        const status = HTTP_STATUS[error.transportCode as keyof typeof HTTP_STATUS] ?? 400;
        return sendError(res, status, error.transportCode, error.message, error.field);
      }
      next(error);
    }
  };

  const bodyErrors: ErrorRequestHandler = (error, req, res, next) => {
    const type = (error as { type?: string } | undefined)?.type;
    if (type === 'entity.too.large') {
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${formatLimit(MEDIA_LIMITS.maxBytes)} per image.`, 'file');
    }
    if (type === 'request.aborted' || type === 'request.size.invalid') {
      return sendError(res, 400, 'BAD_REQUEST', 'The upload did not arrive whole; try again.', 'file');
    }
    options.logger.error({ err: error, url: req.originalUrl }, 'upload failed');
    if (res.headersSent) return next(error);
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on the server. Nothing was stored.');
  };

  router.post(
    '/',
    originGuard(options.publicUrl, { contentType: 'application/octet-stream' }),
    authenticate,
    express.raw({ type: 'application/octet-stream', limit: MEDIA_LIMITS.maxBytes }),
    upload,
    bodyErrors,
  );
  return router;
}
