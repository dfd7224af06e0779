import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Services, StaffContext } from '@newsroom/services';
import { isDomainError, requireStaff, sendDomainError } from './staff-session.ts';

/**
 * GET /api/export: the whole publication as a zip download (administrators: `data.export`), with the
 * session cookie. The zip is streamed as it is made; if making it fails part way, the connection is cut so
 * the browser reports a failed download rather than saving half a file.
 */
/** Resolves when the response can take more, or is gone (a client that left never drains). */
function writable(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function exportRoute(services: Services, options: { logger: Logger }): Router {
  const router = Router();
  router.get('/', requireStaff(services, 'data.export'), async (req: Request, res: Response, next: NextFunction) => {
    let archive;
    try {
      archive = await services.transfer.exportArchive(res.locals.staff as StaffContext);
    } catch (error) {
      if (isDomainError(error)) return sendDomainError(res, error);
      return next(error);
    }
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${archive.filename}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      for await (const chunk of archive.chunks) {
        if (!res.write(chunk)) await writable(res);
        if (req.destroyed || res.destroyed) return;
      }
      res.end();
    } catch (error) {
      options.logger.error({ err: error }, 'export failed part way');
      res.destroy(error as Error);
    }
  });
  return router;
}
