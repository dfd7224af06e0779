import type { ServiceDeps } from './context.ts';
import { createArticleService } from './articles/article.service.ts';
import { createCorrectionService } from './articles/correction.service.ts';
import { createPresenceService } from './articles/presence.service.ts';
import { createRevisionService } from './articles/revision.service.ts';
import { createSchedulingService } from './articles/scheduling.service.ts';
import { createPreviewService } from './preview/preview.service.ts';
import { createTaxonomyService } from './taxonomy/taxonomy.service.ts';
import { createAuthService } from './auth/auth.service.ts';
import { createMediaService } from './media/media.service.ts';
import { createReaderService } from './reader/reader.service.ts';
import { createFeedService } from './reader/feeds.service.ts';
import { createListingService } from './reader/listing.service.ts';
import { createSitemapService } from './reader/sitemap.service.ts';
import { createSettingsService } from './settings/settings.service.ts';
import { createUserService } from './users/user.service.ts';
import { createAccountService } from './staff/account.service.ts';
import { createProfileService } from './staff/profile.service.ts';
import { createAuditService } from './audit/audit.service.ts';
import { createRedirectService } from './redirects/redirect.service.ts';
import { createWidgetService } from './widgets/widgets.service.ts';

export * from './context.ts';
export { LOGIN_LIMITS, type LoginResult, type ResolvedSession } from './auth/auth.service.ts';
export { AUTOSAVE_REVISION_INTERVAL_MS, type ArticleDetail } from './articles/article.service.ts';
export { PUBLISH_OVERDUE_JOB, PUBLISH_SCHEDULED_JOB, type PublishScheduledJob } from './articles/scheduling.service.ts';
export { PRESENCE_WINDOW_MS } from './articles/presence.service.ts';
export { PREVIEW_TTL_MS } from './preview/preview-token.ts';
export { loadOrCreateSecret } from './secrets/app-secret.ts';
export { LocalDiskMediaStore, type MediaStore } from './media/media-store.ts';
export { MEDIA_LIMITS } from './media/image-processing.ts';
export { assertMediaUsable, type MediaService, type UploadMediaInput, type UsableMedia } from './media/media.service.ts';
export { createJobQueue, type JobQueue, type JobQueueOptions } from './jobs/job-queue.ts';
export { startWorkers } from './jobs/workers.ts';
export { WIDGET_JOBS, createWidgetService, type WidgetFetchResult, type WidgetService } from './widgets/widgets.service.ts';
export { SafeFetchError, isPublicAddress, parseHostPattern } from './widgets/safe-fetch.ts';
export type { FeedFormat, FeedScope } from './reader/feeds.service.ts';
export { seedDemoIfEmpty, type SeedOptions, type SeedResult } from './seed/seed.service.ts';
export { INVITE_TTL_MS, PASSWORD_RESET_TTL_MS, RESET_LIMITS, type AcceptInviteResult, type InviteResult } from './staff/account.service.ts';
export { createSmtpMailer } from './staff/mailer.ts';
export { AUDIT_EXPORT_MAX } from './audit/audit.service.ts';
export { createPublicChangeBus, PUBLIC_CHANGE_CHANNEL, type PublicChangeBus, type PublicChangeListener } from './cache/public-change-bus.ts';

/** Every use case, built from one set of dependencies. */
export function createServices(deps: ServiceDeps) {
  return {
    deps,
    auth: createAuthService(deps),
    users: createUserService(deps),
    settings: createSettingsService(deps),
    articles: createArticleService(deps),
    /** An article's history: list, compare, restore, and conflict copies. */
    revisions: createRevisionService(deps),
    /** Publishing scheduled articles (the job handlers). */
    scheduling: createSchedulingService(deps),
    /** Who else has an article open. */
    presence: createPresenceService(deps),
    corrections: createCorrectionService(deps),
    previews: createPreviewService(deps),
    /** Sections and tags. */
    taxonomy: createTaxonomyService(deps),
    reader: createReaderService(deps),
    /** Public tag, author, search and corrections pages; feeds; sitemaps. */
    listings: createListingService(deps),
    feeds: createFeedService(deps),
    sitemaps: createSitemapService(deps),
    media: createMediaService(deps),
    /** Invites, password-reset links and accepting them. */
    accounts: createAccountService(deps),
    /** Staff profiles and guest bylines. */
    profiles: createProfileService(deps),
    audit: createAuditService(deps),
    redirects: createRedirectService(deps),
    /** Weather and Live Markets: provider fetches and the stored snapshots the reader shows. */
    widgets: createWidgetService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
