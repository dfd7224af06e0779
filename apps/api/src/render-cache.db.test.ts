import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { NONCE_PLACEHOLDER } from './http/cached-page.ts';
import { startTestApp, type TestApp } from './testing.ts';

let a: TestApp;
beforeAll(async () => {
  a = await startTestApp();
});
afterAll(async () => {
  await a.close();
});

const get = (app: TestApp, path: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${path}`, { redirect: 'manual', headers });
const cspNonce = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
const htmlNonces = (html: string) => [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))];
const doc = (text: string) => body.documentOf([body.paragraph(text)]);
const firstArticlePath = async (app: TestApp) =>
  /href="(\/article\/[a-z0-9-]+)"/.exec(await (await get(app, '/')).text())![1]!;

async function publish(app: TestApp, headline: string) {
  const editor = await app.t.staff('editor');
  const draft = await app.t.articles.create(editor, {
    headline,
    dek: 'A dek.',
    sectionId: null,
    body: doc(`${headline} body.`),
  });
  return app.t.articles.transition(editor, { id: draft.id, baseVersion: draft.version, to: 'published' });
}

describe('the reader page cache', () => {
  it('serves the second request from the cache, each response with its own nonce matching its CSP', async () => {
    const path = await firstArticlePath(a);
    const first = await get(a, path);
    const second = await get(a, path);
    const third = await get(a, path);
    expect([first, second, third].map((r) => r.headers.get('x-cache'))).toEqual(['MISS', 'HIT', 'HIT']);

    const bodies = await Promise.all([first, second, third].map((r) => r.text()));
    const nonces = [first, second, third].map(cspNonce);
    expect(new Set(nonces).size).toBe(3);
    bodies.forEach((html, i) => {
      expect(htmlNonces(html)).toEqual([nonces[i]]);
      expect(html).not.toContain(NONCE_PLACEHOLDER);
    });
    // Apart from the nonces, the same page.
    const withoutNonces = bodies.map((html, i) => html.replaceAll(nonces[i]!, ''));
    expect(withoutNonces[1]).toBe(withoutNonces[0]);
    expect(withoutNonces[2]).toBe(withoutNonces[0]);
  });

  it('answers a hit with the same headers as the app gave the miss (helmet included)', async () => {
    const miss = await get(a, '/section/world');
    const hit = await get(a, '/section/world');
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    const names = (r: Response) => [...r.headers.keys()].filter((n) => n !== 'x-cache').sort();
    expect(names(hit)).toEqual(names(miss));
    for (const name of [
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
      'cross-origin-opener-policy',
      'content-type',
      'cache-control',
      'etag',
      'vary',
    ]) {
      expect(hit.headers.get(name)).toBe(miss.headers.get(name));
    }
  });

  it('answers reader pages in front of Express with the headers the app gives its own routes', async () => {
    const appRoute = await get(a, '/healthz');
    const page = await get(a, '/section/business');
    expect(page.status).toBe(200);
    const securityHeaders = [...appRoute.headers.keys()].filter((n) => /^(x-|cross-origin|origin-agent|referrer)/.test(n));
    expect(securityHeaders.length).toBeGreaterThan(5);
    for (const name of securityHeaders) expect([name, page.headers.get(name)]).toEqual([name, appRoute.headers.get(name)]);
    expect(page.headers.get('x-powered-by')).toBeNull();
  });

  it('gives a strong ETag that stays the same across nonces, and 304 for If-None-Match', async () => {
    const path = await firstArticlePath(a);
    const page = await get(a, path);
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(page.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600',
    );
    expect(page.headers.get('last-modified')).toBeTruthy();
    expect((await get(a, path)).headers.get('etag')).toBe(etag);

    const revalidated = await get(a, path, { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('cache-control')).toContain('s-maxage=60');
    expect((await get(a, path, { 'if-none-match': `"other", ${etag}` })).status).toBe(304);
    expect((await get(a, path, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers If-Modified-Since with 304 only for a date after the last public change', async () => {
    const path = await firstArticlePath(a);
    const lastModified = (await get(a, path)).headers.get('last-modified')!;
    const later = new Date(Math.max(Date.parse(lastModified), a.t.clock().getTime()) + 60_000).toUTCString();
    expect((await get(a, path, { 'if-modified-since': later })).status).toBe(304);
    // If-None-Match decides when both are sent.
    expect((await get(a, path, { 'if-modified-since': later, 'if-none-match': '"other"' })).status).toBe(200);
    expect((await get(a, path, { 'if-modified-since': 'yesterday-ish' })).status).toBe(200);

    a.t.clock.advance(120_000);
    await publish(a, 'A change after the page was fetched');
    // The article itself did not change, but its page (related articles, branding) may have.
    expect((await get(a, path, { 'if-modified-since': later })).status).toBe(200);
  });

  it('caches 404 and 410 with a short shared lifetime, never answering them 304', async () => {
    const missing = await get(a, '/article/no-such-story');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-cache')).toBe('MISS');
    expect(missing.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30');
    const again = await get(a, '/article/no-such-story', { 'if-none-match': missing.headers.get('etag')! });
    expect(again.status).toBe(404);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(cspNonce(again)).toBe(htmlNonces(await again.text())[0]);

    const editor = await a.t.staff('editor');
    const gone = await publish(a, 'Soon to be withdrawn');
    await a.t.articles.transition(editor, { id: gone.id, baseVersion: gone.version, to: 'unpublished' });
    expect((await get(a, `/article/${gone.slug}`)).status).toBe(410);
    const cached = await get(a, `/article/${gone.slug}`);
    expect([cached.status, cached.headers.get('x-cache')]).toEqual([410, 'HIT']);
  });

  it('never caches a preview: private, no-store and no validators', async () => {
    for (let i = 0; i < 2; i++) {
      const preview = await get(a, '/preview/some-token');
      expect(preview.headers.get('cache-control')).toBe('private, no-store');
      expect(preview.headers.get('x-cache')).toBeNull();
      expect(preview.headers.get('etag')).toBeNull();
    }
  });

  it('compresses pages served from the cache', async () => {
    await get(a, '/');
    const response = await new Promise<{
      headers: Record<string, string | string[] | undefined>;
      body: Buffer;
    }>((resolve, reject) => {
      request(`${a.url}/`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(response.headers['x-cache']).toBe('HIT');
    expect(response.headers['content-encoding']).toBe('gzip');
    const html = gunzipSync(response.body).toString('utf8');
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))![1];
    expect(htmlNonces(html)).toEqual([nonce]);
    expect(response.body.length).toBeLessThan(html.length / 2);
  });
});

describe('invalidation', () => {
  it('shows a newly published article on the home page at once', async () => {
    await get(a, '/');
    expect((await get(a, '/')).headers.get('x-cache')).toBe('HIT');
    const article = await publish(a, 'Harbour bridge reopens after storm repairs');
    const home = await get(a, '/');
    expect(home.headers.get('x-cache')).toBe('MISS');
    expect(await home.text()).toContain('Harbour bridge reopens after storm repairs');
    expect((await get(a, `/article/${article.slug}`)).status).toBe(200);
  });

  it('shows an edit of a published article, and its removal, on the next request', async () => {
    const editor = await a.t.staff('editor');
    const article = await publish(a, 'Tram timetable changes');
    const path = `/article/${article.slug}`;
    await get(a, path);
    expect((await get(a, path)).headers.get('x-cache')).toBe('HIT');

    const edited = await a.t.articles.update(editor, {
      id: article.id,
      baseVersion: article.version,
      dek: 'Night trams return in spring.',
    });
    expect(await (await get(a, path)).text()).toContain('Night trams return in spring.');

    await a.t.articles.transition(editor, { id: edited.id, baseVersion: edited.version, to: 'unpublished' });
    expect((await get(a, path)).status).toBe(410);
    expect(await (await get(a, '/')).text()).not.toContain('Tram timetable changes');
  });

  it('shows a new publication name on the next request', async () => {
    const admin = await a.t.staff('administrator');
    await get(a, '/');
    expect((await get(a, '/')).headers.get('x-cache')).toBe('HIT');
    await a.t.settings.update(admin, { name: 'Globe Echo Evening' });
    const home = await get(a, '/');
    expect(home.headers.get('x-cache')).toBe('MISS');
    expect(await home.text()).toContain('© 2026 Globe Echo Evening.');
    await a.t.settings.update(admin, { name: 'Globe Echo' });
  });

  it("clears another process's cache through NOTIFY, in both directions", async () => {
    const b = await startTestApp({ sameDatabaseAs: a });
    try {
      const warm = async (app: TestApp) => {
        await get(app, '/');
        expect((await get(app, '/')).headers.get('x-cache')).toBe('HIT');
      };
      const until = async (check: () => boolean) => {
        for (let i = 0; i < 300 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(check()).toBe(true);
      };

      await warm(a);
      await warm(b);
      await publish(a, 'Announced by the first process');
      // A cleared itself at once; B hears of it through Postgres.
      expect(a.renderCache!.stats.entries).toBe(0);
      await until(() => b.renderCache!.stats.entries === 0);
      const fromB = await get(b, '/');
      expect(fromB.headers.get('x-cache')).toBe('MISS');
      expect(await fromB.text()).toContain('Announced by the first process');

      await warm(a);
      await warm(b);
      const admin = await b.t.staff('administrator');
      await b.t.settings.update(admin, { name: 'Globe Echo Weekend' });
      await until(() => a.renderCache!.stats.entries === 0);
      expect(await (await get(a, '/')).text()).toContain('© 2026 Globe Echo Weekend.');
      await b.t.settings.update(admin, { name: 'Globe Echo' });
    } finally {
      await b.close();
    }
  });

  it('renders every request when the cache is off', async () => {
    const off = await startTestApp({ sameDatabaseAs: a, readerCache: false });
    try {
      const responses = [await get(off, '/'), await get(off, '/')];
      expect(responses.map((r) => r.headers.get('x-cache'))).toEqual([null, null]);
      expect(responses[0]!.headers.get('etag')).toBe(responses[1]!.headers.get('etag'));
      expect(cspNonce(responses[0]!)).not.toBe(cspNonce(responses[1]!));
    } finally {
      await off.close();
    }
  });
});
