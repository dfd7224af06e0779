import { sql, type Database, type Kysely } from '@newsroom/db';

export type SnapshotProvider = 'weather' | 'markets' | 'widget-status';

export function findIntegrations(db: Kysely<Database>, options: { forUpdate?: boolean } = {}) {
  return db
    .selectFrom('publication_settings')
    .select('integrations')
    .where('id', '=', 1)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
}

export function updateIntegrations(
  db: Kysely<Database>,
  integrations: Record<string, unknown>,
  by: { at: Date; userId: string },
) {
  return db
    .updateTable('publication_settings')
    .set({ integrations: JSON.stringify(integrations), updated_at: by.at, updated_by: by.userId })
    .where('id', '=', 1)
    .execute();
}

export function findSnapshots(db: Kysely<Database>, provider: SnapshotProvider, keys?: string[]) {
  if (keys && keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('provider_snapshots')
    // json, not jsonb: the embedded database hands jsonb to JavaScript far more slowly.
    .select(['key', sql<unknown>`data::json`.as('data'), 'observed_at', 'fetched_at'])
    .where('provider', '=', provider)
    .$if(keys !== undefined, (q) => q.where('key', 'in', keys!))
    .execute();
}

/**
 * Stores the latest snapshot for one key. An answer observed earlier than what is stored (a slow
 * request finishing after a newer one) does not replace it.
 */
export function upsertSnapshot(
  db: Kysely<Database>,
  row: { provider: SnapshotProvider; key: string; data: unknown; observedAt: Date; fetchedAt: Date },
) {
  return db
    .insertInto('provider_snapshots')
    .values({
      provider: row.provider,
      key: row.key,
      data: JSON.stringify(row.data),
      observed_at: row.observedAt,
      fetched_at: row.fetchedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['provider', 'key'])
        .doUpdateSet((eb) => ({
          data: eb.ref('excluded.data'),
          observed_at: eb.ref('excluded.observed_at'),
          fetched_at: eb.ref('excluded.fetched_at'),
        }))
        .where('provider_snapshots.observed_at', '<=', (eb) => eb.ref('excluded.observed_at')),
    )
    .execute();
}
