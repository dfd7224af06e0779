import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { EmbeddedLock } from './embedded-lock.ts';
import { STALE_STATEMENT } from './prepared-query.ts';

const { serialize } = protocol;

/** Statements worth keeping prepared: the data statements Kysely builds, not transaction control. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** How many prepared statements the session keeps; the least recently used beyond that are closed. */
const STATEMENT_CACHE_SIZE = 500;

interface Prepared {
  name: string;
  paramTypes: number[];
}

/**
 * The one connection to the embedded database, with every data statement prepared once and kept by
 * name. Planning in WebAssembly is slow (an article page's query plans in about 3 ms and runs in under
 * 1 ms), so re-running a prepared statement is several times faster than PGlite's `query`, which parses
 * and plans every time. Postgres re-plans a kept statement by itself when a table it reads changes.
 */
class EmbeddedConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #statements = new Map<string, Prepared>();
  #nextName = 1;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.#run<R>(compiled);
    } catch (error) {
      if (!STALE_STATEMENT.has((error as { code?: string }).code ?? '')) throw error;
      // Another session's DDL made the kept statement unusable; prepare it afresh once.
      await this.#forget(compiled.sql);
      return this.#run<R>(compiled);
    }
  }

  // Kysely requires the method; nothing here streams.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported on the embedded database.');
  }

  async #run<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const pglite = this.#pglite;
    const messages = await pglite.runExclusive(async () => {
      const prepared = await this.#prepare(compiled.sql);
      const values = compiled.parameters.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = pglite.serializers[prepared.paramTypes[i] ?? 0];
        return serializer ? serializer(value) : String(value);
      });
      // One exchange, sent at once: after an error Postgres skips to the Sync, which ends it either way.
      return this.#send(serialize.bind({ statement: prepared.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync());
    });
    if (!pglite.isInTransaction()) await pglite.syncToFs();
    const [result] = parse.parseResults(messages, pglite.parsers, { rowMode: 'object' });
    return {
      numAffectedRows: result?.affectedRows != null ? BigInt(result.affectedRows) : undefined,
      rows: (result?.rows ?? []) as R[],
    };
  }

  /** Protocol messages sent as one buffer: one call into WebAssembly instead of one per message. */
  #send(...messages: Uint8Array[]) {
    const buffer = new Uint8Array(messages.reduce((sum, m) => sum + m.length, 0));
    let offset = 0;
    for (const message of messages) {
      buffer.set(message, offset);
      offset += message.length;
    }
    return this.#pglite.execProtocolStream(buffer, { syncToFs: false });
  }

  /** The named statement for this text, parsed and described on first use; unnamed for others. */
  async #prepare(sql: string): Promise<Prepared> {
    const kept = this.#statements.get(sql);
    if (kept) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.#statements.delete(sql);
      this.#statements.set(sql, kept);
      return kept;
    }
    const name = PREPARABLE.test(sql) ? `newsroom_${this.#nextName++}` : '';
    // A statement that does not parse throws here and is not kept.
    const described = await this.#send(serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), serialize.sync());
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    if (name) {
      this.#statements.set(sql, prepared);
      if (this.#statements.size > STATEMENT_CACHE_SIZE) {
        const [oldestSql, oldest] = this.#statements.entries().next().value!;
        this.#statements.delete(oldestSql);
        await this.#send(serialize.close({ type: 'S', name: oldest.name }), serialize.sync());
      }
    }
    return prepared;
  }

  async #forget(sql: string): Promise<void> {
    const kept = this.#statements.get(sql);
    if (!kept) return;
    this.#statements.delete(sql);
    // The statement may already be gone; closing a missing name is not an error in Postgres.
    await this.#pglite.runExclusive(() => this.#send(serialize.close({ type: 'S', name: kept.name }), serialize.sync()));
  }
}

/**
 * Kysely's driver for the embedded database. Kysely's own PGlite driver hands its one connection to every
 * caller at once, so a query from one request could run inside another request's open transaction; this
 * one holds the shared lock from acquiring the connection to releasing it: one query, or one whole
 * transaction, at a time (the job queue's socket takes the same lock, see create-db.ts).
 */
class EmbeddedDriver implements Driver {
  readonly #pglite: PGlite;
  readonly #lock: EmbeddedLock;
  #connection: EmbeddedConnection | undefined;
  #release: (() => void) | undefined;

  constructor(pglite: PGlite, lock: EmbeddedLock) {
    this.#pglite = pglite;
    this.#lock = lock;
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
    this.#connection = new EmbeddedConnection(this.#pglite);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#lock.acquire();
    if (!this.#connection || this.#pglite.closed) {
      this.#release();
      this.#release = undefined;
      throw new Error('The embedded database is closed.');
    }
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const modes = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : '',
      settings.accessMode ? settings.accessMode : '',
    ].filter(Boolean);
    await connection.executeQuery(CompiledQuery.raw(`begin${modes.length ? ` ${modes.join(', ')}` : ''}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async destroy(): Promise<void> {
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export class EmbeddedDialect implements Dialect {
  readonly #pglite: PGlite;
  readonly #lock: EmbeddedLock;

  constructor(config: { pglite: PGlite; lock: EmbeddedLock }) {
    this.#pglite = config.pglite;
    this.#lock = config.lock;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new EmbeddedDriver(this.#pglite, this.#lock);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
