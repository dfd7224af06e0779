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
import { readAnswer, type Answer, type ColumnParsers } from './embedded-answer.ts';
import { bindAndExecute } from './embedded-request.ts';
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

/** Where a notification in an answer the driver read itself goes (PGlite hands out only those it reads). */
export type NotificationHandler = (channel: string, payload: string) => void;

/**
 * The one connection to the embedded database, with every data statement prepared once and kept by
 * name. Planning in WebAssembly is slow (an article page's query plans in about 3 ms and runs in under
 * 1 ms), so re-running a prepared statement is several times faster than PGlite's `query`, which parses
 * and plans every time. Postgres re-plans a kept statement by itself when a table it reads changes.
 */
class EmbeddedConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #onNotification: NotificationHandler;
  readonly #statements = new Map<string, Prepared>();
  #nextName = 1;

  constructor(pglite: PGlite, onNotification: NotificationHandler) {
    this.#pglite = pglite;
    this.#onNotification = onNotification;
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
    const answer = await pglite.runExclusive(async () => {
      const prepared = await this.#prepare(compiled.sql);
      const values = compiled.parameters.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = pglite.serializers[prepared.paramTypes[i] ?? 0];
        return serializer ? serializer(value) : String(value);
      });
      // One exchange, sent at once: after an error Postgres skips to the Sync, which ends it either way.
      return this.#sendRaw(bindAndExecute(prepared.name, values));
    });
    if (!pglite.isInTransaction()) await pglite.syncToFs();
    const parsers = pglite.parsers as ColumnParsers;
    const result = readAnswer(answer, parsers) ?? this.#readTheLongWay(answer, parsers);
    return { numAffectedRows: BigInt(result.affectedRows), rows: result.rows as R[] };
  }

  /**
   * An answer holding more than rows, read by PGlite's protocol parser: its error is thrown (the first, as
   * PGlite does), its notifications handed out, its notices dropped (as PGlite does unless debugging).
   */
  #readTheLongWay(answer: Buffer, parsers: ColumnParsers): Answer {
    const messages: Parameters<typeof parse.parseResults>[0] = [];
    new protocol.Parser().parse(answer, (message) => messages.push(message));
    for (const message of messages) {
      if (message instanceof protocol.messages.NotificationResponseMessage) this.#onNotification(message.channel, message.payload);
    }
    const error = messages.find((message) => message instanceof protocol.messages.DatabaseError);
    if (error) throw error;
    const [result] = parse.parseResults(messages, parsers as Parameters<typeof parse.parseResults>[1], { rowMode: 'object' });
    return { rows: (result?.rows ?? []) as Record<string, unknown>[], affectedRows: result?.affectedRows ?? 0 };
  }

  /** Protocol messages sent as one buffer: one call into WebAssembly instead of one per message. */
  #join(messages: Uint8Array[]): Uint8Array {
    const buffer = new Uint8Array(messages.reduce((sum, m) => sum + m.length, 0));
    let offset = 0;
    for (const message of messages) {
      buffer.set(message, offset);
      offset += message.length;
    }
    return buffer;
  }

  /** Sent and answered as parsed messages (for preparing and closing statements). */
  #send(...messages: Uint8Array[]) {
    return this.#pglite.execProtocolStream(this.#join(messages), { syncToFs: false });
  }

  /** Sent and answered as the bytes Postgres wrote (copied: PGlite hands out views of its memory). */
  async #sendRaw(messages: Uint8Array): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await this.#pglite.execProtocolRawStream(messages, { syncToFs: false, onRawData: (bytes) => chunks.push(Buffer.from(bytes)) });
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
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
  readonly #onNotification: NotificationHandler;
  #connection: EmbeddedConnection | undefined;
  #release: (() => void) | undefined;

  constructor(pglite: PGlite, lock: EmbeddedLock, onNotification: NotificationHandler) {
    this.#pglite = pglite;
    this.#lock = lock;
    this.#onNotification = onNotification;
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
    this.#connection = new EmbeddedConnection(this.#pglite, this.#onNotification);
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
  readonly #onNotification: NotificationHandler;

  constructor(config: { pglite: PGlite; lock: EmbeddedLock; onNotification: NotificationHandler }) {
    this.#pglite = config.pglite;
    this.#lock = config.lock;
    this.#onNotification = config.onNotification;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new EmbeddedDriver(this.#pglite, this.#lock, this.#onNotification);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
