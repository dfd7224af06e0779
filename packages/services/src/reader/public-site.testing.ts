import { body } from '@newsroom/content';
import { slugify, type ArticleStatus } from '@newsroom/domain';
import type { StaffContext } from '../context.ts';
import type { TestServices } from '../testing.ts';

/** Test fixtures for the public site: articles in a given state, with tags, guest bylines, images, corrections. */

export interface ArticleFixture {
  headline: string;
  dek?: string;
  text?: string;
  /** A whole body (editor JSON) instead of one paragraph of `text`. */
  body?: unknown;
  section?: string;
  tags?: string[];
  /** Bylines: staff members, or guest authors made (or reused) by name. */
  authors?: Array<StaffContext | { guest: string }>;
  imageId?: string;
  licenseCode?: string;
  copyrightHolder?: string;
}

export async function tagId(t: TestServices, name: string): Promise<string> {
  const slug = slugify(name);
  const existing = await t.database.db
    .selectFrom('tags')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (existing) return existing.id;
  return (
    await t.database.db.insertInto('tags').values({ name, slug }).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export async function guestId(
  t: TestServices,
  name: string,
  extra: { bio?: string; photoId?: string } = {},
): Promise<string> {
  const slug = slugify(name);
  const existing = await t.database.db
    .selectFrom('guest_authors')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (existing) return existing.id;
  return (
    await t.database.db
      .insertInto('guest_authors')
      .values({ name, slug, bio: extra.bio ?? '', photo_media_id: extra.photoId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function sectionId(t: TestServices, slug: string): Promise<string> {
  return (
    await t.database.db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
  ).id;
}

export async function insertImage(
  t: TestServices,
  input: { credit?: string; caption?: string; alt?: string; withdrawn?: boolean } = {},
): Promise<{ id: string; key: string }> {
  const key = `2026/11/${crypto.randomUUID()}.jpg`;
  const row = await t.database.db
    .insertInto('media')
    .values({
      storage_key: key,
      mime_type: 'image/jpeg',
      bytes: 12345,
      width: 1200,
      height: 800,
      alt_text: input.alt ?? 'A harbour at dawn',
      caption: input.caption ?? 'The harbour',
      credit: input.credit ?? 'Jo Lens',
      withdrawn_at: input.withdrawn ? new Date('2026-11-01T00:00:00Z') : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/**
 * Makes an article through the article service and moves it to `state`. 'future' is published with a
 * published_at a day ahead (set in the database: no workflow makes it). 'scheduled' is scheduled, then its
 * time is moved into the past without the publishing job running.
 */
export async function articleIn(
  t: TestServices,
  state: ArticleStatus | 'future',
  input: ArticleFixture,
): Promise<{ id: string; slug: string }> {
  const editor = await t.staff('editor');
  const db = t.database.db;
  const created = await t.articles.create(editor, {
    headline: input.headline,
    dek: input.dek ?? '',
    sectionId: input.section ? await sectionId(t, input.section) : null,
    body:
      (input.body as ReturnType<typeof body.documentOf>) ??
      body.documentOf([body.paragraph(input.text ?? `${input.headline}.`)]),
  });
  let version = created.version;
  const move = async (to: ArticleStatus, scheduledAt?: Date) => {
    version = (await t.articles.transition(editor, { id: created.id, baseVersion: version, to, scheduledAt }))
      .version;
  };
  if (state === 'in_review') await move('in_review');
  if (state === 'scheduled') {
    await move('scheduled', new Date(t.clock().getTime() + 3_600_000));
    // Its time has come, but the publishing job has not run: still scheduled, so still not public.
    await db
      .updateTable('articles')
      .set({ scheduled_at: new Date(t.clock().getTime() - 3_600_000) })
      .where('id', '=', created.id)
      .execute();
  }
  if (state === 'published' || state === 'future' || state === 'unpublished') await move('published');
  if (state === 'unpublished') await move('unpublished');
  if (state === 'archived') await move('archived');
  if (state === 'future')
    await db
      .updateTable('articles')
      .set({ published_at: new Date(t.clock().getTime() + 86_400_000) })
      .where('id', '=', created.id)
      .execute();

  if (input.tags?.length) {
    const ids = await Promise.all(input.tags.map((name) => tagId(t, name)));
    await db
      .insertInto('article_tags')
      .values(ids.map((tag_id, position) => ({ article_id: created.id, tag_id, position })))
      .execute();
  }
  if (input.authors?.length) {
    await db.deleteFrom('article_authors').where('article_id', '=', created.id).execute();
    const rows = await Promise.all(
      input.authors.map(async (a, position) =>
        'guest' in a
          ? { article_id: created.id, position, user_id: null, guest_author_id: await guestId(t, a.guest) }
          : { article_id: created.id, position, user_id: a.actor.id, guest_author_id: null },
      ),
    );
    await db.insertInto('article_authors').values(rows).execute();
  }
  if (input.imageId || input.licenseCode || input.copyrightHolder) {
    await db
      .updateTable('articles')
      .set({
        featured_media_id: input.imageId ?? null,
        license_code: input.licenseCode ?? null,
        copyright_holder: input.copyrightHolder ?? null,
      })
      .where('id', '=', created.id)
      .execute();
  }
  return { id: created.id, slug: created.slug };
}

export async function addCorrection(
  t: TestServices,
  articleId: string,
  text: string,
  kind: 'correction' | 'update' = 'correction',
  at?: Date,
) {
  await t.database.db
    .insertInto('corrections')
    .values({ article_id: articleId, kind, text, created_at: at ?? t.clock() })
    .execute();
}
