import type { Database, Kysely } from '@newsroom/db';

export function findSettings(db: Kysely<Database>) {
  return db.selectFrom('publication_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

export function findMediaFiles(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .select(['id', 'storage_key', 'width', 'height', 'alt_text', 'withdrawn_at'])
    .where('id', 'in', ids)
    .execute();
}
