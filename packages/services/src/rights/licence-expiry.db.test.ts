import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { sql } from '@newsroom/db';
import type { MediaItem } from '@newsroom/domain';
import type { StaffContext } from '../context.ts';
import { createJobQueue, createServices } from '../index.ts';
import { articleIn, guestId } from '../reader/public-site.testing.ts';
import { createTestServices, type TestServices } from '../testing.ts';
import { registerRightsJobs } from './rights.jobs.ts';
import { EXPIRE_LICENCES_JOB } from './withdrawal.service.ts';

// Images leaving the public site: by hand (withdraw, restore) and when their licence runs out (the
// `media.expire-licences` job, called directly with the test clock and once through a real job queue).

let t: TestServices;
let editor: StaffContext;
let jpeg: Buffer;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  editor = await t.staff('editor');
  jpeg = await sharp({ create: { width: 900, height: 500, channels: 3, background: '#8a5a2b' } }).jpeg().toBuffer();
});
afterAll(async () => {
  await t.close();
});

const RIGHTS = { credit: 'Jo Lens', copyrightHolder: 'Agency Ltd', licenseCode: 'cc-by-4.0' as const };

function upload(altText: string, extra: Record<string, unknown> = {}): Promise<MediaItem> {
  return t.media.upload(editor, { bytes: jpeg, fileName: `${altText}.jpg`, altText, ...RIGHTS, ...extra });
}

const storageKey = (item: MediaItem) => item.url.replace(/^\/media\//, '');

/** Every public surface, as text: article page, home, tag and author pages, the three feeds, the sitemap. */
async function publicText(slug: string, tag: string, author: string): Promise<string> {
  const parts = await Promise.all([
    t.reader.article(slug),
    t.reader.home(),
    t.listings.tag(tag, 1),
    t.listings.author(author, 1),
    t.feeds.render({ kind: 'site' }, 'rss'),
    t.feeds.render({ kind: 'site' }, 'atom'),
    t.feeds.render({ kind: 'site' }, 'json'),
    t.sitemaps.articles(1),
  ]);
  return JSON.stringify(parts);
}

describe('withdrawing by hand', () => {
  it('takes an image off every public page, feed and sitemap at once, and restoring puts it back', async () => {
    const photo = await upload('Harbour cranes');
    const key = storageKey(photo);
    const guest = await guestId(t, 'Pat Stringer', { photoId: photo.id });
    const article = await articleIn(t, 'published', {
      headline: 'Cranes return to the harbour',
      body: body.documentOf([body.paragraph('The cranes are back.'), { type: 'image', mediaId: photo.id, altText: '', caption: 'Cranes', credit: '' }]),
      tags: ['harbour-cranes'],
      authors: [{ guest: 'Pat Stringer' }],
      imageId: photo.id,
    });
    expect(guest).toBeTruthy();
    expect(await publicText(article.slug, 'harbour-cranes', 'pat-stringer')).toContain(key);

    t.changes.length = 0;
    const withdrawn = await t.withdrawals.withdraw(editor, { id: photo.id, reason: 'Complaint from the agency' });
    expect(withdrawn).toMatchObject({ withdrawnReason: 'Complaint from the agency', withdrawnAt: t.clock() });
    expect(t.changes).toEqual([{ kind: 'all' }]);
    const after = await publicText(article.slug, 'harbour-cranes', 'pat-stringer');
    expect(after).not.toContain(key);
    expect(after).not.toContain(photo.id);
    expect((await t.reader.article(article.slug))!.image).toBeNull();
    expect((await t.listings.author('pat-stringer', 1))!.author.photo).toBeNull();

    const listed = await t.withdrawals.listWithdrawn(editor);
    expect(listed[0]).toMatchObject({ id: photo.id, withdrawnReason: 'Complaint from the agency' });

    await expect(t.withdrawals.withdraw(editor, { id: photo.id, reason: 'again' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await t.withdrawals.restore(editor, { id: photo.id });
    expect(await publicText(article.slug, 'harbour-cranes', 'pat-stringer')).toContain(key);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'before', 'after'])
      .where('entity_id', '=', photo.id)
      .where('action', 'in', ['media.withdrawn', 'media.restored'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'media.withdrawn',
        actor_id: editor.actor.id,
        before: { withdrawnAt: null, withdrawnReason: null },
        after: { withdrawnAt: t.clock().toISOString(), withdrawnReason: 'Complaint from the agency' },
      },
      {
        action: 'media.restored',
        actor_id: editor.actor.id,
        before: { withdrawnAt: t.clock().toISOString(), withdrawnReason: 'Complaint from the agency' },
        after: { withdrawnAt: null, withdrawnReason: null },
      },
    ]);
  });

  it('lets a contributor withdraw only their own images', async () => {
    const contributor = await t.staff('contributor');
    const theirs = await upload('Someone else’s');
    await expect(t.withdrawals.withdraw(contributor, { id: theirs.id, reason: 'no' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const own = await t.media.upload(contributor, { bytes: jpeg, fileName: 'own.jpg', altText: 'Mine' });
    expect((await t.withdrawals.withdraw(contributor, { id: own.id, reason: 'wrong photo' })).withdrawnAt).not.toBeNull();
  });
});

describe('licence expiry', () => {
  it('withdraws images whose licence ran out, with an audit record and a notification each, once', async () => {
    const now = t.clock().getTime();
    const expiring = await upload('Stadium at night', { licenseExpiresAt: new Date(now + 3_600_000) });
    const lasting = await upload('Stadium by day', { licenseExpiresAt: new Date(now + 30 * 86_400_000) });
    const article = await articleIn(t, 'published', { headline: 'Cup final tonight', imageId: expiring.id });

    expect(await t.withdrawals.expireLicences()).not.toContain(expiring.id);
    t.clock.advance(2 * 3_600_000);
    // Readers stop seeing it the moment it expires, before the job has run.
    expect((await t.reader.article(article.slug))!.image).toBeNull();

    t.changes.length = 0;
    expect(await t.withdrawals.expireLicences()).toEqual([expiring.id]);
    expect(t.changes).toEqual([{ kind: 'all' }]);
    const rows = await t.database.db.selectFrom('media').select(['id', 'withdrawn_at', 'withdrawn_reason']).where('id', 'in', [expiring.id, lasting.id]).execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: expiring.id, withdrawn_at: t.clock(), withdrawn_reason: 'licence expired' },
        { id: lasting.id, withdrawn_at: null, withdrawn_reason: null },
      ]),
    );

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_label', 'before', 'after'])
      .where('entity_id', '=', expiring.id)
      .where('action', '=', 'media.licence_expired')
      .execute();
    const ended = new Date(now + 3_600_000).toISOString();
    expect(audit).toEqual([
      {
        actor_id: null,
        actor_label: 'system',
        before: { withdrawnAt: null, withdrawnReason: null, licenseExpiresAt: ended },
        after: { withdrawnAt: t.clock().toISOString(), withdrawnReason: 'licence expired', licenseExpiresAt: ended },
      },
    ]);

    const forEditor = await t.notifications.list(editor);
    const note = forEditor.items.find((i) => i.entityId === expiring.id)!;
    expect(note).toMatchObject({ kind: 'media.licence_expired', title: 'Licence ended: “Stadium at night”', entityType: 'media', read: false });
    expect(note.body).toContain('used in 1 article (1 published)');
    const contributor = await t.staff('contributor');
    expect((await t.notifications.list(contributor)).items.some((i) => i.entityId === expiring.id)).toBe(false);

    // Repeated, or on another process: nothing more.
    t.changes.length = 0;
    expect(await t.withdrawals.expireLicences()).toEqual([]);
    expect(t.changes).toEqual([]);

    // It cannot be restored until the licence is renewed.
    await expect(t.withdrawals.restore(editor, { id: expiring.id })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'licenseExpiresAt' });
    await t.media.update(editor, { id: expiring.id, altText: 'Stadium at night', licenseExpiresAt: new Date(t.clock().getTime() + 86_400_000) });
    expect((await t.withdrawals.restore(editor, { id: expiring.id })).withdrawnAt).toBeNull();
  });

  it('notifications are read per person', async () => {
    const other = await t.staff('editor');
    const before = await t.notifications.list(editor);
    const first = before.items.find((i) => !i.read)!;
    await t.notifications.markRead(editor, { id: first.id });
    const after = await t.notifications.list(editor);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((i) => i.id === first.id)!.read).toBe(true);
    expect((await t.notifications.list(other)).items.find((i) => i.id === first.id)!.read).toBe(false);
    await t.notifications.markAllRead(other);
    expect((await t.notifications.list(other)).unread).toBe(0);
    await expect(t.notifications.markRead(await t.staff('author'), { id: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs as the media.expire-licences job on a real queue', async () => {
    const queue = createJobQueue({ database: t.database, pollingIntervalSeconds: 0.5, schedules: false });
    try {
      const services = createServices({ ...t.deps, jobs: queue });
      await registerRightsJobs(services, queue);
      const { rows: schedules } = await sql<{ name: string; cron: string }>`SELECT name, cron FROM pgboss.schedule WHERE name = ${EXPIRE_LICENCES_JOB}`.execute(t.database.db);
      expect(schedules).toEqual([{ name: EXPIRE_LICENCES_JOB, cron: '* * * * *' }]);

      const photo = await upload('Festival crowd', { licenseExpiresAt: new Date(t.clock().getTime() + 60_000) });
      t.clock.advance(120_000);
      await queue.send(EXPIRE_LICENCES_JOB, {});
      const deadline = Date.now() + 15_000;
      let row = await t.database.db.selectFrom('media').select(['withdrawn_at', 'withdrawn_reason']).where('id', '=', photo.id).executeTakeFirstOrThrow();
      while (!row.withdrawn_at && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        row = await t.database.db.selectFrom('media').select(['withdrawn_at', 'withdrawn_reason']).where('id', '=', photo.id).executeTakeFirstOrThrow();
      }
      expect(row).toEqual({ withdrawn_at: t.clock(), withdrawn_reason: 'licence expired' });
    } finally {
      await queue.stop();
    }
  });
});
