import { AuditFilterSchema, AuditListInputSchema, DomainError, assertCan, type AuditEntry, type AuditFilter } from '@newsroom/domain';
import type { Database, Kysely } from '@newsroom/db';
import type { z } from 'zod';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { toCsv } from './csv.ts';

/** The most rows one export holds; narrow the filters for more. */
export const AUDIT_EXPORT_MAX = 50_000;
const EXPORT_PAGE = 1000;

const CSV_HEADER = ['at', 'actor', 'actor_id', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'user_agent'] as const;

/** Cursors are the id of the last row seen; ids are whole numbers. */
function parseCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[1-9]\d{0,18}$/.test(cursor)) throw new DomainError('BAD_INPUT', 'is not a cursor from this list', { field: 'cursor' });
  return cursor;
}

function page(db: Kysely<Database>, filter: AuditFilter, after: string | undefined, limit: number) {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'actor_label', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'user_agent'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  // Filters are values only, each against a fixed column.
  if (filter.action) {
    const action = filter.action;
    // `user` finds every `user.*` action.
    q = q.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]));
  }
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<=', filter.to);
  if (after) {
    // Compared with the row itself rather than a copied timestamp: Postgres keeps microseconds, Date does not.
    q = q.where((eb) =>
      eb(
        eb.refTuple('at', 'id'),
        '<',
        eb.selectFrom('audit_log as c').select(['c.at', 'c.id']).where('c.id', '=', after) as never,
      ),
    );
  }
  return q.execute();
}

type AuditRow = Awaited<ReturnType<typeof page>>[number];

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/** Reading the audit log: newest first, in keyset pages, and as CSV. Writing it is `insertAudit`. */
export function createAuditService(deps: ServiceDeps) {
  const { db, clock } = deps;

  return {
    async list(ctx: StaffContext, input: z.input<typeof AuditListInputSchema>): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
      assertCan(ctx.actor, 'audit.read');
      const { cursor, limit, ...filter } = AuditListInputSchema.parse(input);
      const rows = await page(db, filter, parseCursor(cursor), limit + 1);
      const items = rows.slice(0, limit).map(toEntry);
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },

    /** The actions and record types seen so far, for the filter menus. */
    async facets(ctx: StaffContext): Promise<{ actions: string[]; entityTypes: string[] }> {
      assertCan(ctx.actor, 'audit.read');
      const [actions, types] = await Promise.all([
        db.selectFrom('audit_log').select('action').distinct().orderBy('action').limit(500).execute(),
        db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').limit(200).execute(),
      ]);
      return { actions: actions.map((r) => r.action), entityTypes: types.map((r) => r.entity_type) };
    },

    /** The filtered log as CSV text (at most AUDIT_EXPORT_MAX rows, newest first). */
    async exportCsv(ctx: StaffContext, input: z.input<typeof AuditFilterSchema>): Promise<{ filename: string; csv: string; rows: number; truncated: boolean }> {
      assertCan(ctx.actor, 'audit.read');
      const filter = AuditFilterSchema.parse(input);
      const rows: AuditRow[] = [];
      let after: string | undefined;
      for (;;) {
        const batch = await page(db, filter, after, EXPORT_PAGE);
        rows.push(...batch);
        if (batch.length < EXPORT_PAGE || rows.length >= AUDIT_EXPORT_MAX) break;
        after = String(batch[batch.length - 1]!.id);
      }
      const kept = rows.slice(0, AUDIT_EXPORT_MAX);
      const truncated = kept.length === AUDIT_EXPORT_MAX && (await page(db, filter, String(kept[kept.length - 1]!.id), 1)).length > 0;
      const csv = toCsv(
        CSV_HEADER,
        kept.map((r) => [r.at, r.actor_label, r.actor_id, r.action, r.entity_type, r.entity_id, r.before ?? null, r.after ?? null, r.ip, r.user_agent]),
      );
      const stamp = clock().toISOString().slice(0, 10);
      return { filename: `audit-log-${stamp}.csv`, csv, rows: kept.length, truncated };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
