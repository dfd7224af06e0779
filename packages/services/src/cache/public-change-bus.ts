import { randomUUID } from 'node:crypto';
import { sql, type DbHandle } from '@newsroom/db';
import type { PublicChange } from '../context.ts';

/** The Postgres NOTIFY channel every process listens on for changes readers can see. */
export const PUBLIC_CHANGE_CHANNEL = 'newsroom_public_change';

export type PublicChangeListener = (change: PublicChange) => void;

export interface PublicChangeBus {
  /**
   * Announces a committed change: this process's listeners hear it at once, every other process sharing
   * the database through NOTIFY. Never throws; a failed NOTIFY goes to `onError` (other processes then
   * rely on their cache's time limit).
   */
  publish(change: PublicChange): Promise<void>;
  /** Hears changes made by this process and by every other one; resolves once LISTEN is in place. */
  subscribe(listener: PublicChangeListener): Promise<() => Promise<void>>;
}

interface Envelope {
  origin: string;
  change: PublicChange;
}

function parse(payload: string): Envelope | null {
  try {
    const value = JSON.parse(payload) as Partial<Envelope>;
    return typeof value.origin === 'string' && value.change && typeof value.change.kind === 'string'
      ? (value as Envelope)
      : null;
  } catch {
    return null;
  }
}

/** One per process (or per app instance in tests): pass `publish` as ServiceDeps.onPublicChange. */
export function createPublicChangeBus(
  database: Pick<DbHandle, 'db' | 'listen'>,
  options: { onError?: (error: unknown) => void } = {},
): PublicChangeBus {
  // Our own notifications come back to us too; the origin lets us skip them, as we told ourselves already.
  const origin = randomUUID();
  const local = new Set<PublicChangeListener>();
  return {
    async publish(change) {
      for (const listener of local) listener(change);
      try {
        const payload = JSON.stringify({ origin, change } satisfies Envelope);
        await sql`SELECT pg_notify(${PUBLIC_CHANGE_CHANNEL}, ${payload})`.execute(database.db);
      } catch (error) {
        options.onError?.(error);
      }
    },
    async subscribe(listener) {
      local.add(listener);
      const unlisten = await database.listen(PUBLIC_CHANGE_CHANNEL, (payload) => {
        const envelope = parse(payload);
        // Unreadable payloads still mean "something changed": dropping too much is safe, too little is not.
        if (!envelope) listener({ kind: 'all' });
        else if (envelope.origin !== origin) listener(envelope.change);
      });
      return async () => {
        local.delete(listener);
        await unlisten();
      };
    },
  };
}
