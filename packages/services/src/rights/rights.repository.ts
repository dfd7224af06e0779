import type { Database, Kysely } from '@newsroom/db';

/** The publication's rights setting; `warn` until settings exist. */
export async function findRightsEnforcement(db: Kysely<Database>): Promise<'block' | 'warn'> {
  const row = await db.selectFrom('publication_settings').select('rights_enforcement').where('id', '=', 1).executeTakeFirst();
  return row?.rights_enforcement ?? 'warn';
}

/** The rights columns of images, for the publish check. */
export function findImageRights(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .select(['id', 'original_filename', 'alt_text', 'creator', 'credit', 'copyright_holder', 'license_code', 'license_expires_at', 'withdrawn_at'])
    .where('id', 'in', ids)
    .execute();
}

/**
 * Withdraws, in one statement, up to `limit` images whose licence has run out by `now` and that are not
 * withdrawn yet; returns them. The conditions are repeated on the outer UPDATE, so a concurrent run that
 * waited on the same rows re-checks them and takes none twice.
 */
export function withdrawExpiredMedia(db: Kysely<Database>, now: Date, reason: string, limit: number) {
  return db
    .updateTable('media')
    .set({ withdrawn_at: now, withdrawn_reason: reason, updated_at: now })
    .where('license_expires_at', '<=', now)
    .where('withdrawn_at', 'is', null)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('media')
        .select('id')
        .where('license_expires_at', '<=', now)
        .where('withdrawn_at', 'is', null)
        .orderBy('license_expires_at')
        .limit(limit),
    )
    .returning(['id', 'alt_text', 'original_filename', 'credit', 'license_expires_at'])
    .execute();
}

export function setWithdrawn(db: Kysely<Database>, id: string, value: { at: Date | null; reason: string | null }, now: Date) {
  return db.updateTable('media').set({ withdrawn_at: value.at, withdrawn_reason: value.reason, updated_at: now }).where('id', '=', id).executeTakeFirst();
}
