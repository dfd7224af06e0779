import type { Database, Kysely } from '@newsroom/db';

export async function touchPresence(
  db: Kysely<Database>,
  articleId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto('article_presence')
    .values({ article_id: articleId, user_id: userId, seen_at: at })
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ seen_at: at }))
    .execute();
}

export async function removePresence(db: Kysely<Database>, articleId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('article_presence')
    .where('article_id', '=', articleId)
    .where('user_id', '=', userId)
    .execute();
}

/** Everyone but `exceptUserId` seen on the article since `since`, most recent first. */
export function findPresentUsers(db: Kysely<Database>, articleId: string, exceptUserId: string, since: Date) {
  return db
    .selectFrom('article_presence')
    .innerJoin('users', 'users.id', 'article_presence.user_id')
    .select(['users.id', 'users.name', 'article_presence.seen_at'])
    .where('article_presence.article_id', '=', articleId)
    .where('article_presence.user_id', '!=', exceptUserId)
    .where('article_presence.seen_at', '>', since)
    .orderBy('article_presence.seen_at', 'desc')
    .execute();
}
