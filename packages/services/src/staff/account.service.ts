import {
  AcceptInviteInputSchema,
  DomainError,
  InviteDetailsInputSchema,
  InviteStaffInputSchema,
  ROLE_LABELS,
  RequestPasswordResetInputSchema,
  ResetPasswordInputSchema,
  assertCan,
  assignableRoles,
  canManageUser,
  slugify,
  uniqueSlug,
  type AccountLink,
  type Role,
  type SessionUser,
  type StaffMember,
} from '@newsroom/domain';
import type { Database, Kysely } from '@newsroom/db';
import type { z } from 'zod';
import type { RequestMeta, ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { createAuthService } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { clearRateLimit, hitRateLimit } from '../auth/rate-limit.repository.ts';
import { revokeUserSessions } from '../auth/session.repository.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { findSettings } from '../settings/settings.repository.ts';
import { authorSlugsLike, findCredentialsByEmail, findStaffById, STAFF_COLUMNS } from '../users/user.repository.ts';
import { createUserService, toStaffMember } from '../users/user.service.ts';
import { mailerFor } from './mailer.ts';
import { consumeToken, findUsableToken, insertUserToken, retireUserTokens, type TokenPurpose } from './user-token.repository.ts';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** Self-service reset requests: per email and per address, in a fixed window. */
export const RESET_LIMITS = { windowMs: 60 * 60 * 1000, perAccount: 3, perAddress: 20 } as const;

const LINK_INVALID = () => new DomainError('LINK_INVALID', 'This link has expired or has already been used. Ask for a new one.', { field: 'token' });

export interface InviteResult {
  user: StaffMember;
  link: AccountLink;
}

export interface AcceptInviteResult {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

/**
 * Invites, password resets and acceptance: everything done through a single-use link. Links carry a random
 * secret of which only the hash is stored, and are always built on the configured public URL, never on the
 * Host header of the request that asked for them.
 */
export function createAccountService(deps: ServiceDeps) {
  const { db, clock } = deps;
  const auth = createAuthService(deps);
  const users = createUserService(deps);
  const mailer = mailerFor(deps);

  function linkUrl(page: 'accept-invite' | 'reset-password', token: string): string {
    return `${deps.config.publicUrl.replace(/\/+$/, '')}/admin/${page}?token=${token}`;
  }

  async function issueToken(trx: Kysely<Database>, userId: string, purpose: TokenPurpose, createdBy: string | null, ttlMs: number) {
    const now = clock();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + ttlMs);
    // A new link replaces any the person was sent before.
    await retireUserTokens(trx, userId, purpose, now);
    await insertUserToken(trx, { tokenHash: hashToken(token), userId, purpose, createdBy, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** Sends mail when a mailer is set up; a failed send never undoes the link, which the admin still sees. */
  async function tryMail(to: string, subject: string, text: string): Promise<boolean> {
    if (!mailer) return false;
    try {
      await mailer.send({ to, subject, text });
      return true;
    } catch {
      return false;
    }
  }

  async function publicationName(): Promise<string> {
    return (await findSettings(db))?.name ?? 'Newsroom';
  }

  async function loadTarget(id: string) {
    const row = await findStaffById(db, id);
    if (!row) throw new DomainError('USER_NOT_FOUND', 'No such staff member.', { field: 'userId' });
    return row;
  }

  return {
    /**
     * Invites someone by email with a role the actor may give. Makes an `invited` account (or renews the
     * invite of one not yet accepted) and a link valid for 7 days, returned for the admin to copy and
     * emailed when SMTP is set up.
     */
    async invite(ctx: StaffContext, input: z.input<typeof InviteStaffInputSchema>): Promise<InviteResult> {
      assertCan(ctx.actor, 'staff.invite');
      const { email, role, name } = InviteStaffInputSchema.parse(input);
      const allowed = assignableRoles(ctx.actor);
      if (!allowed.includes(role)) {
        throw new DomainError('FORBIDDEN', `Your role (${ctx.actor.role}) may not invite a ${role}.`, { field: 'role' });
      }
      const result = await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('users')
          .select(STAFF_COLUMNS)
          .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
          .forUpdate()
          .executeTakeFirst();
        let user: StaffMember;
        if (existing) {
          if (existing.status !== 'invited') {
            throw new DomainError('EMAIL_TAKEN', 'Someone on the staff already has that email.', { field: 'email' });
          }
          if (!allowed.includes(existing.role)) {
            throw new DomainError('FORBIDDEN', `Your role (${ctx.actor.role}) may not manage a ${existing.role}.`, { field: 'email' });
          }
          const row = await trx
            .updateTable('users')
            .set({ role, ...(name ? { name } : {}), updated_at: clock() })
            .where('id', '=', existing.id)
            .returning(STAFF_COLUMNS)
            .executeTakeFirstOrThrow();
          user = await toStaffMember(trx, row);
        } else {
          const placeholder = name || email.split('@')[0] || 'New colleague';
          user = await users.createAccount({ email, name: placeholder, role, password: null }, trx);
        }
        const link = await issueToken(trx, user.id, 'invite', ctx.actor.id, INVITE_TTL_MS);
        await insertAudit(trx, ctx, {
          action: existing ? 'user.reinvited' : 'user.invited',
          entityType: 'user',
          entityId: user.id,
          before: existing ? { role: existing.role } : undefined,
          after: { email, role, expiresAt: link.expiresAt },
        });
        return { user, ...link };
      });
      const url = linkUrl('accept-invite', result.token);
      const publication = await publicationName();
      const emailed = await tryMail(
        email,
        `You are invited to join ${publication}`,
        `${ctx.actor.name} invited you to join ${publication} as ${ROLE_LABELS[role]}.\n\n` +
          `Choose your name and password here (the link works once, for 7 days):\n${url}\n\n` +
          `If you did not expect this, ignore this email.\n`,
      );
      return { user: result.user, link: { url, expiresAt: result.expiresAt, emailed } };
    },

    /** Who an invite link is for, so the page can greet them; refused once it is used or expired. */
    async inviteDetails(input: z.input<typeof InviteDetailsInputSchema>): Promise<{ email: string; name: string; role: Role }> {
      const { token } = InviteDetailsInputSchema.parse(input);
      const row = await findUsableToken(db, hashToken(token), 'invite', clock());
      if (!row || row.status !== 'invited') throw LINK_INVALID();
      return { email: row.email, name: row.name, role: row.role };
    },

    /** Sets the invitee's name and password, activates the account, uses up the link and signs them in. */
    async acceptInvite(input: z.input<typeof AcceptInviteInputSchema>, meta: RequestMeta): Promise<AcceptInviteResult> {
      const { token, name, password } = AcceptInviteInputSchema.parse(input);
      const tokenHash = hashToken(token);
      const now = clock();
      // Refuse a dead link before the slow hash; the transaction below checks again, atomically.
      if (!(await findUsableToken(db, tokenHash, 'invite', now))) throw LINK_INVALID();
      const passwordHash = await hashPassword(password);
      const userId = await db.transaction().execute(async (trx) => {
        const id = await consumeToken(trx, tokenHash, 'invite', now);
        if (!id) throw LINK_INVALID();
        const user = await trx.selectFrom('users').select(['id', 'status', 'slug']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (user.status !== 'invited') throw LINK_INVALID();
        const base = slugify(name);
        const slug = uniqueSlug(base, await authorSlugsLike(trx, base, id));
        await trx
          .updateTable('users')
          .set({ name, slug, password_hash: passwordHash, status: 'active', password_changed_at: now, last_login_at: now, updated_at: now })
          .where('id', '=', id)
          .execute();
        await insertAudit(trx, { actor: { id, name }, meta }, { action: 'user.invite_accepted', entityType: 'user', entityId: id, before: { status: 'invited' }, after: { status: 'active', name } });
        return id;
      });
      const session = await auth.startSession(userId, meta);
      const user = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'slug']).where('id', '=', userId).executeTakeFirstOrThrow();
      return { ...session, user };
    },

    /** A password-reset link for someone the actor manages, valid for an hour, to copy (and emailed). */
    async createPasswordReset(ctx: StaffContext, input: { userId: string }): Promise<AccountLink> {
      assertCan(ctx.actor, 'staff.suspend');
      const target = await loadTarget(input.userId);
      if (!canManageUser(ctx.actor, target)) {
        throw new DomainError('FORBIDDEN', `Your role (${ctx.actor.role}) may not manage a ${target.role}.`, { field: 'userId' });
      }
      if (target.status === 'invited') {
        throw new DomainError('BAD_INPUT', 'They have not accepted their invite yet: send a new invite instead.', { field: 'userId' });
      }
      const link = await db.transaction().execute(async (trx) => {
        const issued = await issueToken(trx, target.id, 'password_reset', ctx.actor.id, PASSWORD_RESET_TTL_MS);
        await insertAudit(trx, ctx, { action: 'user.password_reset_created', entityType: 'user', entityId: target.id, after: { expiresAt: issued.expiresAt } });
        return issued;
      });
      const url = linkUrl('reset-password', link.token);
      const emailed = await tryMail(target.email, `Reset your ${await publicationName()} password`, resetText(url, `${ctx.actor.name} made this link for you.`));
      return { url, expiresAt: link.expiresAt, emailed };
    },

    /**
     * Self-service: emails a reset link when the address belongs to an active account. Answers the same
     * whatever the address, and the mail goes out after the answer, so neither tells whether it exists.
     */
    async requestPasswordReset(input: z.input<typeof RequestPasswordResetInputSchema>, meta: RequestMeta): Promise<{ ok: true }> {
      const { email } = RequestPasswordResetInputSchema.parse(input);
      const now = clock();
      const [accountHits, addressHits] = await Promise.all([
        hitRateLimit(db, `reset:account:${email}`, RESET_LIMITS.windowMs, now),
        hitRateLimit(db, `reset:address:${meta.ip ?? 'unknown'}`, RESET_LIMITS.windowMs, now),
      ]);
      if (accountHits > RESET_LIMITS.perAccount || addressHits > RESET_LIMITS.perAddress) {
        throw new DomainError('RATE_LIMITED', 'Too many reset requests. Wait a while and try again.');
      }
      const user = await findCredentialsByEmail(db, email);
      if (!user || user.status !== 'active') return { ok: true };
      const link = await db.transaction().execute(async (trx) => {
        const issued = await issueToken(trx, user.id, 'password_reset', null, PASSWORD_RESET_TTL_MS);
        await insertAudit(trx, { actor: { id: user.id, name: user.name }, meta }, { action: 'user.password_reset_requested', entityType: 'user', entityId: user.id, after: { expiresAt: issued.expiresAt } });
        return issued;
      });
      const url = linkUrl('reset-password', link.token);
      void publicationName()
        .then((publication) => tryMail(user.email, `Reset your ${publication} password`, resetText(url, 'Someone, probably you, asked to reset the password of this account.')))
        .catch(() => {
          // Nothing to tell the requester either way; they can ask again.
        });
      return { ok: true };
    },

    /** Sets a new password from a reset link: the link is used up and every session of the account ends. */
    async resetPassword(input: z.input<typeof ResetPasswordInputSchema>, meta: RequestMeta): Promise<{ ok: true }> {
      const { token, newPassword } = ResetPasswordInputSchema.parse(input);
      const tokenHash = hashToken(token);
      const now = clock();
      if (!(await findUsableToken(db, tokenHash, 'password_reset', now))) throw LINK_INVALID();
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        const id = await consumeToken(trx, tokenHash, 'password_reset', now);
        if (!id) throw LINK_INVALID();
        const user = await trx.selectFrom('users').select(['id', 'name', 'email', 'status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (user.status === 'invited') throw LINK_INVALID();
        await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where('id', '=', id).execute();
        await revokeUserSessions(trx, id, now);
        await retireUserTokens(trx, id, 'password_reset', now);
        // Whoever was locked out by failed logins can sign in with the new password at once.
        await clearRateLimit(trx, `login:account:${user.email.toLowerCase()}`);
        await insertAudit(trx, { actor: { id, name: user.name }, meta }, { action: 'user.password_reset', entityType: 'user', entityId: id });
      });
      return { ok: true };
    },
  };
}

function resetText(url: string, why: string): string {
  return `${why}\n\nChoose a new password here (the link works once, for one hour):\n${url}\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n`;
}

export type AccountService = ReturnType<typeof createAccountService>;
