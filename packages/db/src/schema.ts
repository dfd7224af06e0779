import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Table types, written to match migrations/. `Generated` columns have database defaults.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
/** A tsvector: written by the database, never read by the app. */
type SearchVector = ColumnType<never, never, never>;

export interface MediaTable {
  id: Generated<string>;
  storage_key: string;
  original_filename: Generated<string>;
  mime_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  alt_text: Generated<string>;
  caption: Generated<string>;
  creator: string | null;
  credit: string | null;
  copyright_holder: string | null;
  license_code: string | null;
  license_url: string | null;
  license_expires_at: NullableTimestamp;
  usage_notes: Generated<string>;
  variants: ColumnType<MediaVariant[], string | undefined, string>;
  uploaded_by: string | null;
  withdrawn_at: NullableTimestamp;
  withdrawn_reason: string | null;
  created_at: Timestamp & Generated<Date>;
  updated_at: Timestamp & Generated<Date>;
  search: SearchVector;
}

export interface MediaVariant {
  key: string;
  width: number;
  height: number;
  format: string;
  bytes: number;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  slug: string;
  role: 'contributor' | 'author' | 'editor' | 'administrator' | 'owner';
  status: Generated<'active' | 'suspended' | 'invited'>;
  password_hash: string | null;
  bio: Generated<string>;
  photo_media_id: string | null;
  created_at: Timestamp & Generated<Date>;
  updated_at: Timestamp & Generated<Date>;
  last_login_at: NullableTimestamp;
  password_changed_at: NullableTimestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp & Generated<Date>;
  last_seen_at: Timestamp & Generated<Date>;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface UserTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'invite' | 'password_reset';
  created_by: string | null;
  created_at: Timestamp & Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface NavItemRow {
  label: string;
  url: string;
}

export interface PublicationSettingsTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  logo_media_id: string | null;
  logo_alt: Generated<string>;
  icon_media_id: string | null;
  accent_color: string;
  navigation: Json<{ header: NavItemRow[]; footer: NavItemRow[] }>;
  copyright_template: string;
  default_license: Json<{ code: string; customText: string | null; customUrl: string | null }>;
  time_zone: Generated<string>;
  language: Generated<string>;
  social: Json<Record<string, string | null>>;
  rights_enforcement: Generated<'block' | 'warn'>;
  default_share_media_id: string | null;
  integrations: Json<Record<string, unknown>>;
  updated_at: Timestamp & Generated<Date>;
  updated_by: string | null;
}

export interface SectionsTable {
  id: Generated<string>;
  name: string;
  slug: string;
  description: Generated<string>;
  position: Generated<number>;
  created_at: Timestamp & Generated<Date>;
}

export interface TagsTable {
  id: Generated<string>;
  name: string;
  slug: string;
  created_at: Timestamp & Generated<Date>;
}

export interface GuestAuthorsTable {
  id: Generated<string>;
  name: string;
  slug: string;
  bio: Generated<string>;
  photo_media_id: string | null;
  created_at: Timestamp & Generated<Date>;
}

export type ArticleStatusColumn = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'archived';

export interface ArticlesTable {
  id: Generated<string>;
  slug: string;
  headline: string;
  dek: Generated<string>;
  body: Json<unknown>;
  body_text: Generated<string>;
  word_count: Generated<number>;
  status: Generated<ArticleStatusColumn>;
  section_id: string | null;
  featured_media_id: string | null;
  social_media_id: string | null;
  seo_title: string | null;
  seo_description: string | null;
  canonical_url: string | null;
  copyright_holder: string | null;
  copyright_year: number | null;
  license_code: string | null;
  syndication_allowed: Generated<boolean>;
  rights_notes: Generated<string>;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: Timestamp & Generated<Date>;
  updated_at: Timestamp & Generated<Date>;
  published_at: NullableTimestamp;
  first_published_at: NullableTimestamp;
  scheduled_at: NullableTimestamp;
  unpublished_at: NullableTimestamp;
  /** The queued scheduled-publish job, when there is one. */
  publish_job_id: string | null;
  /** The editor session (client id) that wrote the current version, if the save named one. */
  updated_client_id: string | null;
  /** The version the current run of saves by (updated_by, updated_client_id) started from. */
  client_run_base_version: number | null;
  search: SearchVector;
}

export interface ArticleAuthorsTable {
  article_id: string;
  position: number;
  user_id: string | null;
  guest_author_id: string | null;
}

export interface ArticleTagsTable {
  article_id: string;
  tag_id: string;
  position: Generated<number>;
}

export interface RevisionsTable {
  id: Generated<string>;
  article_id: string;
  article_version: number;
  kind: 'autosave' | 'save' | 'status' | 'restore' | 'conflict';
  headline: string;
  dek: string;
  body: Json<unknown>;
  status: string;
  note: Generated<string>;
  client_id: string | null;
  created_by: string | null;
  created_at: Timestamp & Generated<Date>;
}

export interface CorrectionsTable {
  id: Generated<string>;
  article_id: string;
  kind: 'correction' | 'update';
  text: string;
  created_by: string | null;
  created_at: Timestamp & Generated<Date>;
}

export interface RedirectsTable {
  id: Generated<string>;
  from_path: string;
  to_path: string;
  status_code: Generated<number>;
  article_id: string | null;
  created_by: string | null;
  created_at: Timestamp & Generated<Date>;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  at: Timestamp & Generated<Date>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null | undefined, never>;
  after: ColumnType<unknown, string | null | undefined, never>;
  ip: string | null;
  user_agent: string | null;
}

export interface ArticlePresenceTable {
  article_id: string;
  user_id: string;
  seen_at: Timestamp & Generated<Date>;
}

export interface AppSecretsTable {
  key: string;
  value: string;
  created_at: Timestamp & Generated<Date>;
}

export interface ProviderSnapshotsTable {
  provider: string;
  key: string;
  data: Json<unknown>;
  observed_at: Timestamp;
  fetched_at: Timestamp & Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<string>;
  created_at: Timestamp & Generated<Date>;
  kind: string;
  title: string;
  body: Generated<string>;
  entity_type: string | null;
  entity_id: string | null;
  /** The least role that sees it; every role ranked above sees it too. */
  audience_role: UsersTable['role'];
}

export interface NotificationReadsTable {
  notification_id: string;
  user_id: string;
  read_at: Timestamp & Generated<Date>;
}

export interface Database {
  media: MediaTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  rate_limits: RateLimitsTable;
  publication_settings: PublicationSettingsTable;
  sections: SectionsTable;
  tags: TagsTable;
  guest_authors: GuestAuthorsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  revisions: RevisionsTable;
  corrections: CorrectionsTable;
  redirects: RedirectsTable;
  audit_log: AuditLogTable;
  article_presence: ArticlePresenceTable;
  provider_snapshots: ProviderSnapshotsTable;
  app_secrets: AppSecretsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type ArticleUpdate = Updateable<ArticlesTable>;
export type MediaRow = Selectable<MediaTable>;
export type SettingsRow = Selectable<PublicationSettingsTable>;
