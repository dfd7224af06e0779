import type { Database, Kysely } from '@newsroom/db';
import type { Actor, Role } from '@newsroom/domain';
import type { JobQueue } from './jobs/job-queue.ts';
import type { MediaStore } from './media/media-store.ts';

export interface ServiceConfig {
  /** The public origin, e.g. https://news.example.org; used for every absolute link we make. */
  publicUrl: string;
  sessionTtlMs: number;
  /**
   * `host[:port]` patterns (`127.0.0.1:*`) that the weather and markets fetches may reach although they are
   * private addresses; normally none (env WIDGET_ALLOW_PRIVATE_HOSTS).
   */
  widgetAllowPrivateHosts?: readonly string[];
  /** Signs short-lived tokens (preview links). The same on every process; see loadOrCreateSecret. */
  secret: string;
  /** SMTP server for invite and password-reset mail (smtp[s]://user:pass@host:port); unset: links are only shown. */
  smtpUrl?: string;
  /** The From address of that mail. */
  mailFrom?: string;
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
  /** Sends mail; when absent, one is made from `config.smtpUrl` if that is set. Tests pass their own. */
  mailer?: Mailer;
}

/** Sends one plain-text email. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
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

export const defaultServiceConfig = (publicUrl: string, secret: string): ServiceConfig => ({
  publicUrl,
  secret,
  sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
});
