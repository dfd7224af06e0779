import {
  CreateRedirectInputSchema,
  DomainError,
  REDIRECT_LIST_MAX,
  RedirectListInputSchema,
  assertCan,
  type Redirect,
} from '@newsroom/domain';
import type { z } from 'zod';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { deleteRedirect, findRedirectByFrom, insertRedirect, listRedirects, type RedirectRow } from './redirect.repository.ts';

function toRedirect(row: RedirectRow): Redirect {
  return {
    id: row.id,
    fromPath: row.from_path,
    toPath: row.to_path,
    statusCode: row.status_code,
    articleId: row.article_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const taken = () => new DomainError('REDIRECT_EXISTS', 'That path already redirects somewhere: remove that redirect first.', { field: 'fromPath' });

/**
 * Redirects admins keep by hand (old URLs from a previous site) beside those made when a published
 * article's slug changes. The reader consults them only for paths it does not serve itself.
 */
export function createRedirectService(deps: ServiceDeps) {
  const { db } = deps;

  return {
    async list(ctx: StaffContext, input: z.input<typeof RedirectListInputSchema>): Promise<Redirect[]> {
      assertCan(ctx.actor, 'redirect.manage');
      const filter = RedirectListInputSchema.parse(input);
      return (await listRedirects(db, filter, REDIRECT_LIST_MAX)).map(toRedirect);
    },

    async create(ctx: StaffContext, input: z.input<typeof CreateRedirectInputSchema>): Promise<Redirect> {
      assertCan(ctx.actor, 'redirect.manage');
      const { fromPath, toPath, statusCode } = CreateRedirectInputSchema.parse(input);
      let row: RedirectRow;
      try {
        row = await db.transaction().execute(async (trx) => {
          if (await findRedirectByFrom(trx, fromPath)) throw taken();
          const created = await insertRedirect(trx, { fromPath, toPath, statusCode, createdBy: ctx.actor.id });
          await insertAudit(trx, ctx, { action: 'redirect.created', entityType: 'redirect', entityId: created.id, after: { fromPath, toPath, statusCode } });
          return created;
        });
      } catch (error) {
        if (String((error as { code?: string }).code) === '23505') throw taken();
        throw error;
      }
      // A cached 404 for the old path must give way to the redirect.
      await deps.onPublicChange?.({ kind: 'all' });
      return toRedirect(row);
    },

    async remove(ctx: StaffContext, input: { id: string }): Promise<void> {
      assertCan(ctx.actor, 'redirect.manage');
      await db.transaction().execute(async (trx) => {
        const removed = await deleteRedirect(trx, input.id);
        if (!removed) throw new DomainError('NOT_FOUND', 'No such redirect.', { field: 'id' });
        await insertAudit(trx, ctx, {
          action: 'redirect.removed',
          entityType: 'redirect',
          entityId: removed.id,
          before: { fromPath: removed.from_path, toPath: removed.to_path, statusCode: removed.status_code },
        });
      });
      await deps.onPublicChange?.({ kind: 'all' });
    },
  };
}

export type RedirectService = ReturnType<typeof createRedirectService>;
