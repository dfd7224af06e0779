import { z } from 'zod';
import {
  RestoreRevisionInputSchema,
  RevisionDiffInputSchema,
  RevisionListInputSchema,
} from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

/** An article's history. Each call also checks the actor's rights on the revision's article. */
export const revisionsRouter = router({
  /** Newest first, 50 a page; `nextCursor` goes back as `cursor`. */
  list: staffProcedure
    .meta({ permission: 'article.read' })
    .input(RevisionListInputSchema)
    .query(({ ctx, input }) => ctx.services.revisions.list(ctx.staff, input)),

  get: staffProcedure
    .meta({ permission: 'article.read' })
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => ctx.services.revisions.get(ctx.staff, input.id)),

  /** Word-level changes in headline, dek and body text; leave out `toId` to compare with the current text. */
  diff: staffProcedure
    .meta({ permission: 'article.read' })
    .input(RevisionDiffInputSchema)
    .query(({ ctx, input }) => ctx.services.revisions.diff(ctx.staff, input)),

  /** Makes the revision's text current as a new version; the replaced text stays in the history. */
  restore: staffProcedure
    .meta({ permission: 'article.update' })
    .input(RestoreRevisionInputSchema)
    .mutation(({ ctx, input }) => ctx.services.revisions.restore(ctx.staff, input)),
});
