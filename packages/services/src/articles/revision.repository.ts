import { sql, type Database, type Kysely } from '@newsroom/db';
import type { RevisionKind } from '@newsroom/domain';

/** The text and state a revision keeps. */
export interface RevisionSource {
  id: string;
  version: number;
  headline: string;
  dek: string;
  body: unknown;
  status: string;
}

export function insertRevision(
  db: Kysely<Database>,
  article: RevisionSource,
  revision: {
    kind: RevisionKind;
    createdBy: string | null;
    at: Date;
    clientId?: string | null;
    note?: string;
  },
) {
  return db
    .insertInto('revisions')
    .values({
      article_id: article.id,
      article_version: article.version,
      kind: revision.kind,
      headline: article.headline,
      dek: article.dek,
      body: JSON.stringify(article.body),
      status: article.status,
      note: revision.note ?? '',
      client_id: revision.clientId ?? null,
      created_by: revision.createdBy,
      created_at: revision.at,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** When `userId` last had an autosave of this article kept as a revision, or undefined. */
export async function latestAutosaveAt(
  db: Kysely<Database>,
  articleId: string,
  userId: string,
): Promise<Date | undefined> {
  const row = await db
    .selectFrom('revisions')
    .select('created_at')
    .where('article_id', '=', articleId)
    .where('created_by', '=', userId)
    .where('kind', '=', 'autosave')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at;
}

/** Is `version` of the article kept as a revision (anything but a conflict copy, which is not its text)? */
export async function hasRevisionOfVersion(
  db: Kysely<Database>,
  articleId: string,
  version: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('revisions')
    .select('id')
    .where('article_id', '=', articleId)
    .where('article_version', '=', version)
    .where('kind', '!=', 'conflict')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function revisionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.created_by')
    .select([
      'revisions.id',
      'revisions.article_id',
      'revisions.article_version',
      'revisions.kind',
      'revisions.status',
      'revisions.headline',
      'revisions.note',
      'revisions.created_by',
      'revisions.created_at',
      'users.name as author_name',
      // Microsecond precision for page cursors; a Date would round it to milliseconds.
      sql<string>`to_char(revisions.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_at',
      ),
    ]);
}

export type RevisionListRow = Awaited<ReturnType<typeof listRevisions>>[number];

/**
 * One page of an article's revisions, newest first: by time, then version, then id, so revisions written
 * in the same instant still come out in a fixed order. `after` is the last row of the previous page.
 */
export function listRevisions(
  db: Kysely<Database>,
  articleId: string,
  after: { createdAt: string; version: number; id: string } | null,
  limit: number,
) {
  let q = revisionQuery(db).where('revisions.article_id', '=', articleId);
  if (after) {
    q = q.where(
      sql<boolean>`(revisions.created_at, revisions.article_version, revisions.id) < (${after.createdAt}::timestamptz, ${after.version}::integer, ${after.id}::uuid)`,
    );
  }
  return q
    .orderBy('revisions.created_at', 'desc')
    .orderBy('revisions.article_version', 'desc')
    .orderBy('revisions.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export function findRevision(db: Kysely<Database>, id: string) {
  return revisionQuery(db)
    .select(['revisions.dek', 'revisions.body'])
    .where('revisions.id', '=', id)
    .executeTakeFirst();
}
