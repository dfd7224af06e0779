import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { SerialPGliteDialect } from './serial-driver.ts';
import type { Database } from './schema.ts';

export type DbConfig =
  | { kind: 'postgres'; databaseUrl: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | undefined };

export type NotificationListener = (payload: string) => void;

export interface DbHandle {
  db: Kysely<Database>;
  kind: DbConfig['kind'];
  /** The embedded instance, for tools that need it directly (the Postgres socket for job queues). */
  pglite: PGlite | undefined;
  /** Runs `SELECT 1`; false when the database does not answer. */
  ping(): Promise<boolean>;
  /** Subscribes to a Postgres NOTIFY channel; the returned function unsubscribes. */
  listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// Return timestamps as Date and bigint counts as numbers small enough for JavaScript.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});

/** Opens the database the configuration names. Call once in a host; tests make their own. */
export async function createDb(config: DbConfig): Promise<DbHandle> {
  return config.kind === 'postgres' ? openPostgres(config.databaseUrl, config.poolSize ?? 10) : openPGlite(config.dataDir);
}

function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let listenClient: pg.Client | undefined;
  const listeners = new Map<string, Set<NotificationListener>>();

  return {
    db,
    kind: 'postgres',
    pglite: undefined,
    ping: () => ping(db),
    async listen(channel, listener) {
      assertChannel(channel);
      if (!listenClient) {
        listenClient = new pg.Client({ connectionString: databaseUrl });
        listenClient.on('error', () => {});
        await listenClient.connect();
        listenClient.on('notification', (message) => {
          for (const fn of listeners.get(message.channel) ?? []) fn(message.payload ?? '');
        });
      }
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await listenClient.query(`LISTEN ${channel}`);
      }
      set.add(listener);
      return async () => {
        set.delete(listener);
      };
    },
    async close() {
      await listenClient?.end().catch(() => {});
      await db.destroy();
    },
  };
}

async function openPGlite(dataDir: string | undefined): Promise<DbHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const db = new Kysely<Database>({ dialect: new SerialPGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    ping: () => ping(db),
    async listen(channel, listener) {
      assertChannel(channel);
      const unsubscribe = await pglite.listen(channel, listener);
      return unsubscribe;
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
