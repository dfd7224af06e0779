import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import type { MediaItem } from '@newsroom/domain';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';

// Rights enforcement at publish time: the 'warn' and 'block' settings, on publish, schedule and the
// scheduled publish itself (run here through the overdue sweep, with the test clock).

let t: TestServices;
let editor: StaffContext;
let admin: StaffContext;
let jpeg: Buffer;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  editor = await t.staff('editor');
  admin = await t.staff('administrator');
  jpeg = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
});
afterAll(async () => {
  await t.close();
});

const FULL_RIGHTS = { credit: 'Jo Lens / Agency', copyrightHolder: 'Agency Ltd', licenseCode: 'all-rights-reserved' as const };

function image(extra: Record<string, unknown> = {}): Promise<MediaItem> {
  return t.media.upload(editor, { bytes: jpeg, fileName: 'harbour.jpg', ...extra });
}

const imageNode = (mediaId: string, extra: { altText?: string; credit?: string } = {}) => ({
  type: 'image',
  mediaId,
  altText: extra.altText ?? '',
  caption: '',
  credit: extra.credit ?? '',
});

let n = 0;
async function draft(input: { featured?: string; bodyImages?: unknown[] }) {
  n += 1;
  const created = await t.articles.create(editor, {
    headline: `Rights story ${n}`,
    dek: '',
    sectionId: null,
    body: body.documentOf([body.paragraph('Words.'), ...(input.bodyImages ?? [])]),
  });
  if (!input.featured) return created;
  return t.articles.update(editor, { id: created.id, baseVersion: created.version, featuredMediaId: input.featured });
}

async function setMode(mode: 'block' | 'warn') {
  await t.settings.update(admin, { rightsEnforcement: mode });
}

describe('publishing under rights_enforcement = warn', () => {
  it('publishes and returns one warning per image saying what it lacks', async () => {
    await setMode('warn');
    const featured = await image({ altText: 'Harbour at dawn' });
    const inBody = await image({ altText: 'Boats', ...FULL_RIGHTS, copyrightHolder: null });
    const article = await draft({ featured: featured.id, bodyImages: [imageNode(inBody.id)] });
    const published = await t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'published' });
    expect(published.status).toBe('published');
    expect(published.warnings).toEqual([
      '“Harbour at dawn” (featured image) lacks a credit or creator, a copyright holder and a licence',
      '“Boats” (in the body) lacks a copyright holder',
    ]);
  });

  it('says nothing when every image is cleared', async () => {
    const cleared = await image({ altText: 'Cleared', ...FULL_RIGHTS });
    const article = await draft({ featured: cleared.id });
    const published = await t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'published' });
    expect(published.warnings).toBeUndefined();
  });

  it('takes the alt text and credit a body image node sets for itself', async () => {
    const bare = await image({ copyrightHolder: 'Agency Ltd', licenseCode: 'cc-by-4.0' });
    const article = await draft({ bodyImages: [imageNode(bare.id, { altText: 'Boats at rest', credit: 'Jo Lens' })] });
    const published = await t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'published' });
    expect(published.warnings).toBeUndefined();
  });
});

describe('publishing under rights_enforcement = block', () => {
  it('refuses, naming every image and what it lacks, and changes nothing', async () => {
    await setMode('block');
    const featured = await image({ altText: 'Harbour at dawn', credit: 'Jo Lens' });
    const article = await draft({ featured: featured.id, bodyImages: [imageNode(featured.id)] });
    const error = await t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'published' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'rights' });
    expect((error as Error).message).toContain('“Harbour at dawn” (featured image, in the body) lacks a copyright holder and a licence');
    expect((error as { details: { images: unknown[] } }).details.images).toEqual([
      expect.objectContaining({ mediaId: featured.id, places: ['featured', 'body'], gaps: ['copyrightHolder', 'licence'] }),
    ]);
    expect((await t.articles.get(editor, article.id)).status).toBe('draft');

    // Once the rights are recorded, it publishes.
    await t.media.update(editor, { id: featured.id, altText: 'Harbour at dawn', copyrightHolder: 'Agency Ltd', licenseCode: 'cc-by-4.0' });
    const published = await t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'published' });
    expect(published.status).toBe('published');
    expect(published.warnings).toBeUndefined();
  });

  it('refuses an image whose licence has run out, a withdrawn one and one no longer in the library', async () => {
    const expired = await image({ altText: 'Old match', ...FULL_RIGHTS, licenseExpiresAt: new Date(t.clock().getTime() - 1000) });
    const withdrawn = await image({ altText: 'Taken down', ...FULL_RIGHTS });
    await t.withdrawals.withdraw(editor, { id: withdrawn.id, reason: 'complaint' });
    const gone = crypto.randomUUID();
    const article = await draft({ featured: expired.id, bodyImages: [imageNode(withdrawn.id), imageNode(gone)] });
    const error = await t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'published' }).catch((e: unknown) => e);
    const message = (error as Error).message;
    expect(message).toMatch(/^3 images lack rights information needed to publish/);
    expect(message).toContain(`“Old match” (featured image) has a licence that runs only until ${new Date(t.clock().getTime() - 1000).toISOString().slice(0, 10)}`);
    expect(message).toContain('“Taken down” (in the body) has been withdrawn');
    expect(message).toContain(`“${gone}” (in the body) is no longer in the media library`);
  });

  it('refuses to schedule an article whose image licence ends before its publication time', async () => {
    const now = t.clock().getTime();
    const soon = await image({ altText: 'Soon gone', ...FULL_RIGHTS, licenseExpiresAt: new Date(now + 3_600_000) });
    const article = await draft({ featured: soon.id });
    await expect(
      t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'scheduled', scheduledAt: new Date(now + 2 * 3_600_000) }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'rights' });
    const scheduled = await t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'scheduled', scheduledAt: new Date(now + 1_800_000) });
    expect(scheduled.status).toBe('scheduled');
  });
});

describe('the scheduled publish', () => {
  async function scheduledWith(mediaId: string) {
    const article = await draft({ featured: mediaId });
    const at = new Date(t.clock().getTime() + 3_600_000);
    return t.articles.transition(editor, { id: article.id, baseVersion: article.version, to: 'scheduled', scheduledAt: at });
  }

  it('under block: an image that lost its rights since stops it; the article goes back to draft, audited, editors told', async () => {
    await setMode('block');
    const photo = await image({ altText: 'Lighthouse', ...FULL_RIGHTS });
    const scheduled = await scheduledWith(photo.id);
    // After scheduling, the copyright holder is cleared.
    await t.media.update(editor, { id: photo.id, altText: 'Lighthouse', copyrightHolder: null });
    t.clock.advance(2 * 3_600_000);

    expect(await t.scheduling.publishOverdue()).not.toContain(scheduled.id);
    const row = await t.database.db.selectFrom('articles').select(['status', 'scheduled_at', 'published_at', 'version']).where('id', '=', scheduled.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'draft', scheduled_at: null, published_at: null, version: scheduled.version + 1 });

    const audit = await t.database.db.selectFrom('audit_log').select(['actor_label', 'before', 'after']).where('entity_id', '=', scheduled.id).where('action', '=', 'article.publish_blocked').execute();
    expect(audit).toEqual([
      {
        actor_label: 'system',
        before: { status: 'scheduled', scheduledAt: scheduled.scheduledAt!.toISOString() },
        after: { status: 'draft', images: [{ mediaId: photo.id, gaps: ['copyrightHolder'] }] },
      },
    ]);
    // (The article scheduled above, whose licence ends before now, was stopped by the same sweep.)
    const note = (await t.notifications.list(editor)).items.find((i) => i.entityId === scheduled.id);
    expect(note).toMatchObject({ kind: 'article.publish_blocked', entityType: 'article', read: false });
    expect(note!.title).toBe(`Not published: “${scheduled.headline}”`);
    expect(note!.body).toContain('“Lighthouse” (featured image) lacks a copyright holder');
    // Authors may not read others' drafts: the message is for editors and above.
    const author = await t.staff('author');
    expect((await t.notifications.list(author)).items.some((i) => i.entityId === scheduled.id)).toBe(false);

    // A second sweep finds nothing to do.
    expect(await t.scheduling.publishOverdue()).toEqual([]);
  });

  it('under warn: it publishes, and the audit record keeps the warnings', async () => {
    await setMode('warn');
    const photo = await image({ altText: 'Pier', ...FULL_RIGHTS });
    const scheduled = await scheduledWith(photo.id);
    await t.media.update(editor, { id: photo.id, altText: 'Pier', licenseCode: null });
    t.clock.advance(2 * 3_600_000);
    expect(await t.scheduling.publishOverdue()).toContain(scheduled.id);
    const audit = await t.database.db.selectFrom('audit_log').select(['after']).where('entity_id', '=', scheduled.id).where('action', '=', 'article.published').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ via: 'sweep', rightsWarnings: ['“Pier” (featured image) lacks a licence'] });
  });
});

describe('checking on demand', () => {
  it('reports the mode and the issues without publishing', async () => {
    await setMode('block');
    const photo = await image({ altText: 'Dunes' });
    const article = await draft({ featured: photo.id });
    const check = await t.rights.checkArticle(editor, { id: article.id });
    expect(check.mode).toBe('block');
    expect(check.issues.map((i) => i.gaps)).toEqual([['credit', 'copyrightHolder', 'licence']]);
    await setMode('warn');
  });
});
