import { z } from 'zod';
import {
  AddCorrectionInputSchema,
  ArticleIdInputSchema,
  ArticleListInputSchema,
  ConflictCopyInputSchema,
  CreateArticleInputSchema,
  DeleteArticleInputSchema,
  TransitionArticleInputSchema,
  UpdateArticleInputSchema,
} from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

export const articleRouter = router({
  list: staffProcedure
    .meta({ permission: 'article.read' })
    .input(ArticleListInputSchema)
    .query(({ ctx, input }) => ctx.services.articles.list(ctx.staff, input)),

  get: staffProcedure
    .meta({ permission: 'article.read' })
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => ctx.services.articles.get(ctx.staff, input.id)),

  create: staffProcedure
    .meta({ permission: 'article.create' })
    .input(CreateArticleInputSchema)
    .mutation(({ ctx, input }) => ctx.services.articles.create(ctx.staff, input)),

  update: staffProcedure
    .meta({ permission: 'article.update' })
    .input(UpdateArticleInputSchema.extend({ autosave: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => ctx.services.articles.update(ctx.staff, input)),

  /** Workflow moves; the permission each move needs (submit, publish, schedule...) is checked in the service. */
  transition: staffProcedure
    .meta({ permission: 'article.read' })
    .input(TransitionArticleInputSchema)
    .mutation(({ ctx, input }) => ctx.services.articles.transition(ctx.staff, input)),

  /** Deletes a draft or an article in review (editors: anything not published or scheduled). */
  delete: staffProcedure
    .meta({ permission: 'article.delete' })
    .input(DeleteArticleInputSchema)
    .mutation(({ ctx, input }) => ctx.services.articles.delete(ctx.staff, input)),

  /** After a VERSION_CONFLICT: keeps the caller's text as a 'conflict' revision; the article is unchanged. */
  saveConflictCopy: staffProcedure
    .meta({ permission: 'article.update' })
    .input(ConflictCopyInputSchema)
    .mutation(({ ctx, input }) => ctx.services.revisions.saveConflictCopy(ctx.staff, input)),

  /** Send every ~20 s while the editor is open; returns who else had it open in the last 60 s. */
  heartbeat: staffProcedure
    .meta({ permission: 'article.read' })
    .input(ArticleIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.presence.heartbeat(ctx.staff, input.id)),

  leave: staffProcedure
    .meta({ permission: 'article.read' })
    .input(ArticleIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.presence.leave(ctx.staff, input.id)),

  /** A reader-site link showing the article in any state, valid for an hour. */
  previewLink: staffProcedure
    .meta({ permission: 'article.read' })
    .input(ArticleIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.previews.link(ctx.staff, input.id)),

  corrections: staffProcedure
    .meta({ permission: 'article.read' })
    .input(ArticleIdInputSchema)
    .query(({ ctx, input }) => ctx.services.corrections.list(ctx.staff, input.id)),

  /** Only once the article has been published; shown on the public page at once. */
  addCorrection: staffProcedure
    .meta({ permission: 'article.update' })
    .input(AddCorrectionInputSchema)
    .mutation(({ ctx, input }) => ctx.services.corrections.add(ctx.staff, input)),
});
