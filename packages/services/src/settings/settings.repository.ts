import type { Database, Kysely } from '@newsroom/db';
import { forgetPublicMemos, memoized } from '../public-memo.ts';

/** The settings row, read now. */
export function findSettings(db: Kysely<Database>) {
  return db.selectFrom('publication_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}
const querySettings = findSettings;

type SettingsRow = Awaited<ReturnType<typeof querySettings>>;

/** Settings are read on every public page and change rarely: kept per database for a short while. */
const SETTINGS_TTL_MS = 30_000;

/**
 * The settings row for public pages: outside a transaction it comes from a short-lived memo that every
 * public change clears (see public-memo.ts); inside one it is read fresh. Editing code uses findSettings.
 */
export function findSettingsCached(db: Kysely<Database>): Promise<SettingsRow> {
  return memoized(db, 'settings', SETTINGS_TTL_MS, () => querySettings(db));
}

/** Drops the memos after a change; the host also calls it when another process announces one. */
export function forgetCachedSettings(db: Kysely<Database>): void {
  forgetPublicMemos(db);
}

export function findMediaFiles(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('media')
    .select(['id', 'storage_key', 'width', 'height', 'alt_text', 'withdrawn_at'])
    .where('id', 'in', ids)
    .execute();
}
