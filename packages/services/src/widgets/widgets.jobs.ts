import type { Services } from '../index.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { WIDGET_JOBS } from './widgets.service.ts';

/**
 * Every minute: quotes, and weather when it is 10 minutes old (checked in the handler, so a schedule
 * change needs no migration of pg-boss state). Provider failures are recorded and returned, not thrown:
 * the next run is a minute away, and a retry storm would only hit a provider that is already down.
 */
export async function registerWidgetJobs(services: Services, jobs: JobQueue): Promise<void> {
  await jobs.work<{ force?: boolean }>(WIDGET_JOBS.weather, async (data) => {
    await (data.force ? services.widgets.fetchWeatherNow() : services.widgets.fetchWeatherIfDue());
  });
  await jobs.work(WIDGET_JOBS.markets, async () => {
    await services.widgets.fetchMarketsNow();
  });
  await jobs.every(WIDGET_JOBS.weather, '* * * * *');
  await jobs.every(WIDGET_JOBS.markets, '* * * * *');
}
