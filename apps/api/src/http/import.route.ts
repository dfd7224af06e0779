import express, { Router, type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Services, StaffContext } from '@newsroom/services';
import { originGuard } from './origin-guard.ts';
import { isDomainError, requireStaff, sendDomainError, sendError } from './staff-session.ts';

/** The largest archive POST /api/import reads. It is held in memory while it is unpacked. */
export const IMPORT_MAX_BYTES = 500 * 1024 * 1024;

/**
 * POST /api/import: an archive from GET /api/export as the raw body (`Content-Type: application/zip`), with
 * the session cookie of someone who may `data.import`, from our own origin. Restores it into an empty
 * publication and answers `{ imported }` (counts, files the archive lacked, the former owner's id), or
 * `{ error: { message, code, field } }` with 400, 401, 403, 409 (the publication is not empty), 413 or 415.
 * Origin and type are checked first, then the session, and only then is the body read.
 */
export function importRoute(services: Services, options: { publicUrl: string; logger: Logger }): Router {
  const router = Router();

  const restore = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const bytes: unknown = req.body;
      if (!(bytes instanceof Buffer) || bytes.length === 0) return sendError(res, 400, 'BAD_REQUEST', 'The request holds no archive.', 'archive');
      const imported = await services.transfer.importArchive(res.locals.staff as StaffContext, bytes);
      res.status(200).json({ imported });
    } catch (error) {
      if (isDomainError(error)) return sendDomainError(res, error);
      next(error);
    }
  };

  const bodyErrors: ErrorRequestHandler = (error, req, res, next) => {
    const type = (error as { type?: string } | undefined)?.type;
    if (type === 'entity.too.large') {
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The archive is larger than the limit of ${IMPORT_MAX_BYTES / (1024 * 1024)} MB.`, 'archive');
    }
    if (type === 'request.aborted' || type === 'request.size.invalid') {
      return sendError(res, 400, 'BAD_REQUEST', 'The archive did not arrive whole; try again.', 'archive');
    }
    options.logger.error({ err: error, url: req.originalUrl }, 'import failed');
    if (res.headersSent) return next(error);
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on the server. Nothing was imported.');
  };

  router.post(
    '/',
    originGuard(options.publicUrl, { contentType: 'application/zip' }),
    requireStaff(services, 'data.import'),
    express.raw({ type: 'application/zip', limit: IMPORT_MAX_BYTES }),
    restore,
    bodyErrors,
  );
  return router;
}
