import type { ServiceDeps } from './context.ts';
import { createArticleService } from './articles/article.service.ts';
import { createAuthService } from './auth/auth.service.ts';
import { createReaderService } from './reader/reader.service.ts';
import { createSettingsService } from './settings/settings.service.ts';
import { createUserService } from './users/user.service.ts';

export * from './context.ts';
export { LOGIN_LIMITS, type LoginResult, type ResolvedSession } from './auth/auth.service.ts';
export type { ArticleDetail } from './articles/article.service.ts';
export { LocalDiskMediaStore, type MediaStore } from './media/media-store.ts';
export { createJobQueue, type JobQueue, type JobQueueOptions } from './jobs/job-queue.ts';
export { startWorkers } from './jobs/workers.ts';
export { seedDemoIfEmpty, type SeedOptions, type SeedResult } from './seed/seed.service.ts';

/** Every use case, built from one set of dependencies. */
export function createServices(deps: ServiceDeps) {
  return {
    deps,
    auth: createAuthService(deps),
    users: createUserService(deps),
    settings: createSettingsService(deps),
    articles: createArticleService(deps),
    reader: createReaderService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
