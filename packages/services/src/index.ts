import type { ServiceDeps } from './context.ts';
import { forgetCachedSettings } from './settings/settings.repository.ts';
import { createMediaAvailability } from './media/media-availability.ts';
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
import { createSuggestService } from './reader/suggest.service.ts';
import { createSettingsService } from './settings/settings.service.ts';
import { createUserService } from './users/user.service.ts';
import { createAccountService } from './staff/account.service.ts';
import { createProfileService } from './staff/profile.service.ts';
import { createAuditService } from './audit/audit.service.ts';
import { createRedirectService } from './redirects/redirect.service.ts';
import { createWidgetService } from './widgets/widgets.service.ts';
import { createNotificationService } from './notifications/notification.service.ts';
import { createRightsService } from './rights/rights.service.ts';
import { createWithdrawalService } from './rights/withdrawal.service.ts';
import { createExportService } from './transfer/export.service.ts';
import { createImportService } from './transfer/import.service.ts';

export * from './context.ts';
export { forgetCachedSettings } from './settings/settings.repository.ts';
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
export { createOwnerIfNoStaff, seedDemoIfEmpty, type SeedOptions, type SeedResult } from './seed/seed.service.ts';
export { INVITE_TTL_MS, PASSWORD_RESET_TTL_MS, RESET_LIMITS, type AcceptInviteResult, type InviteResult } from './staff/account.service.ts';
export { createSmtpMailer } from './staff/mailer.ts';
export { AUDIT_EXPORT_MAX } from './audit/audit.service.ts';
export { EXPIRE_LICENCES_JOB, LICENCE_EXPIRED_REASON } from './rights/withdrawal.service.ts';
export { checkArticleRights, enforceArticleRights, type RightsCheck } from './rights/rights.service.ts';
export { IMPORT_LIMITS } from './transfer/import.service.ts';
export type { ExportArchive } from './transfer/export.service.ts';
export { createPublicChangeBus, PUBLIC_CHANGE_CHANNEL, type PublicChangeBus, type PublicChangeListener } from './cache/public-change-bus.ts';

/** Every use case, built from one set of dependencies. */
export function createServices(given: ServiceDeps) {
  // Every change readers can see also drops this process's settings memo.
  const deps: ServiceDeps = {
    ...given,
    onPublicChange: async (change) => {
      forgetCachedSettings(given.db);
      await given.onPublicChange?.(change);
    },
  };
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
    /** Headlines suggested under the search box as a reader types. */
    suggest: createSuggestService(deps),
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
    /** Messages from the system for staff (licences run out, scheduled publishes stopped). */
    notifications: createNotificationService(deps),
    /** The image rights check publishing applies, on demand. */
    rights: createRightsService(deps),
    /** Taking images off the public site: by hand, and when their licence runs out (the job). */
    withdrawals: createWithdrawalService(deps),
    /** The whole publication as a zip, and restoring one into an empty publication. */
    transfer: { ...createExportService(deps), ...createImportService(deps) },
    /** Whether /media may still serve a stored file. */
    mediaAvailability: createMediaAvailability(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
