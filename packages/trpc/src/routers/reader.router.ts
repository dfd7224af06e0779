import { z } from 'zod';
import {
  PublicArticleSchema,
  PublicAuthorPageSchema,
  PublicBrandingSchema,
  PublicCorrectionsSchema,
  PublicHomeSchema,
  PublicListingSchema,
  PublicSearchSchema,
  PublicWidgetsSchema,
  SEARCH_QUERY_MAX_LENGTH,
  SlugSchema,
} from '@newsroom/domain';
import { publicProcedure, router } from '../trpc.ts';

const PageSchema = z.number().int().min(1).max(1000).default(1);

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
  /** An article in any state from a signed, expiring preview token; null when the token is not valid. */
  previewArticle: publicProcedure
    .input(z.object({ token: z.string().max(2000) }))
    .output(PublicArticleSchema.nullable())
    .query(({ ctx, input }) => ctx.services.reader.previewArticle(input.token)),
  section: publicProcedure
    .input(z.object({ slug: SlugSchema, page: z.number().int().min(1).max(1000).default(1) }))
    .output(PublicListingSchema.nullable())
    .query(({ ctx, input }) => ctx.services.reader.section(input.slug, input.page)),
  tag: publicProcedure
    .input(z.object({ slug: SlugSchema, page: PageSchema }))
    .output(PublicListingSchema.nullable())
    .query(({ ctx, input }) => ctx.services.listings.tag(input.slug, input.page)),
  author: publicProcedure
    .input(z.object({ slug: SlugSchema, page: PageSchema }))
    .output(PublicAuthorPageSchema.nullable())
    .query(({ ctx, input }) => ctx.services.listings.author(input.slug, input.page)),
  search: publicProcedure
    .input(z.object({ query: z.string().trim().max(SEARCH_QUERY_MAX_LENGTH), page: PageSchema }))
    .output(PublicSearchSchema)
    .query(({ ctx, input }) => ctx.services.listings.search(input.query, input.page)),
  corrections: publicProcedure
    .input(z.object({ page: PageSchema }))
    .output(PublicCorrectionsSchema)
    .query(({ ctx, input }) => ctx.services.listings.corrections(input.page)),
  /** Weather and quotes as last fetched: stored snapshots only, never a provider call. */
  widgets: publicProcedure.output(PublicWidgetsSchema).query(({ ctx }) => ctx.services.widgets.snapshot()),
});

export type ReaderRouter = typeof readerRouter;
