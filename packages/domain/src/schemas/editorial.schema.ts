import { z } from 'zod';
import { ArticleStatusSchema } from '../article-status.ts';
import { RichTextSchema } from './article.schema.ts';
import { PlainTextSchema } from './settings.schema.ts';

/** Editorial tools around an article: revisions, presence, preview links, corrections, deletion. */

export const ArticleIdInputSchema = z.object({ id: z.uuid() });

export const REVISION_KINDS = ['autosave', 'save', 'status', 'restore', 'conflict'] as const;
export const RevisionKindSchema = z.enum(REVISION_KINDS);
export type RevisionKind = z.infer<typeof RevisionKindSchema>;

export const RevisionListInputSchema = z.object({
  articleId: z.uuid(),
  limit: z.number().int().min(1).max(50).default(50),
  cursor: z.string().max(500).optional(),
});
export type RevisionListInput = z.infer<typeof RevisionListInputSchema>;

export const RevisionDiffInputSchema = z.object({
  fromId: z.uuid(),
  /** Leave out to compare with the article's current text. */
  toId: z.uuid().optional(),
});
export type RevisionDiffInput = z.infer<typeof RevisionDiffInputSchema>;

export const RestoreRevisionInputSchema = z.object({
  id: z.uuid(),
  /** The article version the restore was asked from; a stale one is refused with a conflict. */
  baseVersion: z.number().int().min(1),
});
export type RestoreRevisionInput = z.infer<typeof RestoreRevisionInputSchema>;

/** "Keep yours": the caller's text after a conflict, stored as a revision without touching the article. */
export const ConflictCopyInputSchema = z.object({
  id: z.uuid(),
  headline: PlainTextSchema(300),
  dek: PlainTextSchema(600).default(''),
  body: RichTextSchema,
  clientId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/, 'may only hold letters, digits, _ and -')
    .optional(),
});
export type ConflictCopyInput = z.infer<typeof ConflictCopyInputSchema>;

export const RevisionAuthorSchema = z.object({ id: z.uuid(), name: z.string() });

export const RevisionSummarySchema = z.object({
  id: z.uuid(),
  articleId: z.uuid(),
  /** The article version this text was (or, for a conflict copy, was written against). */
  version: z.number(),
  kind: RevisionKindSchema,
  status: ArticleStatusSchema,
  headline: z.string(),
  note: z.string(),
  /** Null when the system wrote it (a scheduled publish) or the account is gone. */
  author: RevisionAuthorSchema.nullable(),
  createdAt: z.date(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionSchema = RevisionSummarySchema.extend({ dek: z.string(), body: z.unknown() });
export type Revision = z.infer<typeof RevisionSchema>;

export const DiffPartSchema = z.object({
  value: z.string(),
  added: z.literal(true).optional(),
  removed: z.literal(true).optional(),
});
export type DiffPart = z.infer<typeof DiffPartSchema>;

export const DIFF_FIELDS = ['headline', 'dek', 'body'] as const;
export const FieldDiffSchema = z.object({
  field: z.enum(DIFF_FIELDS),
  changed: z.boolean(),
  parts: z.array(DiffPartSchema),
});
export type FieldDiff = z.infer<typeof FieldDiffSchema>;

export const RevisionDiffSchema = z.object({
  from: RevisionSummarySchema,
  /** Null when compared with the article's current text. */
  to: RevisionSummarySchema.nullable(),
  fields: z.array(FieldDiffSchema),
});
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;

export const PresenceSchema = z.object({
  /** Other staff with the article open in the last 60 seconds. */
  others: z.array(z.object({ id: z.uuid(), name: z.string(), seenAt: z.date() })),
  /** The article's stored version, so an editor learns of a newer save without reloading. */
  version: z.number(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export const PreviewLinkSchema = z.object({ url: z.string(), expiresAt: z.date() });
export type PreviewLink = z.infer<typeof PreviewLinkSchema>;

export const CORRECTION_KINDS = ['correction', 'update'] as const;
export const AddCorrectionInputSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CORRECTION_KINDS),
  text: PlainTextSchema(2000).pipe(z.string().min(1, 'must not be empty')),
});
export type AddCorrectionInput = z.infer<typeof AddCorrectionInputSchema>;

export const CorrectionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CORRECTION_KINDS),
  text: z.string(),
  author: RevisionAuthorSchema.nullable(),
  createdAt: z.date(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const DeleteArticleInputSchema = z.object({ id: z.uuid(), baseVersion: z.number().int().min(1) });
export type DeleteArticleInput = z.infer<typeof DeleteArticleInputSchema>;
