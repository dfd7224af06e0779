import type { ServiceDeps } from '../context.ts';
import { SYSTEM_META, insertAudit } from '../audit/audit.repository.ts';
import { findOverdueScheduled, publishIfScheduled } from './article.repository.ts';
import { insertRevision } from './revision.repository.ts';
import { holdScheduledPublish } from '../rights/rights.service.ts';

/** Queued when an article is scheduled, to run at its time. */
export const PUBLISH_SCHEDULED_JOB = 'article.publish-scheduled';
/** Every minute: publishes scheduled articles whose time has passed, in case a job was lost. */
export const PUBLISH_OVERDUE_JOB = 'article.publish-overdue';

export interface PublishScheduledJob {
  articleId: string;
  /** The time it was scheduled for, ISO 8601: the job publishes only if that is still the time. */
  scheduledAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OVERDUE_BATCH = 200;

export function createSchedulingService(deps: ServiceDeps) {
  const { db, clock } = deps;

  /**
   * Publishes one scheduled article in one transaction with its revision and audit record (by the system).
   * The UPDATE matches only an article still scheduled for exactly `scheduledAt`, so a stale, repeated or
   * concurrent run publishes nothing; true when this call published it.
   */
  async function publish(articleId: string, scheduledAt: Date, via: 'job' | 'sweep'): Promise<boolean> {
    const row = await db.transaction().execute(async (trx) => {
      // Images that lost their rights since scheduling stop the publish under `block` (back to draft).
      const rights = await holdScheduledPublish(deps, trx, articleId, scheduledAt);
      if (rights.held) return undefined;
      const published = await publishIfScheduled(trx, articleId, scheduledAt);
      if (!published) return undefined;
      await insertRevision(trx, published, { kind: 'status', createdBy: null, at: clock() });
      await insertAudit(
        trx,
        { actor: null, meta: SYSTEM_META },
        {
          action: 'article.published',
          entityType: 'article',
          entityId: articleId,
          before: { status: 'scheduled' },
          after: { status: 'published', scheduled: true, scheduledAt: scheduledAt.toISOString(), via, ...(rights.warnings.length > 0 && { rightsWarnings: rights.warnings }) },
        },
      );
      return published;
    });
    if (!row) return false;
    await deps.onPublicChange?.({ kind: 'article', articleId });
    return true;
  }

  return {
    /** The `article.publish-scheduled` job. A malformed job is dropped (false), not retried. */
    async publishScheduled(job: PublishScheduledJob): Promise<boolean> {
      const scheduledAt = new Date(job?.scheduledAt);
      if (
        typeof job?.articleId !== 'string' ||
        !UUID.test(job.articleId) ||
        Number.isNaN(scheduledAt.getTime())
      )
        return false;
      return publish(job.articleId, scheduledAt, 'job');
    },

    /** The `article.publish-overdue` sweep: publishes scheduled articles whose time has come; returns their ids. */
    async publishOverdue(): Promise<string[]> {
      const due = await findOverdueScheduled(db, clock(), OVERDUE_BATCH);
      const published: string[] = [];
      for (const article of due) {
        if (article.scheduled_at && (await publish(article.id, article.scheduled_at, 'sweep')))
          published.push(article.id);
      }
      return published;
    },
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
