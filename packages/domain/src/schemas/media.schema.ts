import { z } from 'zod';
import { ArticleStatusSchema } from '../article-status.ts';
import { LICENSE_CODES } from '../copyright.ts';
import { AbsoluteHttpUrlSchema } from '../web.ts';
import { PlainTextSchema } from './settings.schema.ts';

/** The largest upload the media library takes; the server's image limits say the same. */
export const MEDIA_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** Longest text kept in each media field. The article body's image node has the same limits. */
export const MEDIA_TEXT_LIMITS = {
  altText: 1000,
  caption: 2000,
  creator: 300,
  credit: 300,
  copyrightHolder: 300,
  usageNotes: 2000,
} as const;

export const ALT_TEXT_REQUIRED_MESSAGE = 'Add alt text to the image before using it';

/** Optional text that is null when left empty. */
const OptionalText = (max: number) =>
  PlainTextSchema(max)
    .nullable()
    .transform((v) => (v ? v : null));

const emptyToNull = (v: unknown) => (v === '' ? null : v);

const ExpiryDateSchema = z.coerce
  .date({ error: 'must be a date' })
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, 'must be a date between 1900 and 9999');

/** The descriptive and rights fields of an image; every one optional, so an upload can leave them blank. */
export const MediaFieldsSchema = z.object({
  altText: PlainTextSchema(MEDIA_TEXT_LIMITS.altText),
  caption: PlainTextSchema(MEDIA_TEXT_LIMITS.caption),
  creator: OptionalText(MEDIA_TEXT_LIMITS.creator),
  credit: OptionalText(MEDIA_TEXT_LIMITS.credit),
  copyrightHolder: OptionalText(MEDIA_TEXT_LIMITS.copyrightHolder),
  licenseCode: z.enum(LICENSE_CODES, { error: `must be one of ${LICENSE_CODES.join(', ')}` }).nullable(),
  licenseUrl: z.preprocess(emptyToNull, AbsoluteHttpUrlSchema.nullable()),
  licenseExpiresAt: z.preprocess(emptyToNull, ExpiryDateSchema.nullable()),
  usageNotes: PlainTextSchema(MEDIA_TEXT_LIMITS.usageNotes),
});
export type MediaFields = z.infer<typeof MediaFieldsSchema>;

export const UploadMediaFieldsSchema = MediaFieldsSchema.partial();
export type UploadMediaFields = z.infer<typeof UploadMediaFieldsSchema>;

/**
 * An edit to an image. Alt text is always sent and never empty: an image is usable only with it. The other
 * fields are left as they are when absent.
 */
export const UpdateMediaInputSchema = MediaFieldsSchema.partial().extend({
  id: z.uuid(),
  altText: PlainTextSchema(MEDIA_TEXT_LIMITS.altText).pipe(z.string().min(1, ALT_TEXT_REQUIRED_MESSAGE)),
});
export type UpdateMediaInput = z.infer<typeof UpdateMediaInputSchema>;

export const MediaListInputSchema = z.object({
  query: PlainTextSchema(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(24),
  /** Only images the caller uploaded. */
  onlyMine: z.boolean().optional(),
  /** Only images whose licence runs out within this many days (or already has), not withdrawn. */
  expiringWithinDays: z.number().int().min(0).max(3650).optional(),
});
export type MediaListInput = z.infer<typeof MediaListInputSchema>;

export const MediaIdInputSchema = z.object({ id: z.uuid() });

/** The rights report looks this many days ahead. */
export const RIGHTS_REPORT_DAYS = 30;

export interface MediaVariantView {
  url: string;
  width: number;
  height: number;
  format: string;
}

/** An image as the dashboard sees it. Text fields are plain text: escape them wherever they are shown. */
export interface MediaItem {
  id: string;
  url: string;
  /** The smallest variant, or the original when there is none. */
  thumbnailUrl: string;
  variants: MediaVariantView[];
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  originalFilename: string;
  altText: string;
  caption: string;
  creator: string | null;
  credit: string | null;
  copyrightHolder: string | null;
  licenseCode: string | null;
  licenseUrl: string | null;
  licenseExpiresAt: Date | null;
  usageNotes: string;
  uploadedBy: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  /** What the caller may do with it (the server checks again on every call). */
  canUpdate: boolean;
  canDelete: boolean;
}

export const MediaArticleUsageSchema = z.object({
  id: z.uuid(),
  headline: z.string(),
  status: ArticleStatusSchema,
  where: z.array(z.enum(['body', 'featured', 'social'])),
});
export type MediaArticleUsage = z.infer<typeof MediaArticleUsageSchema>;

export type MediaSettingsUsage = 'logo' | 'icon' | 'defaultShare';

export interface MediaUsage {
  /** Articles the caller may read. */
  articles: MediaArticleUsage[];
  /** Articles using it that the caller may not read: counted, not named. */
  otherArticles: number;
  settings: MediaSettingsUsage[];
  /** Staff and guest author photos. */
  profiles: number;
  inUse: boolean;
}

export interface RightsReportEntry {
  media: MediaItem;
  state: 'expired' | 'expiring';
  /** Whole days until the licence runs out; negative once it has. */
  daysLeft: number;
  usage: MediaUsage;
}

export interface RightsReport {
  generatedAt: Date;
  days: number;
  entries: RightsReportEntry[];
}
