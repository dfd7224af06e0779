import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveReaderPages } from './cached-page-fast-path.ts';
import { NONCE_PLACEHOLDER, pageEntry } from './cached-page.ts';
import type { ReaderPages } from './reader.route.ts';
import { createRenderCache } from './render-cache.ts';

const cache = createRenderCache();
const app: RequestListener = (_req, res) => res.end('from the app');
const rendered: string[] = [];
const pages: ReaderPages = {
  async render(url) {
    rendered.push(url.pathname);
    if (url.pathname === '/article/moved') return { kind: 'redirect', status: 301, to: '/article/new-home' };
    if (url.pathname === '/article/broken') throw new Error('the database is down');
    if (url.pathname === '/tag/none') return { kind: 'page', page: pageEntry('<p>not a reader page</p>', 404, null, { fastPath: false }) };
    return { kind: 'page', page: pageEntry(`<style nonce="${NONCE_PLACEHOLDER}"></style>${url.pathname}`, 200, null) };
  },
  renderError: async () => 'error',
};
const server = createServer(
  serveReaderPages(app, {
    cache,
    pages,
    appHeaders: { 'x-frame-options': 'SAMEORIGIN' },
    publicUrl: 'http://news.test',
    csp: (nonce) => `script-src 'nonce-${nonce}'`,
    logger: pino({ level: 'silent' }),
  }),
);
let base: string;
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = async (key: string, page: ReturnType<typeof pageEntry>) =>
    cache.load(key, async () => ({ kind: 'page', page }), { store: true });
  await store('/sent?a=1', pageEntry(`<script nonce="${NONCE_PLACEHOLDER}"></script>page`, 200, null));
  await store('/section/new/feed.xml', pageEntry('<p>404</p>', 404, null, { fastPath: false }));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('answers a cached page with the app headers and a fresh nonce', async () => {
  const response = await fetch(`${base}/sent?a=1`);
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1]!;
  expect(html).toBe(`<script nonce="${nonce}"></script>page`);
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('x-cache')).toBe('HIT');
  const head = await fetch(`${base}/sent?a=1`, { method: 'HEAD' });
  expect([head.status, await head.text()]).toEqual([200, '']);
});

it('renders a reader page that is not cached, stores it, and answers it with the app headers', async () => {
  const first = await fetch(`${base}/section/world`);
  const nonce = /'nonce-([^']+)'/.exec(first.headers.get('content-security-policy')!)![1]!;
  expect(await first.text()).toBe(`<style nonce="${nonce}"></style>/section/world`);
  expect([first.headers.get('x-cache'), first.headers.get('x-frame-options')]).toEqual(['MISS', 'SAMEORIGIN']);
  const second = await fetch(`${base}/section/world`);
  expect([second.headers.get('x-cache'), second.headers.get('x-frame-options')]).toEqual(['HIT', 'SAMEORIGIN']);
  expect(rendered.filter((p) => p === '/section/world')).toHaveLength(1);
});

it('leaves redirects, pages that are not the reader’s, failures, other methods and other paths to the app', async () => {
  for (const [path, method] of [
    ['/article/moved', 'GET'],
    ['/tag/none', 'GET'],
    ['/article/broken', 'GET'],
    ['/section/new/feed.xml', 'GET'],
    ['/sent?a=2', 'GET'],
    ['/sent?a=1', 'POST'],
    ['/feed.xml', 'GET'],
    ['/admin', 'GET'],
    ['/preview/abc', 'GET'],
  ] as const) {
    expect([path, await (await fetch(`${base}${path}`, { method, redirect: 'manual' })).text()]).toEqual([path, 'from the app']);
  }
  // Only the reader's own paths were rendered here.
  expect(rendered).toEqual(expect.arrayContaining(['/article/moved', '/tag/none', '/article/broken']));
  for (const path of ['/sent', '/feed.xml', '/admin', '/preview/abc', '/section/new/feed.xml']) expect(rendered).not.toContain(path);
});
