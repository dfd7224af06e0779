import { crc32, deflateSync } from 'node:zlib';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffContext } from '@newsroom/services';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { callerFor } from './testing.ts';

let t: TestServices;
let contributor: StaffContext;
let author: StaffContext;
let editor: StaffContext;
let png: Buffer;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  contributor = await t.staff('contributor');
  author = await t.staff('author');
  editor = await t.staff('editor');
  png = solidPng(64, 48);
});
afterAll(async () => {
  await t.close();
});

/** A valid one-colour RGB PNG, made by hand: this package does not depend on an image library. */
function solidPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x44)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('media router', () => {
  it('names the field and the reason for each bad input', async () => {
    const item = await t.media.upload(author, { bytes: png, fileName: 'a.png' });
    const caller = callerFor(t, author);
    for (const [input, field] of [
      [{ altText: '' }, 'altText'],
      [{ altText: 'ok', licenseCode: 'mine' }, 'licenseCode'],
      [{ altText: 'ok', licenseUrl: 'javascript:alert(1)' }, 'licenseUrl'],
      [{ altText: 'ok', licenseExpiresAt: 'soon' }, 'licenseExpiresAt'],
      [{ altText: 'x'.repeat(1001) }, 'altText'],
    ] as const) {
      const error = await failure(caller.media.update({ id: item.id, ...input } as never));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message.startsWith(`${field}: `), error.message).toBe(true);
    }
    expect((await failure(caller.media.list({ limit: 1000 }))).message).toContain('limit');
  });

  it('keeps hostile text as text', async () => {
    const item = await t.media.upload(author, { bytes: png, fileName: '<img src=x onerror=alert(1)>.png' });
    const saved = await callerFor(t, author).media.update({ id: item.id, altText: '<script>alert(1)</script>', caption: '"quoted" & <b>bold</b>' });
    expect(saved).toMatchObject({ altText: '<script>alert(1)</script>', caption: '"quoted" & <b>bold</b>', originalFilename: '<img src=x onerror=alert(1)>.png' });
  });

  it('lets a contributor edit only their own images, and an editor any', async () => {
    const theirs = await t.media.upload(author, { bytes: png, fileName: 'theirs.png' });
    const mine = await t.media.upload(contributor, { bytes: png, fileName: 'mine.png' });
    expect((await failure(callerFor(t, contributor).media.update({ id: theirs.id, altText: 'Mine now' }))).code).toBe('FORBIDDEN');
    expect((await failure(callerFor(t, contributor).media.delete({ id: theirs.id }))).code).toBe('FORBIDDEN');
    await expect(callerFor(t, contributor).media.update({ id: mine.id, altText: 'My picture' })).resolves.toMatchObject({ altText: 'My picture' });
    await expect(callerFor(t, editor).media.update({ id: theirs.id, altText: 'Their picture' })).resolves.toMatchObject({ altText: 'Their picture' });
    await expect(callerFor(t, contributor).media.delete({ id: mine.id })).resolves.toEqual({ id: mine.id });
  });

  it('refuses to delete an image in use with a 400 that says where, and lists its usage', async () => {
    const item = await t.media.upload(editor, { bytes: png, fileName: 'used.png', altText: 'Used' });
    const article = await t.articles.create(editor, { headline: 'Market day', dek: '', sectionId: null });
    await t.articles.update(editor, { id: article.id, baseVersion: article.version, featuredMediaId: item.id });
    const error = await failure(callerFor(t, editor).media.delete({ id: item.id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('“Market day”');
    expect(await callerFor(t, editor).media.usage({ id: item.id })).toMatchObject({ articles: [{ id: article.id, headline: 'Market day', status: 'draft', where: ['featured'] }] });
  });
});
