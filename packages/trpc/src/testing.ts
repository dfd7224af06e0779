import type { StaffContext } from '@newsroom/services';
import type { TestServices } from '@newsroom/services/testing';
import { appRouter } from './app.router.ts';
import { createCallerFactory } from './trpc.ts';
import type { Context } from './context.ts';

const createCaller = createCallerFactory(appRouter);

/** A caller as the given staff member (or anonymous), through the same middleware as HTTP requests. */
export function callerFor(t: TestServices, staff: StaffContext | null, cookies: { set?: string[] } = {}) {
  const ctx: Context = {
    services: t,
    session: staff ? { actor: { ...staff.actor, slug: 'x' }, tokenHash: 'test' } : null,
    sessionToken: undefined,
    meta: staff?.meta ?? { ip: '127.0.0.1', userAgent: 'test' },
    setSessionCookie: (token) => void cookies.set?.push(token),
    clearSessionCookie: () => {},
  };
  return createCaller(ctx);
}
