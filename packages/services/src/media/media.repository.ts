import { sql, type Database, type Kysely, type MediaVariant } from '@newsroom/db';

/** Every column the dashboard shows, the uploader's name, and the exact creation time for page cursors. */
export function selectMedia(db: Kysely<Database>) {
  return db
    .selectFrom('media')
    .leftJoin('users', 'users.id', 'media.uploaded_by')
    .select([
      'media.id',
      'media.storage_key',
      'media.original_filename',
      'media.mime_type',
      'media.bytes',
      'media.width',
      'media.height',
      'media.alt_text',
      'media.caption',
      'media.creator',
      'media.credit',
      'media.copyright_holder',
      'media.license_code',
      'media.license_url',
      'media.license_expires_at',
      'media.usage_notes',
      'media.variants',
      'media.uploaded_by',
      'media.withdrawn_at',
      'media.withdrawn_reason',
      'media.created_at',
      'media.updated_at',
      'users.name as uploader_name',
      // Microseconds, as stored: a JavaScript Date would round them off and a page could repeat a row.
      sql<string>`to_char(media.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_at_exact'),
    ]);
}

export type MediaRecord = Awaited<ReturnType<ReturnType<typeof selectMedia>['executeTakeFirstOrThrow']>>;

export function findMediaRecord(db: Kysely<Database>, id: string, options: { forUpdate?: boolean } = {}) {
  let q = selectMedia(db).where('media.id', '=', id);
  // Locks the media row only: the uploader may be null, and FOR UPDATE cannot lock the outer join's side.
  if (options.forUpdate) q = q.forUpdate(['media']);
  return q.executeTakeFirst();
}

export interface MediaPageFilter {
  query?: string;
  uploadedBy?: string;
  expiresBefore?: Date;
  limit: number;
}

/** One page, newest first, keyset on (created_at, id) so every page costs the same. */
export function listMediaPage(db: Kysely<Database>, filter: MediaPageFilter, after: { at: string; id: string } | null) {
  let q = selectMedia(db);
  if (filter.query) q = q.where(sql<boolean>`media.search @@ websearch_to_tsquery('simple', ${filter.query})`);
  if (filter.uploadedBy) q = q.where('media.uploaded_by', '=', filter.uploadedBy);
  if (filter.expiresBefore) {
    q = q.where('media.license_expires_at', 'is not', null).where('media.license_expires_at', '<=', filter.expiresBefore).where('media.withdrawn_at', 'is', null);
  }
  if (after) q = q.where(sql<boolean>`(media.created_at, media.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q
    .orderBy('media.created_at', 'desc')
    .orderBy('media.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/** Images whose licence runs out by `until` (or already has) and that are not withdrawn, soonest first. */
export function listExpiringMedia(db: Kysely<Database>, until: Date, limit: number) {
  return selectMedia(db)
    .where('media.license_expires_at', 'is not', null)
    .where('media.license_expires_at', '<=', until)
    .where('media.withdrawn_at', 'is', null)
    .orderBy('media.license_expires_at', 'asc')
    .orderBy('media.id', 'asc')
    .limit(limit)
    .execute();
}

/** The editable text and rights columns. */
export interface MediaTextColumns {
  alt_text: string;
  caption: string;
  creator: string | null;
  credit: string | null;
  copyright_holder: string | null;
  license_code: string | null;
  license_url: string | null;
  license_expires_at: Date | null;
  usage_notes: string;
}

export interface NewMedia extends MediaTextColumns {
  id: string;
  storage_key: string;
  original_filename: string;
  mime_type: string;
  bytes: number;
  width: number;
  height: number;
  variants: MediaVariant[];
  uploaded_by: string;
  created_at: Date;
}

export function insertMedia(db: Kysely<Database>, values: NewMedia) {
  return db
    .insertInto('media')
    .values({ ...values, variants: JSON.stringify(values.variants), updated_at: values.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function updateMedia(db: Kysely<Database>, id: string, changes: Partial<MediaTextColumns> & { updated_at: Date }) {
  return db.updateTable('media').set(changes).where('id', '=', id).executeTakeFirst();
}

export function deleteMedia(db: Kysely<Database>, id: string) {
  return db.deleteFrom('media').where('id', '=', id).executeTakeFirst();
}

/**
 * Articles that show the image: in the body (an image node anywhere in the editor JSON), as the featured
 * image or as the social card image.
 */
export function findArticlesUsingMedia(db: Kysely<Database>, mediaId: string) {
  return db
    .selectFrom('articles')
    .select([
      'articles.id',
      'articles.headline',
      'articles.status',
      'articles.created_by',
      sql<boolean>`articles.featured_media_id IS NOT DISTINCT FROM ${mediaId}::uuid`.as('as_featured'),
      sql<boolean>`articles.social_media_id IS NOT DISTINCT FROM ${mediaId}::uuid`.as('as_social'),
      sql<boolean>`jsonb_path_exists(articles.body, '$.**.mediaId ? (@ == $id)', jsonb_build_object('id', ${mediaId}::text))`.as('in_body'),
    ])
    .where((eb) =>
      eb.or([
        eb('articles.featured_media_id', '=', mediaId),
        eb('articles.social_media_id', '=', mediaId),
        sql<boolean>`jsonb_path_exists(articles.body, '$.**.mediaId ? (@ == $id)', jsonb_build_object('id', ${mediaId}::text))`,
      ]),
    )
    .orderBy('articles.updated_at', 'desc')
    .execute();
}

/** The users named as authors of each article, for deciding who may see which headline. */
export function findAuthorIds(db: Kysely<Database>, articleIds: readonly string[]) {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('article_authors')
    .select(['article_id', 'user_id'])
    .where('article_id', 'in', articleIds)
    .where('user_id', 'is not', null)
    .execute();
}

export function findSettingsUsingMedia(db: Kysely<Database>, mediaId: string) {
  return db
    .selectFrom('publication_settings')
    .select(['logo_media_id', 'icon_media_id', 'default_share_media_id'])
    .where((eb) => eb.or([eb('logo_media_id', '=', mediaId), eb('icon_media_id', '=', mediaId), eb('default_share_media_id', '=', mediaId)]))
    .execute();
}

export async function countProfilesUsingMedia(db: Kysely<Database>, mediaId: string): Promise<number> {
  const [staff, guests] = await Promise.all([
    db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).where('photo_media_id', '=', mediaId).executeTakeFirstOrThrow(),
    db.selectFrom('guest_authors').select((eb) => eb.fn.countAll<string>().as('n')).where('photo_media_id', '=', mediaId).executeTakeFirstOrThrow(),
  ]);
  return Number(staff.n) + Number(guests.n);
}
