import type { RequestMeta, ResolvedSession, Services } from '@newsroom/services';

/** What the host tells the API about one request. */
export interface RequestContext {
  services: Services;
  session: ResolvedSession | null;
  /** The raw session token from the cookie, for logout. */
  sessionToken: string | undefined;
  meta: RequestMeta;
  /** Sets or clears the session cookie on the response. */
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export type Context = RequestContext;
