import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '@newsroom/services/testing';
import { startTestApp, trpcPost, type TestApp } from './testing.ts';

let app: TestApp;
let ownerCookie: string;
beforeAll(async () => {
  app = await startTestApp();
  const login = await trpcPost(app.url, 'auth.login', { email: 'owner@example.test', password: TEST_PASSWORD });
  ownerCookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => {
  await app.close();
});

/** A tRPC mutation over raw HTTP, so the Host header can be anything (fetch will not forge it). */
function rawPost(path: string, input: unknown, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(`/trpc/${path}`, app.url);
  const payload = JSON.stringify({ json: input });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const forged = { host: 'evil.example', origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('links are built on the public URL, whatever Host the request claims', () => {
  it('an invite link', async () => {
    const { status, body } = await rawPost('staff.invite', { email: 'host-test@example.test', role: 'author' }, { ...forged, cookie: ownerCookie });
    expect(status).toBe(200);
    const url = (JSON.parse(body) as { result: { data: { json: { link: { url: string } } } } }).result.data.json.link.url;
    expect(url.startsWith(`${app.url}/admin/accept-invite?token=`)).toBe(true);
    expect(body).not.toContain('evil.example');
  });

  it('a password-reset link', async () => {
    const editor = await app.t.staff('editor');
    const { status, body } = await rawPost('staff.createPasswordReset', { userId: editor.actor.id }, { ...forged, cookie: ownerCookie });
    expect(status).toBe(200);
    const url = (JSON.parse(body) as { result: { data: { json: { url: string } } } }).result.data.json.url;
    expect(url.startsWith(`${app.url}/admin/reset-password?token=`)).toBe(true);
    expect(body).not.toContain('evil.example');
  });

  it('the self-service reset answers alike for a known and an unknown address', async () => {
    const known = await rawPost('auth.requestPasswordReset', { email: 'owner@example.test' }, forged);
    const unknown = await rawPost('auth.requestPasswordReset', { email: 'nobody@example.test' }, forged);
    expect(known).toEqual(unknown);
    expect(known.status).toBe(200);
  });
});

describe('an invite over HTTP', () => {
  it('is accepted on the public page without a session, and signs the invitee in with a cookie', async () => {
    const invite = await trpcPost(app.url, 'staff.invite', { email: 'http-joiner@example.test', role: 'editor' }, { cookie: ownerCookie });
    const link = (invite.body.result!.data.json as { link: { url: string } }).link.url;
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    const token = new URL(link).searchParams.get('token')!;
    const accepted = await trpcPost(app.url, 'auth.acceptInvite', { token, name: 'Http Joiner', password: 'a long new password' });
    expect(accepted.status).toBe(200);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await (await fetch(`${app.url}/trpc/auth.me`, { headers: { cookie } })).json()) as { result: { data: { json: { user: unknown } } } };
    expect(me.result.data.json.user).toMatchObject({ name: 'Http Joiner', role: 'editor' });
    expect((await trpcPost(app.url, 'auth.acceptInvite', { token, name: 'Again', password: 'a long new password' })).status).toBe(400);
  });
});

describe('branding on the reader', () => {
  it('escapes hostile names, alt text and link labels, and shows changes on the next request', async () => {
    const hostile = '<script>alert("x")</script>';
    const update = await trpcPost(
      app.url,
      'settings.update',
      {
        name: `Echo ${hostile}`,
        logoAlt: `Logo "><img src=x onerror=alert(1)>`,
        navigation: { header: [{ label: `Nav ${hostile}`, url: '/section/world' }], footer: [{ label: `Foot ${hostile}`, url: 'https://example.org/?a=1&b=2' }] },
        copyrightTemplate: '© {year} {publication} <b>bold</b>',
      },
      { cookie: ownerCookie },
    );
    expect(update.status).toBe(200);
    const html = await (await fetch(`${app.url}/`)).text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('Echo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('alt="Logo &quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('Nav &lt;script&gt;');
    expect(html).toContain('Foot &lt;script&gt;');
    expect(html).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('links the generated favicons and apple-touch-icon in the head', async () => {
    // The demo's icons are made from its logo; without an icon there is nothing to link or redirect to.
    expect((await trpcPost(app.url, 'settings.update', { iconMediaId: null }, { cookie: ownerCookie })).status).toBe(200);
    expect(await (await fetch(`${app.url}/`)).text()).not.toContain('rel="icon"');
    expect((await fetch(`${app.url}/favicon.ico`, { redirect: 'manual' })).status).toBe(404);
    const settings = await app.t.settings.get((await app.t.staff('owner')));
    const made = await trpcPost(app.url, 'settings.generateIcons', { mediaId: settings.logoMediaId }, { cookie: ownerCookie });
    expect(made.status).toBe(200);
    const html = await (await fetch(`${app.url}/`)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/<link rel="icon" type="image\/png" sizes="32x32" href="\/media\/brand\/icons\/[0-9a-f]{16}-32\.png"\/>/);
    expect(head).toMatch(/<link rel="icon" type="image\/png" sizes="16x16" href="\/media\/brand\/icons\/[0-9a-f]{16}-16\.png"\/>/);
    expect(head).toMatch(/<link rel="apple-touch-icon" sizes="180x180" href="\/media\/brand\/icons\/[0-9a-f]{16}-180\.png"\/>/);
    expect(head).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    const manifest = await fetch(`${app.url}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const body = (await manifest.json()) as { icons: Array<{ src: string; sizes: string; type: string }> };
    expect(body.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512']);
    expect(body.icons.every((i) => /^\/media\/brand\/icons\/[0-9a-f]{16}-(192|512)\.png$/.test(i.src) && i.type === 'image/png')).toBe(true);
    const href = /sizes="32x32" href="([^"]+)"/.exec(head)![1]!;
    const favicon = await fetch(`${app.url}/favicon.ico`, { redirect: 'manual' });
    expect(favicon.status).toBe(302);
    expect(favicon.headers.get('location')).toBe(href);
    const icon = await fetch(`${app.url}${href}`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');
  });
});

describe('redirects over HTTP', () => {
  it('an added redirect answers at once; a removed one gives way to 404', async () => {
    expect((await fetch(`${app.url}/old-page`, { redirect: 'manual' })).status).toBe(404);
    const created = await trpcPost(app.url, 'redirects.create', { fromPath: '/old-page', toPath: '/section/world', statusCode: 302 }, { cookie: ownerCookie });
    expect(created.status).toBe(200);
    const hop = await fetch(`${app.url}/old-page`, { redirect: 'manual' });
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toBe('/section/world');
    const id = (created.body.result!.data.json as { id: string }).id;
    expect((await trpcPost(app.url, 'redirects.remove', { id }, { cookie: ownerCookie })).status).toBe(200);
    expect((await fetch(`${app.url}/old-page`, { redirect: 'manual' })).status).toBe(404);
  });

  it('refuses a redirect from the dashboard path with a 400 naming the field', async () => {
    const refused = await trpcPost(app.url, 'redirects.create', { fromPath: '/admin/settings', toPath: '/x', statusCode: 301 }, { cookie: ownerCookie });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.json.data.fieldErrors.map((f) => f.field)).toEqual(['fromPath']);
  });
});
