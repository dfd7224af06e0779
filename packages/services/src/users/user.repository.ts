import type { Database, Kysely, NewUser } from '@newsroom/db';

/** Columns safe to hand to any caller: never the password hash. */
export const STAFF_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.slug',
  'users.role',
  'users.status',
  'users.bio',
  'users.photo_media_id',
  'users.created_at',
  'users.last_login_at',
] as const;

export function findStaffById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select(STAFF_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The one query that reads a password hash: for checking a login or a password change. */
export function findCredentialsByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'status', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export function findPasswordHashById(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').select(['password_hash']).where('id', '=', id).executeTakeFirst();
}

export function listStaff(db: Kysely<Database>, filter: { status?: string; role?: string; query?: string }) {
  let q = db.selectFrom('users').select(STAFF_COLUMNS).orderBy('name').orderBy('id').limit(500);
  if (filter.status) q = q.where('status', '=', filter.status as 'active');
  if (filter.role) q = q.where('role', '=', filter.role as 'author');
  if (filter.query) {
    const like = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
  }
  return q.execute();
}

export async function insertUser(db: Kysely<Database>, user: NewUser) {
  return db.insertInto('users').values(user).returning(STAFF_COLUMNS).executeTakeFirstOrThrow();
}

/**
 * Byline slugs starting with `base`, of staff and guest authors alike: both are served at /author/:slug,
 * so a slug must be free in both. `exceptUserId` leaves out the member whose slug is being chosen.
 */
export async function authorSlugsLike(db: Kysely<Database>, base: string, exceptUserId?: string): Promise<Set<string>> {
  const [staff, guests] = await Promise.all([
    db
      .selectFrom('users')
      .select('slug')
      .where('slug', 'like', `${base}%`)
      .$if(exceptUserId !== undefined, (q) => q.where('id', '!=', exceptUserId!))
      .execute(),
    db.selectFrom('guest_authors').select('slug').where('slug', 'like', `${base}%`).execute(),
  ]);
  return new Set([...staff, ...guests].map((r) => r.slug));
}

/** True when a staff member other than `exceptUserId`, or a guest author, already has this byline slug. */
export async function isAuthorSlugTaken(db: Kysely<Database>, slug: string, exceptUserId: string): Promise<boolean> {
  const [staff, guest] = await Promise.all([
    db.selectFrom('users').select('id').where('slug', '=', slug).where('id', '!=', exceptUserId).executeTakeFirst(),
    db.selectFrom('guest_authors').select('id').where('slug', '=', slug).executeTakeFirst(),
  ]);
  return staff !== undefined || guest !== undefined;
}
