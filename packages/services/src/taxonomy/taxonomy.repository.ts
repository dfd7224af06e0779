import { sql, type Database, type Kysely } from '@newsroom/db';

const SECTION_COLUMNS = ['id', 'name', 'slug', 'description', 'position'] as const;

export function listSections(db: Kysely<Database>) {
  return db.selectFrom('sections').select(SECTION_COLUMNS).orderBy('position').orderBy('name').execute();
}

export function findSectionById(db: Kysely<Database>, id: string) {
  return db.selectFrom('sections').select(SECTION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function sectionSlugTaken(
  db: Kysely<Database>,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  let q = db.selectFrom('sections').select('id').where('slug', '=', slug);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function nextSectionPosition(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('sections')
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export function insertSection(
  db: Kysely<Database>,
  section: { name: string; slug: string; description: string; position: number },
) {
  return db.insertInto('sections').values(section).returning(SECTION_COLUMNS).executeTakeFirstOrThrow();
}

export function updateSection(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string; slug?: string; description?: string; position?: number },
) {
  return db
    .updateTable('sections')
    .set(changes)
    .where('id', '=', id)
    .returning(SECTION_COLUMNS)
    .executeTakeFirst();
}

/** Tags whose name or slug contains `query` (all tags without one), names starting with it first. */
export function searchTags(db: Kysely<Database>, query: string | undefined, limit: number) {
  let q = db.selectFrom('tags').select(['id', 'name', 'slug']);
  if (query) {
    const literal = query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q
      .where((eb) =>
        eb.or([eb(sql`lower(name)`, 'like', `%${literal}%`), eb('slug', 'like', `%${literal}%`)]),
      )
      .orderBy(sql`lower(name) LIKE ${`${literal}%`}`, 'desc');
  }
  return q
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Sends readers of a section's old address to its new one. */
export async function redirectSection(
  db: Kysely<Database>,
  fromSlug: string,
  toSlug: string,
  userId: string,
): Promise<void> {
  const to = `/section/${toSlug}`;
  await db.deleteFrom('redirects').where('from_path', '=', to).execute();
  await db
    .insertInto('redirects')
    .values({ from_path: `/section/${fromSlug}`, to_path: to, status_code: 301, created_by: userId })
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: to }))
    .execute();
}

/** Inserts the tag, or returns the one that already has its slug (also when another request made it just now). */
export async function insertTagOrGet(db: Kysely<Database>, tag: { name: string; slug: string }) {
  const inserted = await db
    .insertInto('tags')
    .values(tag)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning(['id', 'name', 'slug'])
    .executeTakeFirst();
  if (inserted) return { tag: inserted, created: true };
  const existing = await db
    .selectFrom('tags')
    .select(['id', 'name', 'slug'])
    .where('slug', '=', tag.slug)
    .executeTakeFirstOrThrow();
  return { tag: existing, created: false };
}
