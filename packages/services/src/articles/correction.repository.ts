import type { Database, Kysely } from '@newsroom/db';

function correctionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('corrections')
    .leftJoin('users', 'users.id', 'corrections.created_by')
    .select([
      'corrections.id',
      'corrections.kind',
      'corrections.text',
      'corrections.created_by',
      'corrections.created_at',
      'users.name as author_name',
    ]);
}

export type CorrectionRow = Awaited<ReturnType<typeof listCorrections>>[number];

/** An article's corrections and updates, oldest first, as readers see them. */
export function listCorrections(db: Kysely<Database>, articleId: string) {
  return correctionQuery(db)
    .where('corrections.article_id', '=', articleId)
    .orderBy('corrections.created_at')
    .orderBy('corrections.id')
    .execute();
}

export async function insertCorrection(
  db: Kysely<Database>,
  correction: { articleId: string; kind: 'correction' | 'update'; text: string; createdBy: string; at: Date },
) {
  const { id } = await db
    .insertInto('corrections')
    .values({
      article_id: correction.articleId,
      kind: correction.kind,
      text: correction.text,
      created_by: correction.createdBy,
      created_at: correction.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return correctionQuery(db).where('corrections.id', '=', id).executeTakeFirstOrThrow();
}
