import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import * as initial from './migrations/2026_11_30_0001_initial.ts';
import * as editorial from './migrations/2026_11_30_0100_editorial.ts';
import * as rights from './migrations/2026_11_30_0300_rights.ts';
import * as listIndexes from './migrations/2026_11_30_0400_list_indexes.ts';

/** Every migration, by its dated name. Names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_30_0001_initial': initial,
  '2026_11_30_0100_editorial': editorial,
  '2026_11_30_0300_rights': rights,
  '2026_11_30_0400_list_indexes': listIndexes,
};

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs every pending migration; safe when several processes start at once (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}
