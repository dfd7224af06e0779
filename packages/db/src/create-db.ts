import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
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
  /**
   * A connection string for libraries that need their own `pg` connections (the job queue). On a server
   * that is DATABASE_URL; embedded, a Postgres-protocol socket on 127.0.0.1 in front of the same PGlite.
   */
  connectionString(): Promise<string>;
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
    connectionString: async () => databaseUrl,
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

/**
 * Embedded mode. Every client, Kysely included, reaches PGlite through one Postgres-protocol socket on
 * loopback, whose multiplexer runs one transaction at a time. Kysely's own PGlite dialect would bypass that
 * multiplexer, and a job-queue statement could then run inside a Kysely transaction (or the reverse) and
 * be rolled back with it; socket.db.test.ts shows the case. Going through the socket also means the code
 * path is the same as against a real server.
 */
async function openPGlite(dataDir: string | undefined): Promise<DbHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  const url = `postgres://postgres@${host}:${port}/postgres`;
  // Queries run one at a time inside PGlite anyway; a few connections let transactions queue cheaply.
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    connectionString: async () => url,
    ping: () => ping(db),
    async listen(channel, listener) {
      assertChannel(channel);
      return pglite.listen(channel, listener);
    },
    async close() {
      await db.destroy();
      await server.stop();
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
