import { z } from 'zod';
import { ArticleStatusSchema } from '../article-status.ts';
import { LICENSE_CODES } from '../copyright.ts';
import { SlugSchema } from '../slug.ts';
import { AbsoluteHttpUrlSchema } from '../web.ts';
import { PlainTextSchema } from './settings.schema.ts';

/**
 * The body as the editor's JSON (a Lexical editor state). Its node types are checked by the shared
 * renderer; here only its outer shape and size are.
 */
export const RichTextSchema = z
  .object({ root: z.object({ type: z.literal('root'), children: z.array(z.unknown()) }).passthrough() })
  .passthrough()
  .refine((v) => JSON.stringify(v).length <= 2_000_000, 'must be at most 2 MB');
export type RichText = z.infer<typeof RichTextSchema>;

export const ArticleRightsSchema = z.object({
  copyrightHolder: PlainTextSchema(200).nullable(),
  copyrightYear: z.number().int().min(1800).max(3000).nullable(),
  licenseCode: z.enum(LICENSE_CODES).nullable(),
  syndicationAllowed: z.boolean(),
  rightsNotes: PlainTextSchema(2000),
});

export const ArticleSortSchema = z.enum(['updated_at', 'published_at', 'created_at', 'headline']);

/** Filters for the editorial list. Keys and sort columns come from these allow-lists only. */
export const ArticleListInputSchema = z.object({
  status: ArticleStatusSchema.optional(),
  sectionId: z.uuid().optional(),
  tagId: z.uuid().optional(),
  authorId: z.uuid().optional(),
  query: PlainTextSchema(200).optional(),
  sort: ArticleSortSchema.default('updated_at'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(100).default(25),
  /** From the previous page; a headline sort's holds a whole headline (up to 300 characters of any script). */
  cursor: z.string().max(2000).optional(),
});
export type ArticleListInput = z.infer<typeof ArticleListInputSchema>;

/** At most this many names on one byline. */
export const MAX_ARTICLE_AUTHORS = 10;

/** One name on a byline: a staff member's account, or a guest author (a freelancer, an agency) by id. */
export const ArticleAuthorRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), id: z.uuid() }),
  z.object({ kind: z.literal('guest'), id: z.uuid() }),
]);
export type ArticleAuthorRef = z.infer<typeof ArticleAuthorRefSchema>;

/** Each repeat of an earlier entry, by index, under `key`; a byline names nobody twice. */
function refuseRepeats<T>(key: (item: T) => string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index], message: 'names the same author twice' });
      seen.add(k);
    });
  };
}

/** A whole byline in display order; it replaces the current one. */
export const ArticleAuthorsSchema = z
  .array(ArticleAuthorRefSchema)
  .min(1, 'needs at least one author')
  .max(MAX_ARTICLE_AUTHORS, `may hold at most ${MAX_ARTICLE_AUTHORS} authors`)
  .superRefine(refuseRepeats((a) => `${a.kind}:${a.id}`));

export const CreateArticleInputSchema = z.object({
  headline: PlainTextSchema(300),
  dek: PlainTextSchema(600).default(''),
  slug: SlugSchema.optional(),
  sectionId: z.uuid().nullable().default(null),
  body: RichTextSchema.optional(),
});
export type CreateArticleInput = z.infer<typeof CreateArticleInputSchema>;

export const UpdateArticleInputSchema = z.object({
  id: z.uuid(),
  /** The version this edit was based on; a stale one is refused with a conflict. */
  baseVersion: z.number().int().min(1),
  headline: PlainTextSchema(300).optional(),
  dek: PlainTextSchema(600).optional(),
  slug: SlugSchema.optional(),
  sectionId: z.uuid().nullable().optional(),
  body: RichTextSchema.optional(),
  seoTitle: PlainTextSchema(200).nullable().optional(),
  seoDescription: PlainTextSchema(400).nullable().optional(),
  canonicalUrl: AbsoluteHttpUrlSchema.nullable().optional(),
  featuredMediaId: z.uuid().nullable().optional(),
  /** The byline in order, staff and guest authors alike; replaces the current one. */
  authors: ArticleAuthorsSchema.optional(),
  /** The older shape of the byline, staff ids only; still accepted. Send `authors` or this, not both. */
  authorIds: z
    .array(z.uuid())
    .min(1, 'needs at least one author')
    .max(MAX_ARTICLE_AUTHORS, `may hold at most ${MAX_ARTICLE_AUTHORS} authors`)
    .superRefine(refuseRepeats((id) => id))
    .optional(),
  rights: ArticleRightsSchema.partial().optional(),
  /** The article's tags, in display order; replaces the current set. */
  tagIds: z.array(z.uuid()).max(20, 'may hold at most 20 tags').optional(),
  /**
   * The editor session making the save (any stable id the dashboard picks per open editor). A later save
   * of the same session based on an older version is not a conflict; see article.service update.
   */
  clientId: z.string().min(1).max(64).regex(/^[\w-]+$/, 'may only hold letters, digits, _ and -').optional(),
});
export type UpdateArticleInput = z.infer<typeof UpdateArticleInputSchema>;

export const TransitionArticleInputSchema = z.object({
  id: z.uuid(),
  baseVersion: z.number().int().min(1),
  to: ArticleStatusSchema,
  scheduledAt: z.coerce.date().optional(),
});

export const ArticleSummarySchema = z.object({
  id: z.uuid(),
  headline: z.string(),
  slug: z.string(),
  status: ArticleStatusSchema,
  sectionName: z.string().nullable(),
  authorNames: z.array(z.string()),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
  version: z.number(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
