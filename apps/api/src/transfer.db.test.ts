import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportManifestSchema } from '@newsroom/domain';
import { TEST_PASSWORD } from '@newsroom/services/testing';
import { startTestApp, trpcPost, type TestApp } from './testing.ts';

// GET /api/export and POST /api/import over HTTP: who may, what comes back, and a whole round trip into a
// second, empty server.

let app: TestApp;
let ownerCookie: string;
let editorCookie: string;

async function login(base: string, email: string): Promise<string> {
  const response = await trpcPost(base, 'auth.login', { email, password: TEST_PASSWORD });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  app = await startTestApp();
  ownerCookie = await login(app.url, 'owner@example.test');
  const editor = await app.t.staff('editor');
  editorCookie = await login(app.url, editor.actor.email);
});
afterAll(async () => {
  await app.close();
});

function postArchive(base: string, bytes: Uint8Array, headers: Record<string, string>) {
  return fetch(`${base}/api/import`, { method: 'POST', headers: { 'content-type': 'application/zip', origin: base, ...headers }, body: bytes });
}

describe('GET /api/export', () => {
  it('refuses without a session (401) and for an editor (403)', async () => {
    const anonymous = await fetch(`${app.url}/api/export`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    expect(await anonymous.json()).toEqual({ error: { message: 'Sign in to continue.', code: 'UNAUTHORIZED' } });

    const editor = await fetch(`${app.url}/api/export`, { headers: { cookie: editorCookie } });
    expect(editor.status).toBe(403);
    expect(((await editor.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });

  it('gives an administrator the zip as a download whose manifest parses', async () => {
    const response = await fetch(`${app.url}/api/export`, { headers: { cookie: ownerCookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="globe-echo-export-${app.t.clock().toISOString().slice(0, 10)}.zip"`);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const manifest = ExportManifestSchema.parse(JSON.parse(strFromU8(files['manifest.json']!)));
    expect(manifest.publication_name).toBe('Globe Echo');
    expect(manifest.counts.articles).toBeGreaterThan(5);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['settings.json', 'users.json', 'articles.json', 'media.json']));
  });
});

describe('POST /api/import', () => {
  it('checks origin and type, then the session and permission, before reading the body', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect((await postArchive(app.url, bytes, { cookie: ownerCookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await postArchive(app.url, bytes, { cookie: ownerCookie, 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await postArchive(app.url, bytes, {})).status).toBe(401);
    expect((await postArchive(app.url, bytes, { cookie: editorCookie })).status).toBe(403);
  });

  it('refuses a publication that has content with 409', async () => {
    const archive = new Uint8Array(await (await fetch(`${app.url}/api/export`, { headers: { cookie: ownerCookie } })).arrayBuffer());
    const response = await postArchive(app.url, archive, { cookie: ownerCookie });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: 'CONFLICT', field: 'archive' });
  });

  it('restores an export into an empty server, whose site then shows the same articles', async () => {
    const archive = new Uint8Array(await (await fetch(`${app.url}/api/export`, { headers: { cookie: ownerCookie } })).arrayBuffer());
    const empty = await startTestApp({ seed: false });
    try {
      const owner = await empty.t.staff('owner');
      const cookie = await login(empty.url, owner.actor.email);
      const junk = await postArchive(empty.url, new Uint8Array([80, 75, 3, 4, 0, 0]), { cookie });
      expect(junk.status).toBe(400);

      const response = await postArchive(empty.url, archive, { cookie });
      expect(response.status).toBe(200);
      const { imported } = (await response.json()) as { imported: { counts: Record<string, number>; missingFiles: string[] } };
      expect(imported.missingFiles).toEqual([]);
      expect(imported.counts.articles).toBeGreaterThan(5);

      const slug = (await app.t.database.db.selectFrom('articles').select('slug').where('status', '=', 'published').executeTakeFirstOrThrow()).slug;
      const page = await fetch(`${empty.url}/article/${slug}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Globe Echo');
      const logo = (await empty.t.settings.branding()).logo!;
      expect((await fetch(`${empty.url}${logo.url}`)).status).toBe(200);
    } finally {
      await empty.close();
    }
  });
});
