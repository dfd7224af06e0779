import { PGliteDialect, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import type { EmbeddedLock } from './embedded-lock.ts';

type PGliteDialectConfig = ConstructorParameters<typeof PGliteDialect>[0];

/**
 * Kysely's PGlite driver hands its one connection to every caller at once, so a query from one request
 * could run inside another request's open transaction. This driver holds the shared lock from acquiring
 * the connection to releasing it: one query, or one whole transaction, at a time.
 */
class SerialDriver implements Driver {
  readonly #inner: Driver;
  readonly #lock: EmbeddedLock;
  #release: (() => void) | undefined;

  constructor(inner: Driver, lock: EmbeddedLock) {
    this.#inner = inner;
    this.#lock = lock;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#lock.acquire();
    this.#release = release;
    try {
      return await this.#inner.acquireConnection();
    } catch (error) {
      this.#release = undefined;
      release();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.releaseConnection(connection);
    } finally {
      const release = this.#release;
      this.#release = undefined;
      release?.();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) => this.#inner.savepoint!(connection, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) => this.#inner.rollbackToSavepoint!(connection, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) => this.#inner.releaseSavepoint!(connection, name, compile);

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

export class SerialPGliteDialect extends PGliteDialect {
  readonly #lock: EmbeddedLock;

  constructor(config: PGliteDialectConfig & { lock: EmbeddedLock }) {
    super(config);
    this.#lock = config.lock;
  }

  override createDriver(): Driver {
    return new SerialDriver(super.createDriver(), this.#lock);
  }
}
