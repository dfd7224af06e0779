import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffContext } from '@newsroom/services';
import { createTestServices, publicSite, type TestServices } from '@newsroom/services/testing';
import { callerFor } from './testing.ts';

// Takedowns and notifications through the router, as the dashboard calls them.

let t: TestServices;
let contributor: StaffContext;
let editor: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  contributor = await t.staff('contributor');
  editor = await t.staff('editor');
});
afterAll(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('media.withdraw, media.restore, media.withdrawn', () => {
  it('take an image down and put it back; a contributor may not touch an image they did not upload', async () => {
    const image = await publicSite.insertImage(t);
    const refused = await failure(callerFor(t, contributor).media.withdraw({ id: image.id, reason: 'Not mine' }));
    expect(refused.code).toBe('FORBIDDEN');
    const empty = await failure(callerFor(t, editor).media.withdraw({ id: image.id, reason: '  ' }));
    expect(empty.code).toBe('BAD_REQUEST');

    const withdrawn = await callerFor(t, editor).media.withdraw({ id: image.id, reason: 'Agency complaint' });
    expect(withdrawn.withdrawnReason).toBe('Agency complaint');
    expect((await callerFor(t, contributor).media.withdrawn({})).map((m) => m.id)).toContain(image.id);
    const restored = await callerFor(t, editor).media.restore({ id: image.id });
    expect(restored.withdrawnAt).toBeNull();
  });
});

describe('notifications', () => {
  it('list the signed-in member\'s messages and mark them read', async () => {
    const image = await publicSite.insertImage(t);
    await t.database.db.updateTable('media').set({ license_expires_at: new Date(t.clock().getTime() - 1000) }).where('id', '=', image.id).execute();
    await t.withdrawals.expireLicences();

    const listed = await callerFor(t, editor).notifications.list();
    const note = listed.items.find((i) => i.entityId === image.id)!;
    expect(note).toMatchObject({ kind: 'media.licence_expired', read: false });
    expect(listed.unread).toBeGreaterThan(0);
    await callerFor(t, editor).notifications.markRead({ id: note.id });
    expect((await callerFor(t, editor).notifications.list()).items.find((i) => i.id === note.id)!.read).toBe(true);

    expect((await callerFor(t, contributor).notifications.list()).items).toEqual([]);
    expect((await failure(callerFor(t, contributor).notifications.markRead({ id: note.id }))).code).toBe('NOT_FOUND');
    expect((await failure(callerFor(t, null).notifications.list())).code).toBe('UNAUTHORIZED');
  });
});
