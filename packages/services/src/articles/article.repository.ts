import { sql, type ArticleRow, type ArticleUpdate, type Database, type Kysely } from '@newsroom/db';
import type { ArticleListInput } from '@newsroom/domain';

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

export async function replaceArticleAuthors(db: Kysely<Database>, articleId: string, userIds: readonly string[]) {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('article_authors')
    .values(userIds.map((userId, position) => ({ article_id: articleId, position, user_id: userId, guest_author_id: null })))
    .execute();
}

type SortKey = ArticleListInput['sort'];

/**
 * One page of the editorial list, newest first by default, with keyset pagination: the cursor is the
 * last row's sort value and id, so page 1,000 costs what page 1 does.
 */
export function listArticlesPage(
  db: Kysely<Database>,
  input: ArticleListInput & { onlyOwnedBy?: string },
  after: { value: string | null; id: string } | null,
) {
  const column = `articles.${input.sort}` as `articles.${SortKey}`;
  const desc = input.direction === 'desc';
  let q = db
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
    ]);
  if (input.status) q = q.where('articles.status', '=', input.status);
  if (input.sectionId) q = q.where('articles.section_id', '=', input.sectionId);
  if (input.tagId) {
    const tagId = input.tagId;
    q = q.where((eb) => eb.exists(eb.selectFrom('article_tags').select('tag_id').whereRef('article_tags.article_id', '=', 'articles.id').where('article_tags.tag_id', '=', tagId)));
  }
  for (const userId of [input.authorId, input.onlyOwnedBy]) {
    if (!userId) continue;
    q = q.where((eb) =>
      eb.or([
        eb('articles.created_by', '=', userId),
        eb.exists(eb.selectFrom('article_authors').select('user_id').whereRef('article_authors.article_id', '=', 'articles.id').where('article_authors.user_id', '=', userId)),
      ]),
    );
  }
  if (input.query) q = q.where(sql<boolean>`articles.search @@ websearch_to_tsquery('english', ${input.query})`);
  if (after) {
    const op = desc ? '<' : '>';
    // Rows with no value (a draft's published_at) sort last, after every dated row.
    q =
      after.value === null
        ? q.where(column, 'is', null).where('articles.id', op, after.id)
        : q.where((eb) =>
            eb.or([
              eb(column, op, after.value as never),
              eb.and([eb(column, '=', after.value as never), eb('articles.id', op, after.id)]),
              eb(column, 'is', null),
            ]),
          );
  }
  return q
    .orderBy(sql`${sql.ref(column)} ${sql.raw(desc ? 'DESC' : 'ASC')} NULLS LAST`)
    .orderBy('articles.id', desc ? 'desc' : 'asc')
    .limit(input.limit + 1)
    .execute();
}
