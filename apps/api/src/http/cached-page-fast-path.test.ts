import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveCachedPages } from './cached-page-fast-path.ts';
import { NONCE_PLACEHOLDER, pageEntry } from './cached-page.ts';
import { createRenderCache } from './render-cache.ts';

const cache = createRenderCache();
const app: RequestListener = (_req, res) => res.end('from the app');
const server = createServer(
  serveCachedPages(app, cache, {
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
  const sent = pageEntry(`<script nonce="${NONCE_PLACEHOLDER}"></script>page`, 200, null);
  sent.appHeaders = { 'x-frame-options': 'SAMEORIGIN' };
  await store('/sent?a=1', sent);
  await store('/never-sent', pageEntry('<p>not yet through the app</p>', 200, null));
  const notReader = pageEntry('<p>404</p>', 404, null, { fastPath: false });
  notReader.appHeaders = {};
  await store('/section/new/feed.xml', notReader);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('answers a page that went through the app once, with its headers and a fresh nonce', async () => {
  const response = await fetch(`${base}/sent?a=1`);
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy')!)![1]!;
  expect(html).toBe(`<script nonce="${nonce}"></script>page`);
  expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(response.headers.get('x-cache')).toBe('HIT');
  const head = await fetch(`${base}/sent?a=1`, { method: 'HEAD' });
  expect([head.status, await head.text()]).toEqual([200, '']);
});

it('hands everything else to the app', async () => {
  for (const [path, method] of [
    ['/sent?a=2', 'GET'],
    ['/never-sent', 'GET'],
    ['/section/new/feed.xml', 'GET'],
    ['/sent?a=1', 'POST'],
    ['/admin', 'GET'],
  ] as const) {
    expect(await (await fetch(`${base}${path}`, { method })).text()).toBe('from the app');
  }
});
