import { describe, expect, it } from 'vitest';
import { pageEntry } from './cached-page.ts';
import { createRenderCache, isCacheablePath, type RenderOutcome } from './render-cache.ts';

const page = (html: string, status = 200): RenderOutcome => ({
  kind: 'page',
  page: pageEntry(html, status, null),
});
const clockAt = (start: number) => {
  let now = start;
  const clock = () => new Date(now);
  clock.advance = (ms: number) => (now += ms);
  return clock;
};

describe('createRenderCache', () => {
  it('keeps pages within a byte budget, dropping the least recently used', async () => {
    const cache = createRenderCache({ maxBytes: 8000 });
    for (const key of ['/a', '/b', '/c'])
      await cache.load(key, async () => page('x'.repeat(600)), { store: true });
    cache.get('/a');
    for (let i = 0; i < 6; i++)
      await cache.load(`/more/${i}`, async () => page('y'.repeat(600)), { store: true });
    expect(cache.stats.bytes).toBeLessThanOrEqual(8000);
    expect(cache.stats.entries).toBe(8);
    expect(cache.get('/a')).toBeDefined();
    expect(cache.get('/b')).toBeUndefined();
  });

  it('forgets pages after the time limit and on clear', async () => {
    const clock = clockAt(Date.parse('2026-01-01T00:00:00Z'));
    const cache = createRenderCache({ ttlMs: 1000, clock });
    await cache.load('/', async () => page('home'), { store: true });
    clock.advance(999);
    expect(cache.get('/')).toBeDefined();
    clock.advance(1);
    expect(cache.get('/')).toBeUndefined();

    await cache.load('/', async () => page('home'), { store: true });
    clock.advance(5000);
    cache.clear();
    expect(cache.stats).toEqual({ entries: 0, bytes: 0 });
    expect(cache.changedAt.getTime()).toBe(clock().getTime());
  });

  it('stores only cacheable statuses, and only when asked', async () => {
    const cache = createRenderCache();
    await cache.load('/500', async () => page('boom', 500), { store: true });
    await cache.load('/head', async () => page('head'), { store: false });
    await cache.load('/gone', async () => page('gone', 410), { store: true });
    await cache.load('/moved', async () => ({ kind: 'redirect', status: 301, to: '/' }), { store: true });
    expect(cache.get('/500')).toBeUndefined();
    expect(cache.get('/head')).toBeUndefined();
    expect(cache.get('/gone')?.status).toBe(410);
    expect(cache.stats.entries).toBe(1);
  });

  it('renders once for concurrent misses, and does not keep a rendering a change overtook', async () => {
    const cache = createRenderCache();
    const releases: Array<() => void> = [];
    const slow = () =>
      new Promise<RenderOutcome>((resolve) => {
        const n = releases.length + 1;
        releases.push(() => resolve(page(`render ${n}`)));
      });
    const first = cache.load('/', slow, { store: true });
    const second = cache.load('/', slow, { store: true });
    expect(releases).toHaveLength(1);
    cache.clear();
    // After a change, a new request must neither wait for nor get the rendering that started before it.
    const third = cache.load('/', slow, { store: true });
    expect(releases).toHaveLength(2);
    releases[1]!();
    await third;
    releases[0]!();
    expect(await first).toBe(await second);
    expect(String(cache.get('/')!.parts[0])).toBe('render 2');
  });
});

describe('isCacheablePath', () => {
  it('is true for reader pages only', () => {
    for (const path of ['/', '/article/a-story', '/section/world', '/previews', '/administration'])
      expect(isCacheablePath(path)).toBe(true);
    for (const path of [
      '/preview/abc',
      '/admin',
      '/admin/x',
      '/trpc/reader.home',
      '/media/a.jpg',
      '/healthz',
      '/assets/main.js',
    ])
      expect(isCacheablePath(path)).toBe(false);
  });
});
