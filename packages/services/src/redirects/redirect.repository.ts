import type { Database, Kysely } from '@newsroom/db';

const COLUMNS = ['id', 'from_path', 'to_path', 'status_code', 'article_id', 'created_by', 'created_at'] as const;

export function listRedirects(db: Kysely<Database>, filter: { query?: string }, limit: number) {
  let q = db.selectFrom('redirects').select(COLUMNS).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
  if (filter.query) {
    const like = `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('from_path', 'ilike', like), eb('to_path', 'ilike', like)]));
  }
  return q.execute();
}

export function findRedirectById(db: Kysely<Database>, id: string) {
  return db.selectFrom('redirects').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findRedirectByFrom(db: Kysely<Database>, fromPath: string) {
  return db.selectFrom('redirects').select(COLUMNS).where('from_path', '=', fromPath).executeTakeFirst();
}

export function insertRedirect(db: Kysely<Database>, values: { fromPath: string; toPath: string; statusCode: number; createdBy: string }) {
  return db
    .insertInto('redirects')
    .values({ from_path: values.fromPath, to_path: values.toPath, status_code: values.statusCode, created_by: values.createdBy })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function deleteRedirect(db: Kysely<Database>, id: string) {
  return db.deleteFrom('redirects').where('id', '=', id).returning(COLUMNS).executeTakeFirst();
}

export type RedirectRow = Awaited<ReturnType<typeof findRedirectById>> & {};
