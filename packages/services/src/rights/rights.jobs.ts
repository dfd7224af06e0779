import type { Services } from '../index.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { EXPIRE_LICENCES_JOB } from './withdrawal.service.ts';

/**
 * Every minute: images whose licence has run out are withdrawn. Reader queries already leave such an image
 * out from the moment it expires; the job makes it official (audit, notification, cache drop).
 */
export async function registerRightsJobs(services: Services, jobs: JobQueue): Promise<void> {
  await jobs.work(EXPIRE_LICENCES_JOB, async () => {
    await services.withdrawals.expireLicences();
  });
  await jobs.every(EXPIRE_LICENCES_JOB, '* * * * *');
}
