import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '@newsroom/services';
import { TEST_PASSWORD } from '@newsroom/services/testing';
import { startTestApp, trpcPost, type TestApp, type TrpcResponseBody } from './testing.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, { redirect: 'manual', ...init });

describe('the platform on one origin', () => {
  it('answers /healthz with the database status', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('serves the reader home with branding, a nonce CSP and no inline script without the nonce', async () => {
    const response = await get('/');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('alt="Smiley face"');
    expect(html).toContain('© 2026 Globe Echo. All Rights Reserved.');
    expect(html).toMatch(/<a href="\/weather">Weather<\/a>/);
    expect(html).toMatch(/<a href="\/markets">Live Markets<\/a>/);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves an article with a share control and valid JSON-LD, and 404 for unknown slugs', async () => {
    const home = await (await get('/')).text();
    const href = /href="(\/article\/[a-z0-9-]+)"/.exec(home)![1]!;
    const html = await (await get(href)).text();
    expect(html).toContain('aria-label="Share this article"');
    const ld = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    expect(ld.map((d) => d['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    expect(ld[0]).toMatchObject({ publisher: { name: 'Globe Echo' }, isAccessibleForFree: true, copyrightYear: expect.any(Number) });
    expect((await get('/article/no-such-story')).status).toBe(404);
  });

  it('serves the dashboard at /admin and stored media at /media', async () => {
    const admin = await get('/admin');
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<div id="root"></div>');
    const logo = (await app.t.settings.branding()).logo!;
    const media = await get(logo.url);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/svg+xml');
    expect(media.headers.get('content-security-policy')).toContain('sandbox');
    expect((await get('/media/..%2f..%2fpackage.json')).status).toBe(404);
  });
});

describe('errors', () => {
  it('400 names the field and the reason, with no stack trace', async () => {
    const { status, body, text } = await trpcPost(app.url, 'auth.login', { email: 'not-an-email', password: 'x' });
    expect(status).toBe(400);
    expect(body.error?.json.data.fieldErrors).toEqual([{ field: 'email', message: 'must be an email address' }]);
    expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('413 for a body over the limit', async () => {
    const { status } = await trpcPost(app.url, 'auth.login', { email: 'a@b.test', password: 'x'.repeat(4 * 1024 * 1024) });
    expect(status).toBe(413);
  });

  it('refuses cross-site mutations and non-JSON bodies', async () => {
    const crossSite = await trpcPost(app.url, 'auth.logout', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${app.url}/trpc/auth.logout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url }, body: 'a=1' });
    expect(form.status).toBe(415);
  });

  it('401 for editorial procedures without a session, 404 for unknown procedures', async () => {
    expect((await get('/trpc/article.list?input=%7B%22json%22%3A%7B%7D%7D')).status).toBe(401);
    expect((await get('/trpc/nope.nothing')).status).toBe(404);
  });
});

describe('sessions over HTTP', () => {
  it('sets an HttpOnly SameSite=Lax cookie at login, and logout revokes it', async () => {
    const editor = await app.t.staff('editor');
    const login = await trpcPost(app.url, 'auth.login', { email: editor.actor.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^newsroom_session=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const session = cookie.split(';')[0]!;

    const me = (await (await get('/trpc/auth.me', { headers: { cookie: session } })).json()) as TrpcResponseBody;
    expect(me.result?.data.json).toMatchObject({ user: { id: editor.actor.id } });
    await trpcPost(app.url, 'auth.logout', {}, { cookie: session });
    const after = (await (await get('/trpc/auth.me', { headers: { cookie: session } })).json()) as TrpcResponseBody;
    expect(after.result?.data.json).toBeNull();
  });

  it('a forged X-Forwarded-For does not dodge the per-address login limit', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await trpcPost(app.url, 'auth.login', { email: `spray${i}@example.test`, password: 'wrong' }, { 'x-forwarded-for': `203.0.113.${i}` });
    }
    const blocked = await trpcPost(app.url, 'auth.login', { email: 'anyone@example.test', password: 'wrong' }, { 'x-forwarded-for': '198.51.100.7' });
    expect(blocked.status).toBe(429);
  });
});

describe('withdrawn images', () => {
  it('answer 410 at /media once withdrawn, for the original and every size', async () => {
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#336699' } }).png().toBuffer();
    const owner = await app.t.staff('owner');
    const uploaded = await app.t.media.upload(owner, { bytes: new Uint8Array(png), fileName: 'x.png', altText: 'A blue field' });
    const urls = [uploaded.url, uploaded.thumbnailUrl].filter((u): u is string => !!u);
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect((await get(url)).status).toBe(200);
    await app.t.withdrawals.withdraw(owner, { id: uploaded.id, reason: 'Agency request' });
    for (const url of urls) expect((await get(url)).status).toBe(410);
  });
});
