import type { Services } from '../index.ts';
import type { JobQueue } from './job-queue.ts';
import { registerWidgetJobs } from '../widgets/widgets.jobs.ts';
import { registerArticleJobs } from '../articles/article.jobs.ts';
import { registerRightsJobs } from '../rights/rights.jobs.ts';

/**
 * Registers every job handler and recurring schedule on this process. Each feature adds its own lines;
 * handlers re-check state, so running them on several processes is safe.
 */
export async function startWorkers(services: Services, jobs: JobQueue): Promise<void> {
  await registerWidgetJobs(services, jobs);
  await registerArticleJobs(services, jobs);
  await registerRightsJobs(services, jobs);
}
