import { sql, type ArticleRow, type ArticleUpdate, type Database, type Kysely } from '@newsroom/db';
import type { ArticleAuthorRef, ArticleListInput } from '@newsroom/domain';

export function findArticleById(db: Kysely<Database>, id: string) {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** User ids that own an article for permission checks: its staff authors and whoever created it. */
export async function findArticleOwnerIds(db: Kysely<Database>, articleId: string, createdBy: string | null): Promise<string[]> {
  const rows = await db.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).where('user_id', 'is not', null).execute();
  const ids = rows.map((r) => r.user_id!);
  if (createdBy && !ids.includes(createdBy)) ids.push(createdBy);
  return ids;
}

export function findArticleAuthors(db: Kysely<Database>, articleIds: readonly string[]) {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('article_authors')
    .leftJoin('users', 'users.id', 'article_authors.user_id')
    .leftJoin('guest_authors', 'guest_authors.id', 'article_authors.guest_author_id')
    .select([
      'article_authors.article_id',
      'article_authors.position',
      'article_authors.user_id',
      'article_authors.guest_author_id',
      sql<string>`coalesce(users.name, guest_authors.name)`.as('name'),
      sql<string>`coalesce(users.slug, guest_authors.slug)`.as('slug'),
    ])
    .where('article_authors.article_id', 'in', articleIds)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
}

export function findArticleTags(db: Kysely<Database>, articleIds: readonly string[]) {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.name', 'tags.slug'])
    .where('article_tags.article_id', 'in', articleIds)
    .orderBy('article_tags.position')
    .execute();
}

export async function slugTaken(db: Kysely<Database>, slug: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function slugsLike(db: Kysely<Database>, base: string): Promise<Set<string>> {
  const rows = await db.selectFrom('articles').select('slug').where('slug', 'like', `${base}%`).execute();
  return new Set(rows.map((r) => r.slug));
}

/**
 * Updates only if the stored version is still `baseVersion`; returns undefined when it is not. The write
 * names no editor session, so it ends any run of same-session saves (see updateArticleForSave).
 */
export function updateArticleIfVersion(db: Kysely<Database>, id: string, baseVersion: number, changes: ArticleUpdate) {
  return db
    .updateTable('articles')
    .set({ ...changes, version: sql`version + 1`, updated_client_id: null, client_run_base_version: null })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .returningAll()
    .executeTakeFirst();
}

/**
 * An editor's save. It applies when the stored version is `baseVersion`, or when every version after
 * `baseVersion` was written by the same user from the same editor session (`clientId`): the articles row
 * keeps who wrote the current version from which session, and the version that unbroken run of saves
 * started from. Any other writer, a status change or a session-less save starts a new run. Returns
 * undefined when the save does not apply.
 */
export function updateArticleForSave(
  db: Kysely<Database>,
  id: string,
  save: { baseVersion: number; userId: string; clientId: string | null },
  changes: ArticleUpdate,
) {
  const { baseVersion, userId, clientId } = save;
  const sameRun = clientId === null ? sql<boolean>`false` : sql<boolean>`(updated_by = ${userId}::uuid AND updated_client_id = ${clientId})`;
  return db
    .updateTable('articles')
    .set({
      ...changes,
      updated_by: userId,
      updated_client_id: clientId,
      // Column references on the right are the values before this update.
      client_run_base_version: sql<number>`CASE WHEN ${sameRun} THEN client_run_base_version ELSE version END`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('version', '=', baseVersion),
        eb.and([eb('version', '>', baseVersion), eb('client_run_base_version', '<=', baseVersion), sameRun]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}

/** Whether a save from `baseVersion` by this user and session applies to `row`; the same rule as updateArticleForSave. */
export function saveApplies(
  row: Pick<ArticleRow, 'version' | 'updated_by' | 'updated_client_id' | 'client_run_base_version'>,
  save: { baseVersion: number; userId: string; clientId: string | null },
): boolean {
  if (row.version === save.baseVersion) return true;
  return (
    save.clientId !== null &&
    row.version > save.baseVersion &&
    row.updated_by === save.userId &&
    row.updated_client_id === save.clientId &&
    row.client_run_base_version !== null &&
    row.client_run_base_version <= save.baseVersion
  );
}

export async function replaceArticleTags(db: Kysely<Database>, articleId: string, tagIds: readonly string[]) {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto('article_tags')
    .values(tagIds.map((tagId, position) => ({ article_id: articleId, tag_id: tagId, position })))
    .execute();
}

export async function countTags(db: Kysely<Database>, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db.selectFrom('tags').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes the article if it is still at `baseVersion`; true when it was deleted. */
export async function deleteArticleIfVersion(db: Kysely<Database>, id: string, baseVersion: number): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).where('version', '=', baseVersion).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Publishes a scheduled article in one statement, only if it is still scheduled for exactly
 * `scheduledAt`: a job for an article since rescheduled, unscheduled or already published changes nothing.
 */
export function publishIfScheduled(db: Kysely<Database>, id: string, scheduledAt: Date) {
  return db
    .updateTable('articles')
    .set({
      status: 'published',
      published_at: sql`scheduled_at`,
      first_published_at: sql`coalesce(first_published_at, scheduled_at)`,
      updated_at: sql`greatest(updated_at, scheduled_at)`,
      scheduled_at: null,
      publish_job_id: null,
      updated_client_id: null,
      client_run_base_version: null,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '=', scheduledAt)
    .returningAll()
    .executeTakeFirst();
}

/** Scheduled articles whose time has come, oldest first. */
export function findOverdueScheduled(db: Kysely<Database>, now: Date, limit: number) {
  return db
    .selectFrom('articles')
    .select(['id', 'scheduled_at'])
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at')
    .limit(limit)
    .execute();
}

/** Replaces the byline with `authors`, in order: staff accounts and guest authors alike. */
export async function replaceArticleAuthors(db: Kysely<Database>, articleId: string, authors: readonly ArticleAuthorRef[]) {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (authors.length === 0) return;
  await db
    .insertInto('article_authors')
    .values(
      authors.map((a, position) => ({
        article_id: articleId,
        position,
        user_id: a.kind === 'staff' ? a.id : null,
        guest_author_id: a.kind === 'guest' ? a.id : null,
      })),
    )
    .execute();
}

/**
 * The names of the staff accounts and guest authors among `authors`, keyed `staff:<id>` or `guest:<id>`;
 * an id missing from the map names nobody.
 */
export async function findBylineNames(db: Kysely<Database>, authors: readonly ArticleAuthorRef[]): Promise<Map<string, string>> {
  const staffIds = authors.filter((a) => a.kind === 'staff').map((a) => a.id);
  const guestIds = authors.filter((a) => a.kind === 'guest').map((a) => a.id);
  const [users, guests] = await Promise.all([
    staffIds.length > 0 ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', staffIds).execute() : [],
    guestIds.length > 0 ? db.selectFrom('guest_authors').select(['id', 'name']).where('id', 'in', guestIds).execute() : [],
  ]);
  return new Map([...users.map((u) => [`staff:${u.id}`, u.name] as const), ...guests.map((g) => [`guest:${g.id}`, g.name] as const)]);
}

type SortKey = ArticleListInput['sort'];

/** Sort columns that may be empty (a draft's published_at). Rows without a value come last in either direction. */
export const NULLABLE_SORTS: ReadonlySet<SortKey> = new Set<SortKey>(['published_at']);

/**
 * Where the previous page ended: the last row's `sort_key` exactly as the database gave it (a timestamp to
 * the microsecond, never rounded through a JavaScript Date) and its id; `value` is null for a row without one.
 */
export interface ArticlePagePosition {
  value: string | null;
  id: string;
}

/**
 * One page of the editorial list, newest first by default, with keyset pagination: the cursor is the
 * last row's sort value and id, so page 1,000 costs what page 1 does. Fetches `limit + 1` rows so the
 * caller can tell whether there is a next page.
 *
 * Each row carries `sort_key`, its sort value as text (timestamps as UTC ISO 8601 with microseconds), which
 * is what a cursor holds and what the next page compares against, cast back to the column's type.
 *
 * `authorId` keeps articles with that byline; `onlyOwnedBy` (the actor's own, for roles that read only
 * those) also keeps those the user created, as findArticleOwnerIds does.
 *
 * The page may be the union of up to four parts, each one index range in sort order with its own limit:
 * rows with a sort value and (for published_at) rows without one, and for `onlyOwnedBy` those bylined and
 * those created. An OR across them would leave the planner no index order to follow; split, each part
 * reads about a page, whether the user has three articles or thirty thousand.
 */
export function listArticlesPage(db: Kysely<Database>, input: ArticleListInput & { onlyOwnedBy?: string }, after: ArticlePagePosition | null) {
  const column = `articles.${input.sort}` as const;
  const dir = input.direction;
  const op = dir === 'desc' ? '<' : '>';
  const nullable = NULLABLE_SORTS.has(input.sort);
  const sortKey =
    input.sort === 'headline'
      ? sql<string>`articles.headline`
      : sql<string | null>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const typed = (value: string) => (input.sort === 'headline' ? sql`${value}::text` : sql`${value}::timestamptz`);

  let base = db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.slug',
      'articles.status',
      'articles.updated_at',
      'articles.created_at',
      'articles.published_at',
      'articles.version',
      'sections.name as section_name',
      sortKey.as('sort_key'),
    ]);
  type Part = typeof base;
  const bylined = (userId: string) => (q: Part) =>
    q.where((eb) =>
      eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id').whereRef('article_authors.article_id', '=', 'articles.id').where('article_authors.user_id', '=', userId)),
    );

  if (input.status) base = base.where('articles.status', '=', input.status);
  if (input.sectionId) base = base.where('articles.section_id', '=', input.sectionId);
  if (input.tagId) {
    const tagId = input.tagId;
    base = base.where((eb) => eb.exists(eb.selectFrom('article_tags').select('tag_id').whereRef('article_tags.article_id', '=', 'articles.id').where('article_tags.tag_id', '=', tagId)));
  }
  if (input.authorId) base = bylined(input.authorId)(base);
  if (input.query) base = base.where(sql<boolean>`articles.search @@ websearch_to_tsquery('english', ${input.query})`);

  const ownerId = input.onlyOwnedBy;
  const owners: Array<(q: Part) => Part> = ownerId ? [bylined(ownerId), (q) => q.where('articles.created_by', '=', ownerId)] : [(q) => q];
  const positions: Array<(q: Part) => Part> = [];
  if (after?.value !== null) {
    // Rows with a value, after the cursor's: a row comparison is one index range.
    positions.push((q) => {
      const valued = nullable ? q.where(column, 'is not', null) : q;
      return after ? valued.where(sql<boolean>`(${sql.ref(column)}, articles.id) ${sql.raw(op)} (${typed(after.value!)}, ${after.id}::uuid)`) : valued;
    });
  }
  if (nullable) {
    // Rows without a value come after every row with one, by id.
    positions.push((q) => (after?.value === null ? q.where(column, 'is', null).where('articles.id', op, after.id) : q.where(column, 'is', null)));
  }
  // Plain ASC/DESC (no NULLS LAST) in each part, to match the indexes on (column, id) read either way.
  const parts = owners.flatMap((owner) =>
    positions.map((position) =>
      position(owner(base))
        .orderBy(column, dir)
        .orderBy('articles.id', dir)
        .limit(input.limit + 1),
    ),
  );
  if (parts.length === 1) return parts[0]!.execute();

  const [first, ...rest] = parts.map((part) => db.selectFrom(part.as('part')).selectAll());
  return db
    .selectFrom(rest.reduce((union, part) => union.union(part), first!).as('page'))
    .selectAll()
    .orderBy(sql`${sql.ref(`page.${input.sort}`)} ${sql.raw(dir === 'desc' ? 'DESC' : 'ASC')} NULLS LAST`)
    .orderBy('page.id', dir)
    .limit(input.limit + 1)
    .execute();
}
