import { z } from 'zod';
import { ARTICLE_STATUSES } from '../article-status.ts';
import { ROLES } from '../roles.ts';

/**
 * The export archive: a zip of JSON files, one per kind of record, plus `media/<storage key>` files. Rows
 * keep the database's column names (snake_case) and exact values: timestamps are ISO 8601 with their
 * offset and microseconds, so an import restores them to the microsecond. Unknown fields are ignored, so an
 * archive from a later version with extra columns still imports.
 */
export const EXPORT_FORMAT = 'newsroom-export';
export const EXPORT_FORMAT_VERSION = 1;

/** The JSON files of an archive, in the order an import restores them. */
export const EXPORT_FILES = [
  'settings.json',
  'users.json',
  'media.json',
  'sections.json',
  'tags.json',
  'guest_authors.json',
  'articles.json',
  'revisions.json',
  'corrections.json',
  'redirects.json',
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

const Id = z.guid();
const NullableId = Id.nullable();
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const Stamp = z.string().regex(TIMESTAMP, 'must be an ISO 8601 time with an offset');
const NullableStamp = Stamp.nullable();
/** Text columns have no length limit in the database; this only keeps one value from being absurd. */
const Text = z.string().max(1_000_000);
const NullableText = Text.nullable();
const Int = z.number().int();
const Json = z.record(z.string(), z.unknown());
/** The same rule the media store applies to keys (media-store.ts). */
export const MEDIA_KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;
const MediaKey = z
  .string()
  .regex(MEDIA_KEY_PATTERN, 'must be a media storage key')
  .refine((k) => !k.includes('..') && !k.includes('//'), 'must be a media storage key');

export const ExportManifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  format_version: z.literal(EXPORT_FORMAT_VERSION, { error: `must be ${EXPORT_FORMAT_VERSION}: this server reads only that version` }),
  exported_at: Stamp,
  publication_name: z.string(),
  /** Rows in each JSON file and the number of media files, for a quick look without unzipping. */
  counts: z.record(z.string(), Int),
});
export type ExportManifest = z.infer<typeof ExportManifestSchema>;

export const ExportSettingsSchema = z.object({
  name: Text,
  description: Text,
  logo_media_id: NullableId,
  logo_alt: Text,
  icon_media_id: NullableId,
  accent_color: Text,
  navigation: Json,
  copyright_template: Text,
  default_license: Json,
  time_zone: Text,
  language: Text,
  social: Json,
  rights_enforcement: z.enum(['block', 'warn']),
  default_share_media_id: NullableId,
  integrations: Json,
  updated_at: Stamp,
  updated_by: NullableId,
});

/** Staff accounts without password hashes, sessions or tokens. */
export const ExportUserSchema = z.object({
  id: Id,
  email: z.string().max(320),
  name: Text,
  slug: Text,
  role: z.enum(ROLES),
  status: z.enum(['active', 'suspended', 'invited']),
  bio: Text,
  photo_media_id: NullableId,
  created_at: Stamp,
  updated_at: Stamp,
  last_login_at: NullableStamp,
});
export type ExportUser = z.infer<typeof ExportUserSchema>;

export const ExportMediaSchema = z.object({
  id: Id,
  storage_key: MediaKey,
  original_filename: Text,
  mime_type: Text,
  bytes: Int.min(0),
  width: Int.nullable(),
  height: Int.nullable(),
  alt_text: Text,
  caption: Text,
  creator: NullableText,
  credit: NullableText,
  copyright_holder: NullableText,
  license_code: NullableText,
  license_url: NullableText,
  license_expires_at: NullableStamp,
  usage_notes: Text,
  variants: z.array(z.object({ key: MediaKey, width: Int, height: Int, format: Text, bytes: Int.min(0) })),
  uploaded_by: NullableId,
  withdrawn_at: NullableStamp,
  withdrawn_reason: NullableText,
  created_at: Stamp,
  updated_at: Stamp,
});
export type ExportMedia = z.infer<typeof ExportMediaSchema>;

export const ExportSectionSchema = z.object({ id: Id, name: Text, slug: Text, description: Text, position: Int, created_at: Stamp });
export const ExportTagSchema = z.object({ id: Id, name: Text, slug: Text, created_at: Stamp });
export const ExportGuestAuthorSchema = z.object({ id: Id, name: Text, slug: Text, bio: Text, photo_media_id: NullableId, created_at: Stamp });

/** The editor's JSON; its node types are checked by the content package on import. */
const Body = z.object({ root: z.object({ type: z.literal('root') }).passthrough() }).passthrough();

export const ExportArticleSchema = z.object({
  id: Id,
  slug: Text,
  headline: Text,
  dek: Text,
  body: Body,
  body_text: z.string(),
  word_count: Int,
  status: z.enum(ARTICLE_STATUSES),
  section_id: NullableId,
  featured_media_id: NullableId,
  social_media_id: NullableId,
  seo_title: NullableText,
  seo_description: NullableText,
  canonical_url: NullableText,
  copyright_holder: NullableText,
  copyright_year: Int.nullable(),
  license_code: NullableText,
  syndication_allowed: z.boolean(),
  rights_notes: Text,
  version: Int.min(1),
  created_by: NullableId,
  updated_by: NullableId,
  created_at: Stamp,
  updated_at: Stamp,
  published_at: NullableStamp,
  first_published_at: NullableStamp,
  scheduled_at: NullableStamp,
  unpublished_at: NullableStamp,
  updated_client_id: NullableText,
  client_run_base_version: Int.nullable(),
  /** Bylines in order: a staff member or a guest author each. */
  authors: z
    .array(z.object({ position: Int, user_id: NullableId, guest_author_id: NullableId }))
    .refine((a) => a.every((x) => (x.user_id === null) !== (x.guest_author_id === null)), 'each author is a user or a guest author'),
  /** Tags in display order. */
  tags: z.array(z.object({ tag_id: Id, position: Int })),
});
export type ExportArticle = z.infer<typeof ExportArticleSchema>;

export const ExportRevisionSchema = z.object({
  id: Id,
  article_id: Id,
  article_version: Int,
  kind: z.enum(['autosave', 'save', 'status', 'restore', 'conflict']),
  headline: Text,
  dek: Text,
  body: Body,
  status: Text,
  note: Text,
  client_id: NullableText,
  created_by: NullableId,
  created_at: Stamp,
});

export const ExportCorrectionSchema = z.object({
  id: Id,
  article_id: Id,
  kind: z.enum(['correction', 'update']),
  text: Text,
  created_by: NullableId,
  created_at: Stamp,
});

export const ExportRedirectSchema = z.object({
  id: Id,
  from_path: Text,
  to_path: Text,
  status_code: z.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)]),
  article_id: NullableId,
  created_by: NullableId,
  created_at: Stamp,
});

/** What an import restored. */
export interface ImportResult {
  counts: Record<string, number>;
  /** Files the archive's records name that it does not hold (the source had lost them). */
  missingFiles: string[];
  /** The archive's owner, imported as an administrator (the importing owner stays owner), if any. */
  formerOwnerId: string | null;
}
