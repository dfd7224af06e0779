import { z } from 'zod';
import {
  ArticleListInputSchema,
  CreateArticleInputSchema,
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
});
