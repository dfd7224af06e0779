import type { Readable } from 'node:stream';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { sql, type Database, type Kysely } from '@newsroom/db';
import { ExportManifestSchema } from '@newsroom/domain';
import type { StaffContext } from '../context.ts';
import type { MediaStore } from '../media/media-store.ts';
import { createTestServices, type TestServices } from '../testing.ts';

// Export the seeded demo publication plus extra records, import it into a fresh database, and compare
// every table row by row (ordered by key) and every stored file byte for byte.

let source: TestServices;
let target: TestServices;
let owner: StaffContext;
let archive: Uint8Array;
let files: Record<string, Uint8Array>;
const extra = {} as { articleId: string; imageId: string; withdrawnId: string; suspendedId: string };

async function bytesOf(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

async function readStored(store: MediaStore, key: string): Promise<Buffer | undefined> {
  const file = await store.get(key);
  if (!file) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  source = await createTestServices({ seed: true });
  owner = await source.staff('owner');
  const editor = await source.staff('editor', 'Eda Editor');
  const admin = await source.staff('administrator');
  const jpeg = await sharp({ create: { width: 1400, height: 800, channels: 3, background: '#4a7a5b' } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 256, height: 256, channels: 4, background: '#1d4ed8' } }).png().toBuffer();

  const photo = await source.media.upload(editor, {
    bytes: jpeg,
    fileName: 'Valley.jpg',
    altText: 'A green valley',
    caption: 'The valley in spring',
    credit: 'Jo Lens',
    creator: 'Jo Lens',
    copyrightHolder: 'Agency Ltd',
    licenseCode: 'cc-by-4.0',
    licenseExpiresAt: new Date('2027-06-30T00:00:00Z'),
    usageNotes: 'Web only',
  });
  const pulled = await source.media.upload(editor, { bytes: jpeg, fileName: 'pulled.jpg', altText: 'Pulled' });
  await source.withdrawals.withdraw(editor, { id: pulled.id, reason: 'Complaint' });
  const icon = await source.media.upload(admin, { bytes: png, fileName: 'icon.png', altText: 'Icon' });
  await source.settings.generateIcons(admin, { mediaId: icon.id });
  await source.settings.update(admin, { rightsEnforcement: 'block' });

  const tag = await source.taxonomy.createTag(editor, { name: 'Valleys' });
  const guest = await source.profiles.createGuestAuthor(editor, { name: 'Gail Guest', bio: 'Writes about rivers.' });
  await source.database.db.updateTable('guest_authors').set({ photo_media_id: photo.id }).where('id', '=', guest.id).execute();
  await source.database.db.updateTable('users').set({ photo_media_id: photo.id }).where('id', '=', editor.actor.id).execute();

  const created = await source.articles.create(editor, {
    headline: 'Spring comes to the valley',
    dek: 'Green again',
    sectionId: null,
    body: body.documentOf([body.paragraph('The valley is green.'), { type: 'image', mediaId: photo.id, altText: '', caption: 'Spring', credit: '' }]),
  });
  const edited = await source.articles.update(editor, {
    id: created.id,
    baseVersion: created.version,
    featuredMediaId: photo.id,
    tagIds: [tag.id],
    rights: { copyrightHolder: 'Globe Echo', copyrightYear: 2026, licenseCode: 'cc-by-sa-4.0', syndicationAllowed: true, rightsNotes: 'Syndicate freely' },
    seoTitle: 'Valley in spring',
    clientId: 'editor-tab-1',
  });
  await source.database.db.insertInto('article_authors').values({ article_id: created.id, position: 1, user_id: null, guest_author_id: guest.id }).execute();
  const published = await source.articles.transition(editor, { id: created.id, baseVersion: edited.version, to: 'published' });
  source.clock.advance(60_000);
  await source.corrections.add(editor, { id: published.id, kind: 'correction', text: 'The valley is in the north.' });
  const renamed = await source.articles.update(editor, { id: published.id, baseVersion: published.version, slug: 'spring-in-the-valley' });
  await source.redirects.create(admin, { fromPath: '/old-valley', toPath: `/article/${renamed.slug}`, statusCode: 302 });

  const suspended = await source.staff('author', 'Sue Spended');
  await source.users.setSuspended(admin, { userId: suspended.actor.id, suspended: true });
  Object.assign(extra, { articleId: created.id, imageId: photo.id, withdrawnId: pulled.id, suspendedId: suspended.actor.id });

  const exported = await source.transfer.exportArchive(owner);
  archive = await bytesOf(exported.chunks);
  files = unzipSync(archive);

  target = await createTestServices();
}, 120_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

/** Every row of a table with every column, as the database renders it (microseconds included), in key order. */
async function rows(db: Kysely<Database>, table: string, order = 'id'): Promise<Array<Record<string, unknown>>> {
  const { rows } = await sql<{ row: Record<string, unknown> }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table)} t ORDER BY ${sql.raw(order)}`.execute(db);
  return rows.map((r) => r.row);
}

describe('the export archive', () => {
  it('holds the manifest, every JSON file and every stored file', () => {
    const manifest = ExportManifestSchema.parse(JSON.parse(strFromU8(files['manifest.json']!)));
    expect(manifest).toMatchObject({ format: 'newsroom-export', format_version: 1, publication_name: 'Globe Echo', exported_at: source.clock().toISOString() });
    for (const name of ['settings', 'sections', 'tags', 'guest_authors', 'users', 'articles', 'revisions', 'corrections', 'redirects', 'media']) {
      expect(files[`${name}.json`], name).toBeDefined();
    }
    const media = JSON.parse(strFromU8(files['media.json']!)) as Array<{ storage_key: string; variants: Array<{ key: string }> }>;
    for (const m of media) {
      expect(files[`media/${m.storage_key}`], m.storage_key).toBeDefined();
      for (const v of m.variants) expect(files[`media/${v.key}`], v.key).toBeDefined();
    }
    expect(Object.keys(files).filter((k) => k.startsWith('media/brand/icons/'))).toHaveLength(5);
    expect(manifest.counts).toMatchObject({ articles: expect.any(Number), media: media.length, corrections: 1, redirects: 2 });
  });

  it('holds no password hash, session or token', () => {
    const users = JSON.parse(strFromU8(files['users.json']!)) as Array<Record<string, unknown>>;
    expect(users.length).toBeGreaterThan(5);
    for (const user of users) expect(Object.keys(user)).not.toEqual(expect.arrayContaining(['password_hash']));
    const everything = Object.entries(files)
      .filter(([name]) => name.endsWith('.json'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(everything).not.toContain('$argon2');
    expect(everything).not.toMatch(/password|token_hash|id_hash/);
  });

  it('keeps each article whole: body, bylines in order, tags, rights', () => {
    const articles = JSON.parse(strFromU8(files['articles.json']!)) as Array<Record<string, unknown>>;
    const article = articles.find((a) => a.id === extra.articleId)!;
    expect(article).toMatchObject({
      slug: 'spring-in-the-valley',
      status: 'published',
      featured_media_id: extra.imageId,
      copyright_holder: 'Globe Echo',
      license_code: 'cc-by-sa-4.0',
      syndication_allowed: true,
      authors: [expect.objectContaining({ position: 0, guest_author_id: null }), expect.objectContaining({ position: 1, user_id: null })],
      tags: [{ tag_id: expect.any(String), position: 0 }],
    });
    expect(JSON.stringify(article.body)).toContain(extra.imageId);
  });
});

describe('importing', () => {
  it('refuses a caller without data.import, and a file that is not an archive', async () => {
    const importer = await target.staff('owner');
    const editor = { ...importer, actor: { ...importer.actor, role: 'editor' as const } };
    await expect(target.transfer.importArchive(editor, archive)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(target.transfer.importArchive(importer, strToU8('not a zip'))).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'archive' });
    const broken = zipSync({ 'manifest.json': files['manifest.json']!, 'users.json': strToU8('[{"id": "nope"}]') });
    await expect(target.transfer.importArchive(importer, broken)).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'archive' });
  });

  it('restores everything into an empty publication with the same ids, timestamps and files', async () => {
    const importer = await target.staff('owner');
    const result = await target.transfer.importArchive(importer, archive);
    const sourceOwner = (await source.database.db.selectFrom('users').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow()).id;
    expect(result).toMatchObject({ missingFiles: [], formerOwnerId: sourceOwner });
    expect(target.changes).toContainEqual({ kind: 'all' });

    const same = async (table: string, order = 'id') => expect(await rows(target.database.db, table, order), table).toEqual(await rows(source.database.db, table, order));
    await same('publication_settings');
    await same('sections');
    await same('tags');
    await same('guest_authors');
    await same('media');
    await same('articles');
    await same('article_authors', 'article_id, position');
    await same('article_tags', 'article_id, position');
    await same('revisions');
    await same('corrections');
    await same('redirects');

    // Staff: the same rows but for what does not travel (passwords) and what an import must change.
    const imported = (await rows(target.database.db, 'users')).filter((u) => u.id !== importer.actor.id);
    const expected = (await rows(source.database.db, 'users')).map((u) => ({
      ...u,
      password_hash: null,
      password_changed_at: null,
      status: u.status === 'suspended' ? 'suspended' : 'invited',
      role: u.role === 'owner' ? 'administrator' : u.role,
    }));
    expect(imported).toEqual(expected);
    expect(imported.find((u) => u.id === extra.suspendedId)!.status).toBe('suspended');
    expect((await rows(target.database.db, 'sessions', 'id_hash')).map((s) => s.user_id)).not.toContain(sourceOwner);

    // Files: byte for byte, originals, variants and brand icons.
    const keys = Object.keys(files).filter((k) => k.startsWith('media/')).map((k) => k.slice('media/'.length));
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) {
      const a = await readStored(source.deps.mediaStore, key);
      const b = await readStored(target.deps.mediaStore, key);
      expect(a, key).toBeDefined();
      expect(b?.equals(a!), key).toBe(true);
    }

    // The public site reads the same.
    const slug = 'spring-in-the-valley';
    expect(await target.reader.article(slug)).toEqual(await source.reader.article(slug));
    expect(await target.settings.branding()).toEqual(await source.settings.branding());
    expect((await target.reader.article(slug))!.image?.url).toContain('/media/');

    const audit = await target.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'data.imported').execute();
    expect(audit).toEqual([{ action: 'data.imported', actor_id: importer.actor.id }]);
  });

  it('refuses a publication that is not empty (409)', async () => {
    const importer = await target.staff('owner');
    const error = await target.transfer.importArchive(importer, archive).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PUBLICATION_NOT_EMPTY', transportCode: 'CONFLICT', field: 'archive' });
    expect((error as Error).message).toMatch(/^An import needs an empty publication; this one already has \d+ articles/);
  });

  it('recognises the importer in the archive by email: their bylines and uploads become theirs', async () => {
    const third = await createTestServices();
    try {
      const me = await third.users.createAccount({ email: 'OWNER@example.test', name: 'New Owner', role: 'owner', password: 'correct horse battery' });
      const ctx: StaffContext = { actor: { id: me.id, role: 'owner', name: me.name, email: me.email }, meta: { ip: null, userAgent: 'test' } };
      const result = await third.transfer.importArchive(ctx, archive);
      expect(result.formerOwnerId).toBeNull();
      const sourceOwner = await source.database.db.selectFrom('users').selectAll().where('role', '=', 'owner').executeTakeFirstOrThrow();
      const mine = await third.database.db.selectFrom('users').selectAll().where('id', '=', me.id).executeTakeFirstOrThrow();
      expect(mine).toMatchObject({ role: 'owner', status: 'active', name: sourceOwner.name, slug: sourceOwner.slug });
      expect(await third.database.db.selectFrom('users').select('id').where('id', '=', sourceOwner.id).executeTakeFirst()).toBeUndefined();
      // The demo logo was uploaded by the archive's owner.
      const logo = await third.database.db.selectFrom('publication_settings').innerJoin('media', 'media.id', 'publication_settings.logo_media_id').select('media.uploaded_by').executeTakeFirstOrThrow();
      expect(logo.uploaded_by).toBe(me.id);
    } finally {
      await third.close();
    }
  });
});
