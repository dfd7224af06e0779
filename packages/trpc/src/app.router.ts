import { articleRouter } from './routers/article.router.ts';
import { authRouter } from './routers/auth.router.ts';
import { readerRouter } from './routers/reader.router.ts';
import { settingsRouter } from './routers/settings.router.ts';
import { staffRouter } from './routers/staff.router.ts';
import { router } from './trpc.ts';

/** The editorial surface the dashboard uses. */
export const editorialRouter = router({
  auth: authRouter,
  article: articleRouter,
  settings: settingsRouter,
  staff: staffRouter,
});

/** Everything served at /trpc: the editorial surface, and the public one under `reader`. */
export const appRouter = router({
  ...editorialRouter._def.record,
  reader: readerRouter,
});

export type EditorialRouter = typeof editorialRouter;
export type AppRouter = typeof appRouter;
