import { DomainError, LoginInputSchema, ChangePasswordInputSchema, type SessionUser } from '@newsroom/domain';
import type { z } from 'zod';
import type { RequestMeta, ServiceDeps, SessionActor, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { findCredentialsByEmail, findPasswordHashById } from '../users/user.repository.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.ts';
import { clearRateLimit, hitRateLimit } from './rate-limit.repository.ts';
import { findLiveSession, insertSession, revokeSession, revokeUserSessions, touchSession } from './session.repository.ts';
import { hashToken, newToken } from './tokens.ts';

export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 10,
  perAddress: 30,
} as const;

/** Touch a session's last-seen time at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface LoginResult {
  /** The secret for the session cookie. Only its hash is stored. */
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

export interface ResolvedSession {
  actor: SessionActor & { slug: string };
  tokenHash: string;
}

export function createAuthService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function startSession(userId: string, meta: RequestMeta): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(clock().getTime() + deps.config.sessionTtlMs);
    await insertSession(db, { idHash: hashToken(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent });
    return { token, expiresAt };
  }

  return {
    /** Starts a session for a user already proven to be who they say (a login, an accepted invite). */
    startSession,

    /**
     * Checks an email and password and starts a new session. An unknown email and a wrong password get
     * the same answer after the same work; too many tries per account or per address are refused.
     */
    async login(input: z.input<typeof LoginInputSchema>, meta: RequestMeta): Promise<LoginResult> {
      const { email, password } = LoginInputSchema.parse(input);
      const now = clock();
      const accountKey = `login:account:${email}`;
      const [accountHits, addressHits] = await Promise.all([
        hitRateLimit(db, accountKey, LOGIN_LIMITS.windowMs, now),
        hitRateLimit(db, `login:address:${meta.ip ?? 'unknown'}`, LOGIN_LIMITS.windowMs, now),
      ]);
      if (accountHits > LOGIN_LIMITS.perAccount || addressHits > LOGIN_LIMITS.perAddress) {
        throw new DomainError('RATE_LIMITED', 'Too many login attempts. Wait a few minutes and try again.');
      }

      const user = await findCredentialsByEmail(db, email);
      const valid = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await burnPasswordCheck(password), false);
      if (!user || !valid) throw new DomainError('INVALID_CREDENTIALS', 'The email or password is not right.');
      if (user.status !== 'active') throw new DomainError('ACCOUNT_SUSPENDED', 'This account is suspended.');

      await clearRateLimit(db, accountKey);
      const session = await startSession(user.id, meta);
      const profile = await db
        .updateTable('users')
        .set({ last_login_at: now })
        .where('id', '=', user.id)
        .returning(['id', 'email', 'name', 'role', 'slug'])
        .executeTakeFirstOrThrow();
      return { ...session, user: profile };
    },

    /** The signed-in staff member for a cookie token, or null when it is unknown, expired or revoked. */
    async resolveSession(token: string | undefined): Promise<ResolvedSession | null> {
      if (!token || token.length > 200) return null;
      const now = clock();
      const tokenHash = hashToken(token);
      const row = await findLiveSession(db, tokenHash, now);
      if (!row) return null;
      if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await touchSession(db, tokenHash, now);
      return {
        tokenHash,
        actor: { id: row.id, email: row.email, name: row.name, role: row.role, slug: row.slug },
      };
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await revokeSession(db, hashToken(token), clock());
    },

    /**
     * Changes the actor's own password. Every session of theirs ends; a new one is returned for the
     * browser that asked, so they stay signed in there only.
     */
    async changePassword(ctx: StaffContext, input: z.input<typeof ChangePasswordInputSchema>) {
      const { currentPassword, newPassword } = ChangePasswordInputSchema.parse(input);
      const row = await findPasswordHashById(db, ctx.actor.id);
      if (!row?.password_hash || !(await verifyPassword(row.password_hash, currentPassword))) {
        throw new DomainError('BAD_INPUT', 'The current password is not right.', { field: 'currentPassword' });
      }
      const passwordHash = await hashPassword(newPassword);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', ctx.actor.id).execute();
        await revokeUserSessions(trx, ctx.actor.id, now);
        await insertAudit(trx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: ctx.actor.id });
      });
      return startSession(ctx.actor.id, ctx.meta);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
