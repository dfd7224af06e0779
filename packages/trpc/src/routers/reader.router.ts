import { z } from 'zod';
import { PublicArticleSchema, PublicBrandingSchema, PublicHomeSchema, PublicListingSchema, SlugSchema } from '@newsroom/domain';
import { publicProcedure, router } from '../trpc.ts';

/**
 * The public surface: what anyone may read. Every procedure declares its output schema, so only the
 * fields in the public shapes ever leave the server.
 */
export const readerRouter = router({
  branding: publicProcedure.output(PublicBrandingSchema).query(({ ctx }) => ctx.services.settings.branding()),
  home: publicProcedure.output(PublicHomeSchema).query(({ ctx }) => ctx.services.reader.home()),
  article: publicProcedure
    .input(z.object({ slug: SlugSchema }))
    .output(PublicArticleSchema.nullable())
    .query(({ ctx, input }) => ctx.services.reader.article(input.slug)),
  articleGone: publicProcedure
    .input(z.object({ slug: SlugSchema }))
    .output(z.boolean())
    .query(({ ctx, input }) => ctx.services.reader.isGone(input.slug)),
  section: publicProcedure
    .input(z.object({ slug: SlugSchema, page: z.number().int().min(1).max(1000).default(1) }))
    .output(PublicListingSchema.nullable())
    .query(({ ctx, input }) => ctx.services.reader.section(input.slug, input.page)),
});

export type ReaderRouter = typeof readerRouter;
