/**
 * One holder at a time over the embedded database. PGlite runs one session: an extended-protocol
 * exchange (Parse … Sync) or a transaction must not have anything else run in its middle. Kysely takes
 * the lock per query or per transaction; the job queue's socket connection takes it from its first
 * message until the server is idle again (after Sync, outside a transaction).
 */
export class EmbeddedLock {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; call the returned function exactly once to let the next holder in. */
  async acquire(): Promise<() => void> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
