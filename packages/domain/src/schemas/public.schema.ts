import { z } from 'zod';

/**
 * Shapes the public reader surface returns. They are separate from the editorial ones and declared as
 * procedure outputs, so a private field can never leak by being added to a query.
 */

export const PublicImageSchema = z.object({
  url: z.string(),
  srcset: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string().nullable(),
  creator: z.string().nullable(),
  copyrightHolder: z.string().nullable(),
  licenseUrl: z.string().nullable(),
});
export type PublicImage = z.infer<typeof PublicImageSchema>;

export const PublicPersonSchema = z.object({ name: z.string(), slug: z.string(), url: z.string() });

export const PublicArticleCardSchema = z.object({
  slug: z.string(),
  url: z.string(),
  headline: z.string(),
  dek: z.string(),
  publishedAt: z.date(),
  updatedAt: z.date(),
  section: z.object({ name: z.string(), slug: z.string() }).nullable(),
  authors: z.array(PublicPersonSchema),
  image: PublicImageSchema.nullable(),
  readingMinutes: z.number(),
});
export type PublicArticleCard = z.infer<typeof PublicArticleCardSchema>;

export const PublicArticleSchema = PublicArticleCardSchema.extend({
  bodyHtml: z.string(),
  wordCount: z.number(),
  tags: z.array(z.object({ name: z.string(), slug: z.string() })),
  corrections: z.array(z.object({ kind: z.enum(['correction', 'update']), text: z.string(), createdAt: z.date() })),
  rights: z.object({
    notice: z.string(),
    copyrightHolder: z.string(),
    copyrightYear: z.number(),
    license: z.object({ code: z.string(), label: z.string(), url: z.string().nullable() }),
    syndicationAllowed: z.boolean(),
  }),
  seo: z.object({ title: z.string(), description: z.string(), canonicalUrl: z.string() }),
  related: z.array(PublicArticleCardSchema),
});
export type PublicArticle = z.infer<typeof PublicArticleSchema>;

export const PublicHomeSchema = z.object({
  lead: PublicArticleCardSchema.nullable(),
  top: z.array(PublicArticleCardSchema),
  sections: z.array(z.object({ name: z.string(), slug: z.string(), articles: z.array(PublicArticleCardSchema) })),
  latest: z.array(PublicArticleCardSchema),
});
export type PublicHome = z.infer<typeof PublicHomeSchema>;

export const PublicListingSchema = z.object({
  title: z.string(),
  description: z.string(),
  articles: z.array(PublicArticleCardSchema),
  page: z.number(),
  hasMore: z.boolean(),
});
export type PublicListing = z.infer<typeof PublicListingSchema>;

/** A byline's page: a staff member or a guest author, with only what a reader should see. */
export const PublicAuthorSchema = z.object({
  name: z.string(),
  slug: z.string(),
  url: z.string(),
  bio: z.string(),
  photo: PublicImageSchema.nullable(),
});
export type PublicAuthor = z.infer<typeof PublicAuthorSchema>;

export const PublicAuthorPageSchema = PublicListingSchema.extend({ author: PublicAuthorSchema });
export type PublicAuthorPage = z.infer<typeof PublicAuthorPageSchema>;

/** Longest search query a reader may send; longer ones are cut on the page and refused by the API. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

export const PublicSearchResultSchema = PublicArticleCardSchema.extend({
  /** Escaped text with only <mark> elements added around the matched words: safe to insert as HTML. */
  snippetHtml: z.string(),
});
export type PublicSearchResult = z.infer<typeof PublicSearchResultSchema>;

export const PublicSearchSchema = z.object({
  query: z.string(),
  results: z.array(PublicSearchResultSchema),
  total: z.number(),
  page: z.number(),
  hasMore: z.boolean(),
});
export type PublicSearch = z.infer<typeof PublicSearchSchema>;

/** At most this many suggestions answer the search box as a reader types. */
export const SEARCH_SUGGESTIONS_MAX = 5;

/** One as-you-type suggestion: only a headline and where it leads. */
export const PublicSearchSuggestionSchema = z.object({ headline: z.string(), url: z.string() });
export type PublicSearchSuggestion = z.infer<typeof PublicSearchSuggestionSchema>;

/** What GET /search/suggest answers. */
export const PublicSearchSuggestionsSchema = z.object({
  results: z.array(PublicSearchSuggestionSchema).max(SEARCH_SUGGESTIONS_MAX),
});
export type PublicSearchSuggestions = z.infer<typeof PublicSearchSuggestionsSchema>;

export const PublicCorrectionEntrySchema = z.object({
  kind: z.enum(['correction', 'update']),
  text: z.string(),
  createdAt: z.date(),
  article: z.object({ headline: z.string(), url: z.string() }),
});
export type PublicCorrectionEntry = z.infer<typeof PublicCorrectionEntrySchema>;

export const PublicCorrectionsSchema = z.object({
  entries: z.array(PublicCorrectionEntrySchema),
  page: z.number(),
  hasMore: z.boolean(),
});
export type PublicCorrections = z.infer<typeof PublicCorrectionsSchema>;
