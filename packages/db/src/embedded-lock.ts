/**
 * One holder at a time over the embedded database. PGlite runs one session: an extended-protocol
 * exchange (Parse … Sync) or a transaction must not have anything else run in its middle. Kysely takes
 * the lock per query or per transaction; the job queue's socket connection takes it from its first
 * message until the server is idle again (after Sync, outside a transaction).
 */
/** How long holders may follow one another before Node gets a turn to read its sockets. */
const HANDOVER_SLICE_MS = 2;

export class EmbeddedLock {
  #held = false;
  readonly #waiting: Array<() => void> = [];
  /** When the current run of handovers, all within one turn of the event loop, began. */
  #runStarted = 0;

  /** Waits for the lock; call the returned function exactly once to let the next holder in. */
  async acquire(): Promise<() => void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else {
      this.#held = true;
      this.#runStarted = performance.now();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (!next) this.#held = false;
      else if (performance.now() - this.#runStarted < HANDOVER_SLICE_MS) next();
      else {
        // PGlite answers synchronously, so under load holder after holder would run in one chain of
        // promises without Node ever reading a socket: requests on new connections waited seconds
        // while others were served. Every few milliseconds the next holder waits for the next turn.
        setImmediate(() => {
          this.#runStarted = performance.now();
          next();
        });
      }
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
