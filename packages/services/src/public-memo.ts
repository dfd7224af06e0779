import type { Database, Kysely } from '@newsroom/db';

// What every public page reads and seldom changes (settings, the widget snapshot), kept per database for
// a short while. Every public change clears all of it: on this process at once, on the others when the
// change is announced to them (the host calls forgetPublicMemos).
const memos = new WeakMap<Kysely<Database>, Map<string, { value: Promise<unknown>; until: number }>>();

/** The value for `key`, loaded at most once per `ttlMs`; a failed load is not kept. Inside a transaction it is read fresh. */
export function memoized<T>(db: Kysely<Database>, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  if (db.isTransaction) return load();
  let forDb = memos.get(db);
  if (!forDb) memos.set(db, (forDb = new Map()));
  const now = Date.now();
  const hit = forDb.get(key);
  if (hit && hit.until > now) return hit.value as Promise<T>;
  const value = load();
  const entry = { value, until: now + ttlMs };
  forDb.set(key, entry);
  value.catch(() => {
    if (forDb.get(key) === entry) forDb.delete(key);
  });
  return value;
}

/** Drops one memo, or all of them for the database. */
export function forgetPublicMemos(db: Kysely<Database>, key?: string): void {
  if (key === undefined) memos.delete(db);
  else memos.get(db)?.delete(key);
}
