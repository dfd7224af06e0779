import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { body } from '@newsroom/content';
import { MEDIA_UPLOAD_MAX_BYTES, type MediaItem } from '@newsroom/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';
import { MEDIA_LIMITS } from './image-processing.ts';
import type { LocalDiskMediaStore } from './media-store.ts';

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
<photoshop:Credit>Reuters</photoshop:Credit>
<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2026 Jane Doe</rdf:li></rdf:Alt></dc:rights>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Rescue boats in Leeds</rdf:li></rdf:Alt></dc:description>
</rdf:Description></rdf:RDF></x:xmpmeta>`;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DAY = 24 * 60 * 60 * 1000;

let t: TestServices;
let editor: StaffContext;
let author: StaffContext;
let contributor: StaffContext;
let jpeg: Buffer;
let png: Buffer;

beforeAll(async () => {
  t = await createTestServices({ seed: true });
  editor = await t.staff('editor');
  author = await t.staff('author');
  contributor = await t.staff('contributor');
  jpeg = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#336699' } }).jpeg().withXmp(XMP).toBuffer();
  png = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#993366' } }).png().toBuffer();
});
afterAll(async () => {
  await t.close();
});

const store = () => t.deps.mediaStore as LocalDiskMediaStore;

async function storedFiles(): Promise<string[]> {
  const files = await readdir(store().root, { recursive: true, withFileTypes: true });
  return files.filter((f) => f.isFile()).map((f) => relative(store().root, join(f.parentPath, f.name))).sort();
}

async function mediaCount(): Promise<number> {
  const row = await t.database.db.selectFrom('media').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditFor(id: string) {
  return t.database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'media').where('entity_id', '=', id).orderBy('id').execute();
}

function upload(who: StaffContext, fileName = 'photo.png', bytes: Uint8Array = png, extra = {}): Promise<MediaItem> {
  return t.media.upload(who, { bytes, fileName, ...extra });
}

describe('upload', () => {
  it('stores the original and variants under server-made keys, and the row, prefilled from XMP', async () => {
    const item = await t.media.upload(author, { bytes: jpeg, fileName: '../../etc/passwd .jpg' });

    const row = await t.database.db.selectFrom('media').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(new RegExp(`^2026/11/${UUID}\\.jpg$`));
    expect(row.storage_key).not.toContain('passwd');
    expect(row.original_filename).toBe('passwd .jpg');
    expect(row).toMatchObject({ mime_type: 'image/jpeg', width: 800, height: 400, alt_text: '', uploaded_by: author.actor.id });
    expect(row).toMatchObject({ creator: 'Jane Doe', credit: 'Reuters', copyright_holder: '© 2026 Jane Doe', caption: 'Rescue boats in Leeds' });
    expect(row.variants.map((v) => `${v.format}:${v.width}x${v.height}`)).toEqual(['webp:320x160', 'webp:640x320', 'avif:800x400']);
    const base = row.storage_key.replace(/\.jpg$/, '');
    expect(row.variants.map((v) => v.key)).toEqual([`${base}-320.webp`, `${base}-640.webp`, `${base}-800.avif`]);

    for (const key of [row.storage_key, ...row.variants.map((v) => v.key)]) {
      const file = await store().get(key);
      expect(file, key).toBeDefined();
      file!.stream.destroy();
    }
    const stored = await sharp((await readFileFromStore(row.storage_key))).metadata();
    expect(stored.xmp).toBeUndefined();

    expect(item).toMatchObject({
      url: `/media/${row.storage_key}`,
      thumbnailUrl: `/media/${base}-320.webp`,
      altText: '',
      uploadedBy: { id: author.actor.id, name: author.actor.name },
      canUpdate: true,
      canDelete: true,
    });
    const audit = await auditFor(item.id);
    expect(audit.map((a) => a.action)).toEqual(['media.uploaded']);
    expect(audit[0]!.after).toMatchObject({ storageKey: row.storage_key, credit: 'Reuters', originalFilename: 'passwd .jpg' });
  });

  it('keeps the fields the uploader gave over the embedded ones', async () => {
    const item = await t.media.upload(author, { bytes: jpeg, fileName: 'a.jpg', altText: 'Boats', credit: 'Our photographer', licenseCode: 'cc-by-4.0' });
    expect(item).toMatchObject({ altText: 'Boats', credit: 'Our photographer', creator: 'Jane Doe', licenseCode: 'cc-by-4.0' });
  });

  it.each([
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>', 'logo.png', /SVG/],
    ['a text file', 'just some notes\n', 'notes.jpg', /not an image/],
  ])('refuses %s with field "file" and stores nothing', async (_label, content, name, message) => {
    const [filesBefore, rowsBefore] = [await storedFiles(), await mediaCount()];
    const error = await upload(author, name, Buffer.from(content)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'file' });
    expect((error as Error).message).toMatch(message);
    expect(await storedFiles()).toEqual(filesBefore);
    expect(await mediaCount()).toBe(rowsBefore);
  });

  it('removes the stored files when the row cannot be written', async () => {
    const filesBefore = await storedFiles();
    // An uploader who does not exist breaks the foreign key, after the files are stored.
    const ghost: StaffContext = { ...author, actor: { ...author.actor, id: randomUUID() } };
    await expect(upload(ghost)).rejects.toThrow();
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('refuses bad rights fields on upload, naming the field', async () => {
    await expect(upload(author, 'a.png', png, { licenseUrl: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'licenseUrl' });
  });

  it('has the same byte limit as the dashboard is told', () => {
    expect(MEDIA_UPLOAD_MAX_BYTES).toBe(MEDIA_LIMITS.maxBytes);
  });
});

async function readFileFromStore(key: string): Promise<Buffer> {
  const file = (await store().get(key))!;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('update', () => {
  it('records every rights change in the audit log, before and after', async () => {
    const item = await upload(author);
    const updated = await t.media.update(author, {
      id: item.id,
      altText: '  A red square  ',
      copyrightHolder: 'Globe Echo',
      licenseCode: 'cc-by-4.0',
      licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
      licenseExpiresAt: new Date('2027-01-31T00:00:00Z'),
      usageNotes: 'Web only',
    });
    expect(updated).toMatchObject({ altText: 'A red square', copyrightHolder: 'Globe Echo', licenseCode: 'cc-by-4.0', usageNotes: 'Web only' });
    expect(updated.licenseExpiresAt).toEqual(new Date('2027-01-31T00:00:00Z'));

    const audit = await auditFor(item.id);
    expect(audit.map((a) => a.action)).toEqual(['media.uploaded', 'media.updated']);
    expect(audit[1]).toMatchObject({
      actor_id: author.actor.id,
      before: { altText: '', copyrightHolder: null, licenseCode: null, licenseUrl: null, licenseExpiresAt: null, usageNotes: '' },
      after: {
        altText: 'A red square',
        copyrightHolder: 'Globe Echo',
        licenseCode: 'cc-by-4.0',
        licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
        licenseExpiresAt: '2027-01-31T00:00:00.000Z',
        usageNotes: 'Web only',
      },
    });

    // Clearing the licence is a rights change too; fields not sent stay as they were.
    await t.media.update(editor, { id: item.id, altText: 'A red square', licenseCode: null, licenseExpiresAt: null });
    const last = (await auditFor(item.id)).at(-1)!;
    expect(last).toMatchObject({ actor_id: editor.actor.id, before: { licenseCode: 'cc-by-4.0', licenseExpiresAt: '2027-01-31T00:00:00.000Z' }, after: { licenseCode: null, licenseExpiresAt: null } });
    expect(await t.media.get(editor, item.id)).toMatchObject({ copyrightHolder: 'Globe Echo', usageNotes: 'Web only', licenseUrl: 'https://creativecommons.org/licenses/by/4.0/' });

    // Saving without a change writes no audit record.
    await t.media.update(editor, { id: item.id, altText: 'A red square' });
    expect(await auditFor(item.id)).toHaveLength(3);
  });

  it('refuses empty alt text and bad fields, naming the field, and changes nothing', async () => {
    const item = await upload(author);
    await expect(t.media.update(author, { id: item.id, altText: '   ' })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'altText' });
    await expect(t.media.update(author, { id: item.id, altText: 'x', licenseCode: 'public-domain' as never })).rejects.toMatchObject({ field: 'licenseCode' });
    await expect(t.media.update(author, { id: item.id, altText: 'x', licenseUrl: 'ftp://example.org/x' })).rejects.toMatchObject({ field: 'licenseUrl' });
    await expect(t.media.update(author, { id: item.id, altText: 'x', credit: 'a'.repeat(301) })).rejects.toMatchObject({ field: 'credit' });
    await expect(t.media.update(author, { id: item.id, altText: 'x', caption: 'bell\u0007' })).rejects.toMatchObject({ field: 'caption' });
    expect((await t.media.get(author, item.id)).altText).toBe('');
    expect(await auditFor(item.id)).toHaveLength(1);
  });

  it('lets a contributor edit their own image but not a colleague\'s; an editor edits any', async () => {
    const theirs = await upload(author);
    const mine = await upload(contributor);
    await expect(t.media.update(contributor, { id: theirs.id, altText: 'Hijacked', credit: 'Me' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.media.delete(contributor, theirs.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.media.get(author, theirs.id)).toMatchObject({ altText: '', credit: null });
    expect(await t.media.get(contributor, theirs.id)).toMatchObject({ canUpdate: false, canDelete: false });

    expect(await t.media.update(contributor, { id: mine.id, altText: 'Mine' })).toMatchObject({ altText: 'Mine', canUpdate: true });
    expect(await t.media.update(editor, { id: theirs.id, altText: 'Fixed by the editor' })).toMatchObject({ altText: 'Fixed by the editor' });
  });

  it('answers NOT_FOUND for an image that does not exist', async () => {
    await expect(t.media.update(editor, { id: randomUUID(), altText: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('usage, delete and assertUsable', () => {
  it('refuses to delete an image an article or the settings use, saying where; deletes it and its files after', async () => {
    const item = await upload(author, 'boats.png', png, { altText: 'Boats' });
    const article = await t.articles.create(author, {
      headline: 'Floods in Leeds',
      dek: '',
      sectionId: null,
      body: body.documentOf([body.paragraph('Water.'), { type: 'image', mediaId: item.id, altText: 'Boats', caption: '', credit: '' }]),
    });
    const featured = await t.articles.create(editor, { headline: 'Second story', dek: '', sectionId: null });
    await t.articles.update(editor, { id: featured.id, baseVersion: featured.version, featuredMediaId: item.id });

    const usage = await t.media.usage(editor, item.id);
    expect(usage.articles).toEqual(
      expect.arrayContaining([
        { id: article.id, headline: 'Floods in Leeds', status: 'draft', where: ['body'] },
        { id: featured.id, headline: 'Second story', status: 'draft', where: ['featured'] },
      ]),
    );
    expect(usage).toMatchObject({ otherArticles: 0, settings: [], inUse: true });

    // Someone who may not read the articles learns they exist, not what they are called.
    const forContributor = await t.media.usage(contributor, item.id);
    expect(forContributor).toMatchObject({ articles: [], otherArticles: 2, inUse: true });

    const refused = await t.media.delete(editor, item.id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BAD_INPUT', field: 'id' });
    expect((refused as Error).message).toContain('used in 2 articles');
    expect((refused as Error).message).toContain('“Floods in Leeds”');

    // Out of the body and off the featured slot, the settings logo still holds it.
    const current = await t.articles.get(author, article.id);
    await t.articles.update(author, { id: article.id, baseVersion: current.version, body: body.documentOf([body.paragraph('Water.')]) });
    const featuredNow = await t.articles.get(editor, featured.id);
    await t.articles.update(editor, { id: featured.id, baseVersion: featuredNow.version, featuredMediaId: null });
    const admin = await t.staff('administrator');
    const settings = await t.settings.get(admin);
    await t.settings.update(admin, { logoMediaId: item.id, logoAlt: 'Logo' });
    const logoRefusal = await t.media.delete(editor, item.id).catch((e: unknown) => e);
    expect((logoRefusal as Error).message).toMatch(/used as the publication logo/);
    await t.settings.update(admin, { logoMediaId: settings.logoMediaId, logoAlt: settings.logoAlt });

    const row = await t.database.db.selectFrom('media').select(['storage_key', 'variants']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(await t.media.delete(editor, item.id)).toEqual({ id: item.id });
    expect(await t.database.db.selectFrom('media').select('id').where('id', '=', item.id).executeTakeFirst()).toBeUndefined();
    for (const key of [row.storage_key, ...row.variants.map((v) => v.key)]) expect(await store().get(key)).toBeUndefined();
    expect((await auditFor(item.id)).at(-1)).toMatchObject({ action: 'media.deleted', before: { altText: 'Boats', storageKey: row.storage_key } });
  });

  it('assertUsable refuses an image without alt text, naming altText', async () => {
    const item = await upload(author);
    await expect(t.media.assertUsable(item.id)).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'altText', message: 'Add alt text to the image before using it' });
    await t.media.update(author, { id: item.id, altText: 'A square', credit: 'Studio' });
    expect(await t.media.assertUsable(item.id)).toMatchObject({ id: item.id, altText: 'A square', credit: 'Studio', src: item.url });
    await expect(t.media.assertUsable(randomUUID(), { field: 'featuredMediaId' })).rejects.toMatchObject({ field: 'featuredMediaId' });
  });
});

describe('list', () => {
  it('pages newest first with a keyset cursor, searches, and filters to the caller\'s own', async () => {
    const who = await t.staff('author');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      made.push((await upload(who, `harbour-${i}.png`, png, { altText: `Harbour view ${i}` })).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.media.list(who, { onlyMine: true, limit: 2, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());

    const found = await t.media.list(editor, { query: 'harbour', limit: 50 });
    expect(found.items.map((i) => i.id).sort()).toEqual([...made].sort());
    expect((await t.media.list(editor, { query: '"Harbour view 3"', limit: 50 })).items.map((i) => i.id)).toEqual([made[3]]);
    await expect(t.media.list(editor, { limit: 10, cursor: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({ field: 'cursor' });
  });
});

describe('rights report', () => {
  it('lists images expiring within 30 days or expired and not withdrawn, with where they are used', async () => {
    const now = t.clock().getTime();
    const soon = await upload(editor, 'soon.png', png, { altText: 'Soon', licenseExpiresAt: new Date(now + 10 * DAY) });
    const later = await upload(editor, 'later.png', png, { altText: 'Later', licenseExpiresAt: new Date(now + 60 * DAY) });
    const expired = await upload(editor, 'expired.png', png, { altText: 'Expired', licenseExpiresAt: new Date(now - 2 * DAY) });
    const withdrawn = await upload(editor, 'withdrawn.png', png, { altText: 'Withdrawn', licenseExpiresAt: new Date(now - 2 * DAY) });
    await t.database.db.updateTable('media').set({ withdrawn_at: new Date(now), withdrawn_reason: 'Licence ended' }).where('id', '=', withdrawn.id).execute();
    const story = await t.articles.create(author, { headline: 'Harbour reopens', dek: '', sectionId: null });
    await t.articles.update(author, { id: story.id, baseVersion: story.version, featuredMediaId: soon.id });

    const report = await t.media.rightsReport(contributor);
    const ids = report.entries.map((e) => e.media.id);
    expect(ids).toContain(soon.id);
    expect(ids).toContain(expired.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(withdrawn.id);
    expect(ids.indexOf(expired.id)).toBeLessThan(ids.indexOf(soon.id));

    const adminReport = await t.media.rightsReport(await t.staff('administrator'));
    const entry = adminReport.entries.find((e) => e.media.id === soon.id)!;
    expect(entry).toMatchObject({ state: 'expiring', daysLeft: 10 });
    expect(entry.usage.articles).toEqual([{ id: story.id, headline: 'Harbour reopens', status: 'draft', where: ['featured'] }]);
    expect(adminReport.entries.find((e) => e.media.id === expired.id)).toMatchObject({ state: 'expired', usage: { inUse: false } });

    const listed = await t.media.list(editor, { expiringWithinDays: 30, limit: 100 });
    expect(listed.items.map((i) => i.id).sort()).toEqual([soon.id, expired.id].sort());
  });
});
