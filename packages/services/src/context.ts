import type { Database, Kysely } from '@newsroom/db';
import type { Actor, Role } from '@newsroom/domain';
import type { JobQueue } from './jobs/job-queue.ts';
import type { MediaStore } from './media/media-store.ts';

export interface ServiceConfig {
  /** The public origin, e.g. https://news.example.org; used for every absolute link we make. */
  publicUrl: string;
  sessionTtlMs: number;
}

/** What every service is built from. Hosts build it once; tests build their own. */
export interface ServiceDeps {
  db: Kysely<Database>;
  config: ServiceConfig;
  mediaStore: MediaStore;
  /** Durable jobs; absent in tests that do not exercise them (nothing is then queued). */
  jobs?: JobQueue;
  /** The time now; tests pass a controllable clock. */
  clock: () => Date;
  /** Called after a change that readers can see (publish, settings), to drop caches on every process. */
  onPublicChange?: (what: PublicChange) => void | Promise<void>;
}

export type PublicChange = { kind: 'settings' } | { kind: 'article'; articleId: string } | { kind: 'all' };

/** Where a request came from, for audit and rate limits. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SessionActor extends Actor {
  id: string;
  role: Role;
  name: string;
  email: string;
}

/** A signed-in staff member making a request. */
export interface StaffContext {
  actor: SessionActor;
  meta: RequestMeta;
}

export const defaultServiceConfig = (publicUrl: string): ServiceConfig => ({
  publicUrl,
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
});
