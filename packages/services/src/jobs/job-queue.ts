import PgBoss from 'pg-boss';
import { CompiledQuery, type Database, type DbHandle, type Kysely } from '@newsroom/db';

/**
 * Durable jobs in Postgres (pg-boss). A job survives restarts, runs on exactly one of several server
 * processes, and is retried when its handler throws. Handlers must be idempotent: they re-check the state
 * they act on, so a late or repeated job changes nothing.
 */
export interface JobQueue {
  /** Handles jobs named `name` on this process. */
  work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void>;
  /**
   * Queues a job to run once, not before `runAt`. Returns its id. Pass the transaction making the change
   * the job belongs to, and the job exists if and only if that change commits.
   */
  sendAt<T extends object>(name: string, data: T, runAt: Date, trx?: Kysely<Database>): Promise<string>;
  /** Queues a job to run as soon as possible. */
  send<T extends object>(name: string, data: T): Promise<string>;
  /** Cancels a queued job; a job already running finishes. */
  cancel(name: string, id: string): Promise<void>;
  /** Runs `name` on a cron schedule (UTC), on one process at a time. */
  every(name: string, cron: string, data?: object): Promise<void>;
  /**
   * Makes sure the queue `name` exists. Call it before `sendAt(…, trx)`: creating a queue needs the
   * queue's own connection, which on the embedded database waits for any open transaction to end.
   */
  prepare(name: string): Promise<void>;
  /** Resolves once the queue is connected and its schema is ready. Every method waits for it. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** The database the jobs live in; the queue opens its own connection to it. */
  database: Pick<DbHandle, 'connectionString' | 'kind'>;
  /** How often idle workers look for due jobs. */
  pollingIntervalSeconds?: number;
  /** Run cron schedules on this process (off in tests that want only explicit jobs). */
  schedules?: boolean;
  onError?: (error: Error) => void;
}

/**
 * Connects in the background: the server can answer requests while the queue starts, and the first
 * call to any method waits until it has.
 */
export function createJobQueue(options: JobQueueOptions): JobQueue {
  let boss!: PgBoss;
  const ready = options.database.connectionString().then(async (connectionString) => {
    boss = new PgBoss({
      connectionString,
      // The embedded database's socket serves one connection per consumer.
      max: options.database.kind === 'pglite' ? 1 : 4,
      schema: 'pgboss',
      schedule: options.schedules ?? true,
      // Cron schedules are checked every 30 s instead of every minute: a minute-level cron fires within 30 s.
      cronMonitorIntervalSeconds: 30,
    });
    boss.on('error', (error) => options.onError?.(error));
    await boss.start();
  });
  // A failed start surfaces through `ready` and every call; nobody is left with an unhandled rejection.
  ready.catch(() => {});
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    await ready;
    if (created.has(name)) return;
    await boss.createQueue(name);
    created.add(name);
  };
  const polling = options.pollingIntervalSeconds ?? 1;

  return {
    ready,
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work<never>(name, { pollingIntervalSeconds: polling, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
    },
    prepare: ensureQueue,
    async sendAt(name, data, runAt, trx) {
      if (trx && !created.has(name)) throw new Error(`prepare('${name}') before queueing it inside a transaction`);
      await ensureQueue(name);
      const db = trx && {
        executeSql: async (text: string, values: unknown[]) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(text, values))).rows }),
      };
      const id = await boss.send(name, data, { startAfter: runAt, retryLimit: 5, retryDelay: 5, retryBackoff: true, ...(db && { db }) });
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },
    async send(name, data) {
      await ensureQueue(name);
      const id = await boss.send(name, data, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },
    async cancel(name, id) {
      await ensureQueue(name);
      await boss.cancel(name, id);
    },
    async every(name, cron, data = {}) {
      await ensureQueue(name);
      await boss.schedule(name, cron, data, { tz: 'UTC' });
    },
    async stop() {
      const started = await ready.then(() => true, () => false);
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
