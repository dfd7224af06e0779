import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '@newsroom/domain';
import { MEDIA_LIMITS } from '@newsroom/services';
import { TEST_PASSWORD } from '@newsroom/services/testing';
import { startTestApp, trpcPost, type TestApp } from './testing.ts';

let app: TestApp;
let session: string;
let photo: Buffer;
beforeAll(async () => {
  app = await startTestApp();
  const login = await trpcPost(app.url, 'auth.login', { email: 'owner@example.test', password: TEST_PASSWORD });
  expect(login.status).toBe(200);
  session = login.headers.get('set-cookie')!.split(';')[0]!;
  photo = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#2a6f97' } }).png().toBuffer();
});
afterAll(async () => {
  await app.close();
});

interface UploadResponse {
  media?: MediaItem;
  error?: { message: string; code: string; field?: string };
}

async function upload(bytes: Uint8Array, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/api/media`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      origin: app.url,
      cookie: session,
      'x-file-name': encodeURIComponent('Harbour at dawn.png'),
      ...headers,
    },
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as UploadResponse, text, headers: response.headers };
}

describe('POST /api/media', () => {
  it('stores an upload from a signed-in user and serves it at its URL with the right type', async () => {
    const { status, body, headers } = await upload(photo);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    const media = body.media!;
    expect(media).toMatchObject({ mimeType: 'image/png', width: 800, height: 400, originalFilename: 'Harbour at dawn.png', altText: '' });
    expect(media.url).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);

    const original = await fetch(`${app.url}${media.url}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(800);

    const thumbnail = await fetch(`${app.url}${media.thumbnailUrl}`);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect(media.thumbnailUrl).toMatch(/-320\.webp$/);
  });

  it('never uses the uploaded file name as the storage key', async () => {
    const { status, body } = await upload(photo, { 'x-file-name': encodeURIComponent('../../../etc/evil name.svg') });
    expect(status).toBe(200);
    const media = body.media!;
    expect(media.originalFilename).toBe('evil name.svg');
    expect(media.url).not.toMatch(/evil|etc|\.svg/);
    expect(media.url).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.png$/);
    for (const variant of media.variants) expect(variant.url).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f-]{36}-\d+\.(webp|avif)$/);
  });

  it('refuses without a session (401) and from another site (403), storing nothing', async () => {
    const before = await app.t.database.db.selectFrom('media').select('id').execute();
    const anonymous = await upload(photo, { cookie: '' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toMatchObject({ code: 'UNAUTHORIZED' });

    const forged = await upload(photo, { cookie: 'newsroom_session=not-a-real-session' });
    expect(forged.status).toBe(401);

    const crossOrigin = await upload(photo, { origin: 'https://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await upload(photo, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(await app.t.database.db.selectFrom('media').select('id').execute()).toHaveLength(before.length);
  });

  it('accepts only application/octet-stream bodies (415 for forms and JSON)', async () => {
    expect((await upload(photo, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(415);
    expect((await upload(photo, { 'content-type': 'application/json' })).status).toBe(415);
  });

  it('answers 413 naming the limit for a file over it', async () => {
    const { status, body } = await upload(new Uint8Array(MEDIA_LIMITS.maxBytes + 1));
    expect(status).toBe(413);
    expect(body.error).toMatchObject({ field: 'file', code: 'PAYLOAD_TOO_LARGE' });
    expect(body.error!.message).toContain('20 MB');
  });

  it('answers 400 naming the file for an SVG or a text file, with no stack trace', async () => {
    const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), { 'x-file-name': 'logo.png' });
    expect(svg.status).toBe(400);
    expect(svg.body.error).toEqual({ message: 'SVG images are not accepted; upload PNG or WebP', code: 'BAD_REQUEST', field: 'file' });

    const text = await upload(Buffer.from('hello, not a picture'), { 'x-file-name': 'notes.jpg' });
    expect(text.status).toBe(400);
    expect(text.body.error).toMatchObject({ field: 'file' });
    expect(text.text).not.toMatch(/stack|at .*\.ts:\d+/);

    const empty = await upload(new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ field: 'file' });

    const badName = await upload(photo, { 'x-file-name': '%E0%A4%A' });
    expect(badName.status).toBe(400);
    expect(badName.body.error).toMatchObject({ field: 'fileName' });
  });

  it('makes the upload editable over tRPC: alt text is required, rights are saved', async () => {
    const { body } = await upload(photo);
    const id = body.media!.id;
    const empty = await trpcPost(app.url, 'media.update', { id, altText: '' }, { cookie: session });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.json.data.fieldErrors).toEqual([{ field: 'altText', message: 'Add alt text to the image before using it' }]);

    const saved = await trpcPost(app.url, 'media.update', { id, altText: 'A harbour at dawn', licenseCode: 'cc-by-4.0' }, { cookie: session });
    expect(saved.status).toBe(200);
    expect(saved.body.result?.data.json).toMatchObject({ altText: 'A harbour at dawn', licenseCode: 'cc-by-4.0' });
  });
});
