import { sql, type Database, type Kysely } from '@newsroom/db';

/**
 * Tables an archive holds, their allow-listed columns (what is exported and restored: anything else, a
 * password hash or a new column, stays out until it is added here and to the archive schema), and the key
 * they are ordered by. Names come from this list only, never from an archive.
 */
export const TRANSFER_TABLES = {
  users: ['id', 'email', 'name', 'slug', 'role', 'status', 'bio', 'photo_media_id', 'created_at', 'updated_at', 'last_login_at'],
  media: [
    'id',
    'storage_key',
    'original_filename',
    'mime_type',
    'bytes',
    'width',
    'height',
    'alt_text',
    'caption',
    'creator',
    'credit',
    'copyright_holder',
    'license_code',
    'license_url',
    'license_expires_at',
    'usage_notes',
    'variants',
    'uploaded_by',
    'withdrawn_at',
    'withdrawn_reason',
    'created_at',
    'updated_at',
  ],
  publication_settings: [
    'id',
    'name',
    'description',
    'logo_media_id',
    'logo_alt',
    'icon_media_id',
    'accent_color',
    'navigation',
    'copyright_template',
    'default_license',
    'time_zone',
    'language',
    'social',
    'rights_enforcement',
    'default_share_media_id',
    'integrations',
    'updated_at',
    'updated_by',
  ],
  sections: ['id', 'name', 'slug', 'description', 'position', 'created_at'],
  tags: ['id', 'name', 'slug', 'created_at'],
  guest_authors: ['id', 'name', 'slug', 'bio', 'photo_media_id', 'created_at'],
  articles: [
    'id',
    'slug',
    'headline',
    'dek',
    'body',
    'body_text',
    'word_count',
    'status',
    'section_id',
    'featured_media_id',
    'social_media_id',
    'seo_title',
    'seo_description',
    'canonical_url',
    'copyright_holder',
    'copyright_year',
    'license_code',
    'syndication_allowed',
    'rights_notes',
    'version',
    'created_by',
    'updated_by',
    'created_at',
    'updated_at',
    'published_at',
    'first_published_at',
    'scheduled_at',
    'unpublished_at',
    'updated_client_id',
    'client_run_base_version',
  ],
  article_authors: ['article_id', 'position', 'user_id', 'guest_author_id'],
  article_tags: ['article_id', 'tag_id', 'position'],
  revisions: ['id', 'article_id', 'article_version', 'kind', 'headline', 'dek', 'body', 'status', 'note', 'client_id', 'created_by', 'created_at'],
  corrections: ['id', 'article_id', 'kind', 'text', 'created_by', 'created_at'],
  redirects: ['id', 'from_path', 'to_path', 'status_code', 'article_id', 'created_by', 'created_at'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

export type TransferTable = keyof typeof TRANSFER_TABLES;

const ORDER: Record<TransferTable, string> = {
  users: 'id',
  media: 'id',
  publication_settings: 'id',
  sections: 'id',
  tags: 'id',
  guest_authors: 'id',
  articles: 'id',
  article_authors: 'article_id, position',
  article_tags: 'article_id, position, tag_id',
  revisions: 'id',
  corrections: 'id',
  redirects: 'id',
};

/**
 * Every row of `table`, as JSON made by the database: timestamps keep their microseconds and offset,
 * numbers and nested JSON stay as they are. Only the allow-listed columns.
 */
export async function readTableRows(db: Kysely<Database>, table: TransferTable): Promise<Array<Record<string, unknown>>> {
  const columns = TRANSFER_TABLES[table];
  const pairs = sql.join(columns.map((c) => sql`${sql.lit(c)}, t.${sql.ref(c)}`));
  const { rows } = await sql<{ row: Record<string, unknown> }>`
    SELECT jsonb_build_object(${pairs}) AS row FROM ${sql.table(table)} AS t ORDER BY ${sql.raw(ORDER[table])}
  `.execute(db);
  return rows.map((r) => r.row);
}

/** Rows per INSERT: bodies are large, and one statement's parameter stays a few megabytes. */
const INSERT_BATCH = 200;

/**
 * Inserts rows of `table` as given, ids and timestamps included, letting the database convert each JSON
 * value to its column's type (jsonb_populate_recordset). Only the allow-listed columns are written.
 */
export async function insertTableRows(db: Kysely<Database>, table: TransferTable, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const columns = sql.join(TRANSFER_TABLES[table].map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const batch = JSON.stringify(rows.slice(i, i + INSERT_BATCH));
    await sql`
      INSERT INTO ${sql.table(table)} (${columns})
      SELECT ${columns} FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${batch}::jsonb)
    `.execute(db);
  }
}

/** What the publication already holds, for the "import only into an empty publication" rule. */
export async function countExistingContent(db: Kysely<Database>, keepUserId: string) {
  const { rows } = await sql<Record<'articles' | 'sections' | 'tags' | 'guest_authors' | 'media' | 'redirects' | 'users', string | number>>`
    SELECT
      (SELECT count(*) FROM articles) AS articles,
      (SELECT count(*) FROM sections) AS sections,
      (SELECT count(*) FROM tags) AS tags,
      (SELECT count(*) FROM guest_authors) AS guest_authors,
      (SELECT count(*) FROM media) AS media,
      (SELECT count(*) FROM redirects) AS redirects,
      (SELECT count(*) FROM users WHERE id <> ${keepUserId}::uuid) AS users
  `.execute(db);
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof row, number>;
}
