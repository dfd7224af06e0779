import {
  CreateGuestAuthorInputSchema,
  DomainError,
  UpdateProfileInputSchema,
  assertCan,
  canManageUser,
  slugify,
  uniqueSlug,
  type CreateGuestAuthorInput,
  type GuestAuthor,
  type StaffMember,
} from '@newsroom/domain';
import type { Database, Kysely } from '@newsroom/db';
import type { z } from 'zod';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { mediaPath } from '../media/media-url.ts';
import { authorSlugsLike, findStaffById, isAuthorSlugTaken, STAFF_COLUMNS } from '../users/user.repository.ts';
import { toStaffMember } from '../users/user.service.ts';

const isUniqueViolation = (error: unknown) => String((error as { code?: string }).code) === '23505';

async function assertMediaExists(db: Kysely<Database>, id: string, field: string): Promise<void> {
  const row = await db.selectFrom('media').select('id').where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
  if (!row) throw new DomainError('BAD_INPUT', 'No such image in the media library.', { field });
}

/** Staff profiles (name, bio, photo, byline slug) and guest bylines for people outside the staff. */
export function createProfileService(deps: ServiceDeps) {
  const { db, clock } = deps;

  return {
    /** Changes a profile: one's own, or that of someone the actor manages. Slugs are unique among staff and guests. */
    async updateProfile(ctx: StaffContext, input: z.input<typeof UpdateProfileInputSchema>): Promise<StaffMember> {
      const { userId, ...changes } = UpdateProfileInputSchema.parse(input);
      const target = await findStaffById(db, userId);
      if (!target) throw new DomainError('USER_NOT_FOUND', 'No such staff member.', { field: 'userId' });
      if (target.id !== ctx.actor.id && !canManageUser(ctx.actor, target)) {
        throw new DomainError('FORBIDDEN', `Your role (${ctx.actor.role}) may not change the profile of a ${target.role}.`, { field: 'userId' });
      }
      if (changes.photoMediaId) await assertMediaExists(db, changes.photoMediaId, 'photoMediaId');
      if (changes.slug && changes.slug !== target.slug) {
        if (await isAuthorSlugTaken(db, changes.slug, target.id)) {
          throw new DomainError('SLUG_TAKEN', 'Another author (on the staff or a guest) already has that address.', { field: 'slug' });
        }
      }
      const set = {
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.bio !== undefined && { bio: changes.bio }),
        ...(changes.photoMediaId !== undefined && { photo_media_id: changes.photoMediaId }),
        ...(changes.slug !== undefined && { slug: changes.slug }),
      };
      const before = { name: target.name, bio: target.bio, photoMediaId: target.photo_media_id, slug: target.slug };
      try {
        const row = await db.transaction().execute(async (trx) => {
          const updated = await trx
            .updateTable('users')
            .set({ ...set, updated_at: clock() })
            .where('id', '=', target.id)
            .returning(STAFF_COLUMNS)
            .executeTakeFirstOrThrow();
          await insertAudit(trx, ctx, {
            action: 'user.profile_updated',
            entityType: 'user',
            entityId: target.id,
            before,
            after: { name: updated.name, bio: updated.bio, photoMediaId: updated.photo_media_id, slug: updated.slug },
          });
          return updated;
        });
        // Bylines and author pages show the name and photo.
        await deps.onPublicChange?.({ kind: 'all' });
        return toStaffMember(db, row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('SLUG_TAKEN', 'Someone on the staff already has that address.', { field: 'slug' });
        throw error;
      }
    },

    /** A byline for someone outside the staff (a freelancer, an agency); they cannot sign in. */
    async createGuestAuthor(ctx: StaffContext, input: CreateGuestAuthorInput): Promise<GuestAuthor> {
      assertCan(ctx.actor, 'staff.invite');
      const { name, bio } = CreateGuestAuthorInputSchema.parse(input);
      const base = slugify(name);
      return db.transaction().execute(async (trx) => {
        // Unique among staff too, so a guest's byline page never shadows a colleague's.
        const slug = uniqueSlug(base, await authorSlugsLike(trx, base));
        const row = await trx.insertInto('guest_authors').values({ name, slug, bio }).returningAll().executeTakeFirstOrThrow();
        await insertAudit(trx, ctx, { action: 'guest_author.created', entityType: 'guest_author', entityId: row.id, after: { name, slug, bio } });
        return { id: row.id, name: row.name, slug: row.slug, bio: row.bio, photoUrl: null, createdAt: row.created_at };
      });
    },

    async guestAuthors(ctx: StaffContext): Promise<GuestAuthor[]> {
      assertCan(ctx.actor, 'staff.list');
      const rows = await db
        .selectFrom('guest_authors')
        .leftJoin('media', 'media.id', 'guest_authors.photo_media_id')
        .select(['guest_authors.id', 'guest_authors.name', 'guest_authors.slug', 'guest_authors.bio', 'guest_authors.created_at', 'media.storage_key'])
        .orderBy('guest_authors.name')
        .orderBy('guest_authors.id')
        .limit(1000)
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, bio: r.bio, photoUrl: r.storage_key ? mediaPath(r.storage_key) : null, createdAt: r.created_at }));
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
