import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'newsroom_session';

/** Reads one cookie from the request without a cookie-parsing middleware on every route. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function sessionCookieWriter(res: Response, secure: boolean) {
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    set(token: string, expiresAt: Date) {
      res.cookie(SESSION_COOKIE, token, { ...base, expires: expiresAt });
    },
    clear() {
      res.clearCookie(SESSION_COOKIE, base);
    },
  };
}
