import type { Database, Kysely } from '@newsroom/db';
import {
  DomainError,
  WithdrawMediaInputSchema,
  WithdrawnMediaListInputSchema,
  assertCan,
  type MediaItem,
  type WithdrawMediaInput,
  type WithdrawnMediaListInput,
} from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { SYSTEM_META, insertAudit } from '../audit/audit.repository.ts';
import { findArticlesUsingMedia, findMediaRecord, selectMedia, type MediaRecord } from '../media/media.repository.ts';
import { toItem } from '../media/media.service.ts';
import { insertNotification } from '../notifications/notification.repository.ts';
import { setWithdrawn, withdrawExpiredMedia } from './rights.repository.ts';

/** Runs every minute: withdraws images whose licence has run out. */
export const EXPIRE_LICENCES_JOB = 'media.expire-licences';
export const LICENCE_EXPIRED_REASON = 'licence expired';
/** Images withdrawn per run at most; the next run a minute later takes the rest. */
const EXPIRE_BATCH = 500;

const owners = (row: Pick<MediaRecord, 'uploaded_by'>) => (row.uploaded_by ? [row.uploaded_by] : []);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Taking images off the public site: by hand (a complaint, a mistake) and when their licence runs out. A
 * withdrawn image stays in the library, and every public page, feed and sitemap leaves it out (the reader
 * queries ask for `withdrawn_at IS NULL`); it can be restored once its rights are in order.
 */
export function createWithdrawalService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function loadForUpdate(ctx: StaffContext, trx: Kysely<Database>, id: string): Promise<MediaRecord> {
    const row = await findMediaRecord(trx, id, { forUpdate: true });
    if (!row) throw new DomainError('NOT_FOUND', 'No such image in the media library.', { field: 'id' });
    assertCan(ctx.actor, 'media.read', owners(row));
    assertCan(ctx.actor, 'media.update', owners(row));
    return row;
  }

  /** Every process drops its rendered pages: a withdrawn image may be on any of them. */
  const announce = () => deps.onPublicChange?.({ kind: 'all' });

  return {
    async withdraw(ctx: StaffContext, input: WithdrawMediaInput): Promise<MediaItem> {
      const { id, reason } = WithdrawMediaInputSchema.parse(input);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const row = await loadForUpdate(ctx, trx, id);
        if (row.withdrawn_at) throw new DomainError('BAD_INPUT', 'This image is already withdrawn.', { field: 'id' });
        await setWithdrawn(trx, id, { at: now, reason }, now);
        await insertAudit(trx, ctx, {
          action: 'media.withdrawn',
          entityType: 'media',
          entityId: id,
          before: { withdrawnAt: null, withdrawnReason: null },
          after: { withdrawnAt: now.toISOString(), withdrawnReason: reason },
        });
      });
      await announce();
      return toItem((await findMediaRecord(db, id))!, ctx);
    },

    /** Puts a withdrawn image back; refused while its licence has run out (the job would take it down again). */
    async restore(ctx: StaffContext, input: { id: string }): Promise<MediaItem> {
      const now = clock();
      await db.transaction().execute(async (trx) => {
        const row = await loadForUpdate(ctx, trx, input.id);
        if (!row.withdrawn_at) throw new DomainError('BAD_INPUT', 'This image is not withdrawn.', { field: 'id' });
        if (row.license_expires_at && row.license_expires_at <= now) {
          throw new DomainError(
            'BAD_INPUT',
            `Its licence ran out on ${row.license_expires_at.toISOString().slice(0, 10)}: record the renewed licence before restoring it.`,
            { field: 'licenseExpiresAt' },
          );
        }
        await setWithdrawn(trx, row.id, { at: null, reason: null }, now);
        await insertAudit(trx, ctx, {
          action: 'media.restored',
          entityType: 'media',
          entityId: row.id,
          before: { withdrawnAt: iso(row.withdrawn_at), withdrawnReason: row.withdrawn_reason },
          after: { withdrawnAt: null, withdrawnReason: null },
        });
      });
      await announce();
      return toItem((await findMediaRecord(db, input.id))!, ctx);
    },

    /** Withdrawn images, most recently withdrawn first. */
    async listWithdrawn(ctx: StaffContext, input?: WithdrawnMediaListInput): Promise<MediaItem[]> {
      assertCan(ctx.actor, 'media.read');
      const { limit } = WithdrawnMediaListInputSchema.parse(input);
      const rows = await selectMedia(db)
        .where('media.withdrawn_at', 'is not', null)
        .orderBy('media.withdrawn_at', 'desc')
        .orderBy('media.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => toItem(row, ctx));
    },

    /**
     * The `media.expire-licences` job: withdraws every image whose licence ran out by now, in one
     * transaction with an audit record per image (by the system, before and after) and a notification for
     * editors saying where it was used; then every process drops its cached pages. Safe to run anywhere, any
     * number of times: an image is withdrawn once. Returns the ids withdrawn.
     */
    async expireLicences(): Promise<string[]> {
      const now = clock();
      const expired = await db.transaction().execute(async (trx) => {
        const rows = await withdrawExpiredMedia(trx, now, LICENCE_EXPIRED_REASON, EXPIRE_BATCH);
        for (const row of rows) {
          const label = row.alt_text.trim() || row.original_filename || 'Untitled image';
          const articles = await findArticlesUsingMedia(trx, row.id);
          const published = articles.filter((a) => a.status === 'published').length;
          const ended = row.license_expires_at!.toISOString();
          await insertAudit(
            trx,
            { actor: null, meta: SYSTEM_META },
            {
              action: 'media.licence_expired',
              entityType: 'media',
              entityId: row.id,
              before: { withdrawnAt: null, withdrawnReason: null, licenseExpiresAt: ended },
              after: { withdrawnAt: now.toISOString(), withdrawnReason: LICENCE_EXPIRED_REASON, licenseExpiresAt: ended },
            },
          );
          const where =
            articles.length === 0
              ? 'It was not used in any article.'
              : `It was used in ${articles.length} ${articles.length === 1 ? 'article' : 'articles'} (${published} published), which now show no image in its place.`;
          await insertNotification(trx, {
            kind: 'media.licence_expired',
            title: `Licence ended: “${label}”`,
            body: `The licence for “${label}”${row.credit ? ` (${row.credit})` : ''} ran out on ${ended.slice(0, 10)}, so the image has been withdrawn from the public site. ${where} Renew the licence and restore it, or replace it.`,
            entityType: 'media',
            entityId: row.id,
            audienceRole: 'editor',
            createdAt: now,
          });
        }
        return rows.map((r) => r.id);
      });
      if (expired.length > 0) await announce();
      return expired;
    },
  };
}

export type WithdrawalService = ReturnType<typeof createWithdrawalService>;
