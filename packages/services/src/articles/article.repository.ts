import { sql, type ArticleUpdate, type Database, type Kysely } from '@newsroom/db';
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

/** Updates only if the stored version is still `baseVersion`; returns undefined when it is not. */
export function updateArticleIfVersion(db: Kysely<Database>, id: string, baseVersion: number, changes: ArticleUpdate) {
  return db
    .updateTable('articles')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .returningAll()
    .executeTakeFirst();
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
