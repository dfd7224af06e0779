import type { Services } from '../index.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import {
  PUBLISH_OVERDUE_JOB,
  PUBLISH_SCHEDULED_JOB,
  type PublishScheduledJob,
} from './scheduling.service.ts';

/**
 * Scheduled publishing: the job queued for each scheduled article, and a sweep every minute that publishes
 * any scheduled article whose time has passed, so an article goes live even if its job was lost. Both
 * publish through one guarded UPDATE, so together, repeated or on several processes they publish once.
 */
export async function registerArticleJobs(services: Services, jobs: JobQueue): Promise<void> {
  await jobs.work<PublishScheduledJob>(PUBLISH_SCHEDULED_JOB, async (data) => {
    await services.scheduling.publishScheduled(data);
  });
  await jobs.work(PUBLISH_OVERDUE_JOB, async () => {
    await services.scheduling.publishOverdue();
  });
  await jobs.every(PUBLISH_OVERDUE_JOB, '* * * * *');
}
