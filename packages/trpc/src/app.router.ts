import { articleRouter } from './routers/article.router.ts';
import { auditRouter } from './routers/audit.router.ts';
import { authRouter } from './routers/auth.router.ts';
import { mediaRouter } from './routers/media.router.ts';
import { notificationsRouter } from './routers/notifications.router.ts';
import { readerRouter } from './routers/reader.router.ts';
import { redirectsRouter } from './routers/redirects.router.ts';
import { revisionsRouter } from './routers/revisions.router.ts';
import { settingsRouter } from './routers/settings.router.ts';
import { staffRouter } from './routers/staff.router.ts';
import { taxonomyRouter } from './routers/taxonomy.router.ts';
import { widgetsRouter } from './routers/widgets.router.ts';
import { router } from './trpc.ts';

/** The editorial surface the dashboard uses. */
export const editorialRouter = router({
  auth: authRouter,
  article: articleRouter,
  revisions: revisionsRouter,
  taxonomy: taxonomyRouter,
  settings: settingsRouter,
  staff: staffRouter,
  audit: auditRouter,
  redirects: redirectsRouter,
  media: mediaRouter,
  widgets: widgetsRouter,
  notifications: notificationsRouter,
});

/** Everything served at /trpc: the editorial surface, and the public one under `reader`. */
export const appRouter = router({
  ...editorialRouter._def.record,
  reader: readerRouter,
});

export type EditorialRouter = typeof editorialRouter;
export type AppRouter = typeof appRouter;
