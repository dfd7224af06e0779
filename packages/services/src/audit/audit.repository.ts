import type { Database, Kysely } from '@newsroom/db';
import type { RequestMeta, SessionActor } from '../context.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit record. Pass the transaction that makes the change, so the record exists if and
 * only if the change does.
 */
export async function insertAudit(
  db: Kysely<Database>,
  who: { actor: Pick<SessionActor, 'id' | 'name'> | null; meta: RequestMeta },
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: who.actor?.id ?? null,
      actor_label: who.actor?.name ?? 'system',
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: who.meta.ip,
      user_agent: who.meta.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
}

export const SYSTEM_META: RequestMeta = { ip: null, userAgent: 'newsroom' };
