import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const get = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });

describe('preview links on the reader site', () => {
  it('show a draft with a banner, never cached or indexed, and follow its edits', async () => {
    const editor = await app.t.staff('editor');
    const draft = await app.t.articles.create(editor, {
      headline: 'Draft for the desk',
      dek: '',
      sectionId: null,
    });
    const link = await app.t.previews.link(editor, draft.id);
    const path = new URL(link.url).pathname;

    const response = await get(path);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Preview — not published');
    expect(html).toContain('Draft for the desk');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('etag')).toBeNull();

    await app.t.articles.update(editor, {
      id: draft.id,
      baseVersion: draft.version,
      headline: 'Draft, rewritten',
    });
    expect(await (await get(path)).text()).toContain('Draft, rewritten');
    expect((await get(`/article/${draft.slug}`)).status).toBe(404);

    const forged = await get(`${path.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(404);
    expect(forged.headers.get('cache-control')).toBe('private, no-store');
    expect(forged.headers.get('x-robots-tag')).toBe('noindex');
  });
});
