import type { NextFunction, Request, Response } from 'express';
import { can, isDomainError, type Action, type DomainError } from '@newsroom/domain';
import type { Services, StaffContext } from '@newsroom/services';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { requestMeta } from './request-meta.ts';

const HTTP_STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 } as const;

/** `{ error: { message, code, field? } }`, the shape every plain-HTTP API route answers errors in. */
export function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { message, code, ...(field ? { field } : {}) } });
}

/** A DomainError from a service as its HTTP status and the usual error body. */
export function sendDomainError(res: Response, error: DomainError): void {
  const status = HTTP_STATUS[error.transportCode as keyof typeof HTTP_STATUS] ?? 400;
  sendError(res, status, error.transportCode, error.message, error.field);
}

export { isDomainError };

/**
 * For plain-HTTP routes outside tRPC: the session cookie must name a signed-in staff member whose role
 * may do `action` (401, 403 otherwise). The staff context is left in `res.locals.staff`. Responses are
 * never cached.
 */
export function requireStaff(services: Services, action: Action) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.setHeader('Cache-Control', 'no-store');
      const session = await services.auth.resolveSession(readCookie(req, SESSION_COOKIE));
      if (!session) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in to continue.');
      if (!can(session.actor, action)) return sendError(res, 403, 'FORBIDDEN', `Your role (${session.actor.role}) may not ${action}.`);
      res.locals.staff = { actor: session.actor, meta: requestMeta(req) } satisfies StaffContext;
      next();
    } catch (error) {
      next(error);
    }
  };
}
