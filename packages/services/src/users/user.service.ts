import {
  DomainError,
  assertCan,
  canChangeRole,
  canManageUser,
  slugify,
  uniqueSlug,
  type Role,
  type StaffMember,
} from '@newsroom/domain';
import type { Database, Kysely } from '@newsroom/db';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { revokeUserSessions } from '../auth/session.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { mediaPath } from '../media/media-url.ts';
import { authorSlugsLike, findStaffById, insertUser, listStaff, STAFF_COLUMNS } from './user.repository.ts';

export type StaffRow = Awaited<ReturnType<typeof findStaffById>> & {};

export async function toStaffMember(db: Kysely<Database>, row: StaffRow): Promise<StaffMember> {
  let photoUrl: string | null = null;
  if (row.photo_media_id) {
    const media = await db.selectFrom('media').select('storage_key').where('id', '=', row.photo_media_id).executeTakeFirst();
    photoUrl = media ? mediaPath(media.storage_key) : null;
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    slug: row.slug,
    role: row.role,
    status: row.status,
    bio: row.bio,
    photoUrl,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export interface NewStaffInput {
  email: string;
  name: string;
  role: Role;
  password: string | null;
  bio?: string;
}

export function createUserService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function loadTarget(id: string) {
    const row = await findStaffById(db, id);
    if (!row) throw new DomainError('USER_NOT_FOUND', 'No such staff member.', { field: 'userId' });
    return row;
  }

  return {
    /** Creates an account without checks: for first start and for tests. Staff invite people instead. */
    async createAccount(input: NewStaffInput, trx: Kysely<Database> = db): Promise<StaffMember> {
      const base = slugify(input.name);
      const slug = uniqueSlug(base, await authorSlugsLike(trx, base));
      try {
        const row = await insertUser(trx, {
          email: input.email.toLowerCase(),
          name: input.name,
          slug,
          role: input.role,
          status: input.password ? 'active' : 'invited',
          password_hash: input.password ? await hashPassword(input.password) : null,
          bio: input.bio ?? '',
        });
        return toStaffMember(trx, row);
      } catch (error) {
        if (String((error as { code?: string }).code) === '23505') {
          throw new DomainError('EMAIL_TAKEN', 'Someone on the staff already has that email.', { field: 'email' });
        }
        throw error;
      }
    },

    async list(ctx: StaffContext, filter: { status?: string; role?: string; query?: string }): Promise<StaffMember[]> {
      assertCan(ctx.actor, 'staff.list');
      const rows = await listStaff(db, filter);
      return Promise.all(rows.map((row) => toStaffMember(db, row)));
    },

    async get(ctx: StaffContext, id: string): Promise<StaffMember> {
      assertCan(ctx.actor, 'staff.list');
      return toStaffMember(db, await loadTarget(id));
    },

    async changeRole(ctx: StaffContext, input: { userId: string; role: Role }): Promise<StaffMember> {
      assertCan(ctx.actor, 'staff.changeRole');
      const target = await loadTarget(input.userId);
      if (!canChangeRole(ctx.actor, target, input.role)) {
        throw new DomainError('FORBIDDEN', `Your role (${ctx.actor.role}) may not make a ${target.role} a ${input.role}.`, { field: 'role' });
      }
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('users')
          .set({ role: input.role, updated_at: clock() })
          .where('id', '=', target.id)
          .returning(STAFF_COLUMNS)
          .executeTakeFirstOrThrow();
        await insertAudit(trx, ctx, { action: 'user.role_changed', entityType: 'user', entityId: target.id, before: { role: target.role }, after: { role: input.role } });
        return toStaffMember(trx, row);
      });
    },

    /** Suspends an account: its sessions end at once and it cannot sign in until restored. */
    async setSuspended(ctx: StaffContext, input: { userId: string; suspended: boolean }): Promise<StaffMember> {
      assertCan(ctx.actor, 'staff.suspend');
      const target = await loadTarget(input.userId);
      if (target.role === 'owner') throw new DomainError('OWNER_PROTECTED', 'The owner cannot be suspended.', { field: 'userId' });
      if (!canManageUser(ctx.actor, target)) throw new DomainError('FORBIDDEN', `Your role (${ctx.actor.role}) may not manage a ${target.role}.`);
      const next = input.suspended ? 'suspended' : 'active';
      const now = clock();
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('users').set({ status: next, updated_at: now }).where('id', '=', target.id).returning(STAFF_COLUMNS).executeTakeFirstOrThrow();
        if (input.suspended) await revokeUserSessions(trx, target.id, now);
        await insertAudit(trx, ctx, { action: input.suspended ? 'user.suspended' : 'user.restored', entityType: 'user', entityId: target.id, before: { status: target.status }, after: { status: next } });
        return toStaffMember(trx, row);
      });
    },

    /** The owner hands ownership to an active administrator and becomes an administrator. */
    async transferOwnership(ctx: StaffContext, input: { userId: string }): Promise<void> {
      assertCan(ctx.actor, 'ownership.transfer');
      const target = await loadTarget(input.userId);
      if (target.id === ctx.actor.id) throw new DomainError('BAD_INPUT', 'You already own the publication.', { field: 'userId' });
      if (target.role !== 'administrator' || target.status !== 'active') {
        throw new DomainError('BAD_INPUT', 'Ownership can only go to an active administrator.', { field: 'userId' });
      }
      await db.transaction().execute(async (trx) => {
        const now = clock();
        // Demote first: at most one owner may exist at any moment.
        await trx.updateTable('users').set({ role: 'administrator', updated_at: now }).where('id', '=', ctx.actor.id).execute();
        await trx.updateTable('users').set({ role: 'owner', updated_at: now }).where('id', '=', target.id).execute();
        await insertAudit(trx, ctx, { action: 'ownership.transferred', entityType: 'user', entityId: target.id, before: { owner: ctx.actor.id }, after: { owner: target.id } });
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
