import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { EmbeddedLock } from './embedded-lock.ts';
import { EmbeddedDialect } from './embedded-driver.ts';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { STALE_STATEMENT, statementNameOf } from './prepared-query.ts';
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
   * A connection string for a library that needs its own `pg` connection (the job queue). On a server
   * that is DATABASE_URL; embedded, a new Postgres-protocol socket on 127.0.0.1 in front of the same
   * PGlite that takes ONE connection (see lockedForSocket): set the library's pool size to 1.
   */
  connectionString(): Promise<string>;
  /**
   * Upkeep a server's autovacuum does by itself: embedded, VACUUM (ANALYZE), as PGlite runs no background
   * workers: without it the planner never has statistics (and picks nested loops over whole tables) and
   * rows that autosave replaced are never reclaimed. On a server, nothing.
   */
  maintain(): Promise<void>;
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

/** The listeners of each channel; both modes hand notifications out through one of these. */
class ChannelListeners {
  readonly #byChannel = new Map<string, Set<NotificationListener>>();

  /** True when the channel had no listener before (so it still has to be LISTENed to). */
  add(channel: string, listener: NotificationListener): boolean {
    const known = this.#byChannel.get(channel);
    if (known) known.add(listener);
    else this.#byChannel.set(channel, new Set([listener]));
    return !known;
  }

  remove(channel: string, listener: NotificationListener): void {
    this.#byChannel.get(channel)?.delete(listener);
  }

  dispatch(channel: string, payload: string): void {
    for (const listener of this.#byChannel.get(channel) ?? []) listener(payload);
  }
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  let listenClient: pg.Client | undefined;
  const listeners = new ChannelListeners();

  return {
    db,
    kind: 'postgres',
    pglite: undefined,
    connectionString: async () => databaseUrl,
    ping: () => ping(db),
    maintain: async () => {},
    async listen(channel, listener) {
      assertChannel(channel);
      if (!listenClient) {
        listenClient = new pg.Client({ connectionString: databaseUrl });
        listenClient.on('error', () => {});
        await listenClient.connect();
        listenClient.on('notification', (message) => listeners.dispatch(message.channel, message.payload ?? ''));
      }
      if (listeners.add(channel, listener)) await listenClient.query(`LISTEN ${channel}`);
      return async () => listeners.remove(channel, listener);
    },
    async close() {
      await listenClient?.end().catch(() => {});
      await db.destroy();
    },
  };
}

/**
 * The pool Kysely sees: a prepared query's statement (see prepared-query.ts) goes to Postgres by name, so
 * each connection parses and plans it once; pg skips the Parse for a name the connection already has.
 * Any other text goes unnamed, as before. After a schema change has made a kept statement unusable, the
 * query runs unnamed once and later ones under a new name.
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  let generation = 0;
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapped = clients.get(client);
    if (wrapped) return wrapped;
    const query = async (text: unknown, values?: readonly unknown[]) => {
      const name = typeof text === 'string' ? statementNameOf(text) : undefined;
      if (name === undefined) return client.query(text as string, values as unknown[]);
      try {
        return await client.query({ name: generation ? `${name}_${generation}` : name, text: text as string, values: values as unknown[] });
      } catch (error) {
        if (!STALE_STATEMENT.has((error as { code?: string }).code ?? '')) throw error;
        generation++;
        return client.query(text as string, values as unknown[]);
      }
    };
    wrapped = {
      query,
      release: (destroy?: boolean) => client.release(destroy),
      // Kysely cancels a query by this process id.
      get processID() {
        return (client as { processID?: number }).processID;
      },
    } as unknown as PostgresPoolClient;
    clients.set(client, wrapped);
    return wrapped;
  };
  return {
    Client: pg.Client,
    options: pool.options,
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  } as PostgresPool;
}

/** Message types that end a client's exchange: Sync, simple Query, Terminate. */
const EXCHANGE_END = new Set([0x53, 0x51, 0x58]);

/**
 * The PGlite the socket server sees: every message it runs takes the shared lock, held from the first
 * message of an exchange until the exchange ends (Sync, Query or Terminate) outside a transaction. So
 * Kysely (in process) and the socket's client interleave only at safe points. pglite-socket itself
 * interleaves single messages of different connections, so only ONE socket client is safe.
 */
function lockedForSocket(pglite: PGlite, lock: EmbeddedLock): PGlite {
  let release: (() => void) | undefined;
  let lastType = 0;
  return new Proxy(pglite, {
    get(target, prop, receiver) {
      if (prop === 'runExclusive') {
        return async <T>(fn: () => Promise<T>): Promise<T> => {
          release ??= await lock.acquire();
          try {
            return await target.runExclusive(fn);
          } finally {
            if (EXCHANGE_END.has(lastType) && !target.isInTransaction()) {
              const done = release;
              release = undefined;
              done?.();
            }
          }
        };
      }
      if (prop === 'execProtocolRawStream') {
        return (message: Uint8Array, options: unknown) => {
          // A startup packet has no type byte; it ends its own exchange.
          lastType = message.length >= 8 && new DataView(message.buffer, message.byteOffset, 8).getUint32(4) === 196608 ? 0x51 : (message[0] ?? 0);
          return (target.execProtocolRawStream as (m: Uint8Array, o: unknown) => Promise<unknown>)(message, options);
        };
      }
      if (prop === 'exec') {
        // Used by the socket to roll back a disconnected client's transaction.
        return async (query: string) => {
          release ??= await lock.acquire();
          try {
            return await target.exec(query);
          } finally {
            if (!target.isInTransaction()) {
              const done = release;
              release = undefined;
              done?.();
            }
          }
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Embedded mode: Kysely on PGlite in process (through a driver that takes the shared lock), and a
 * Postgres-protocol socket on loopback for the one library that needs its own `pg` connection, the job
 * queue. Both go through the same lock, so neither can run inside the other's transaction or exchange.
 */
async function openPGlite(dataDir: string | undefined): Promise<DbHandle> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // PGlite touches all of its shared buffers when it starts, so they are resident from the first second:
  // 32 MB of them cost ~35 MB of the server's memory more than 8 MB did, for no speed on the reader pages
  // (the demo plus 200 articles is 16 MB on disk; a block that is not held is read from the OS's cache).
  // The embedded mode is for small sites and tests; a large site runs on a PostgreSQL server.
  // Its files are read through the OS cache, so an index lookup costs little more than a sequential read;
  // with the default random_page_cost the planner scans small tables whole, which in WebAssembly is slow.
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB', '-c', 'random_page_cost=1.1'];
  const pglite = await PGlite.create(dataDir ? { dataDir, startParams } : { startParams });
  const lock = new EmbeddedLock();
  // PGlite hands a notification to its listeners only in answers it reads itself; the driver reads its own
  // (see embedded-answer.ts) and hands theirs out here.
  const listeners = new ChannelListeners();
  // After the statement's caller has its answer, as PGlite hands out those it reads.
  const onNotification = (channel: string, payload: string) => queueMicrotask(() => listeners.dispatch(channel, payload));
  const db = new Kysely<Database>({ dialect: new EmbeddedDialect({ pglite, lock, onNotification }) });
  const servers: PGLiteSocketServer[] = [];
  return {
    db,
    kind: 'pglite',
    pglite,
    // A socket of its own for each consumer: each accepts one connection, so the lock can tell whose
    // exchange is open. The consumer must use a single connection (the job queue's pool has max 1 here).
    async connectionString() {
      const server = new PGLiteSocketServer({ db: lockedForSocket(pglite, lock), host: '127.0.0.1', port: 0, maxConnections: 1 });
      await server.start();
      servers.push(server);
      const [host, port] = server.getServerConn().split(':');
      return `postgres://postgres@${host}:${port}/postgres`;
    },
    ping: () => ping(db),
    async maintain() {
      await lock.run(() => pglite.exec('VACUUM (ANALYZE)'));
    },
    async listen(channel, listener) {
      assertChannel(channel);
      const unlisten = await lock.run(() => pglite.listen(channel, listener));
      listeners.add(channel, listener);
      return async () => {
        listeners.remove(channel, listener);
        await lock.run(unlisten);
      };
    },
    async close() {
      for (const server of servers) await server.stop();
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
