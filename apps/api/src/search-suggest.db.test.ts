import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSite } from '@newsroom/services/testing';
import { startTestApp, type TestApp } from './testing.ts';

const MISSILE = {
  headline: 'Missile launch over Strait of Tessel prompts emergency regional talks',
  url: '/article/missile-launch-over-strait-of-tessel-prompts-emergency-regional-talks',
};

let app: TestApp;
let published: { slug: string };
beforeAll(async () => {
  app = await startTestApp();
  await publicSite.articleIn(app.t, 'draft', { headline: 'Zebrafinch nesting draft' });
  await publicSite.articleIn(app.t, 'scheduled', { headline: 'Zebrafinch nesting scheduled' });
  published = await publicSite.articleIn(app.t, 'published', {
    headline: 'Zebrafinch nesting season begins',
  });
});
afterAll(async () => {
  await app.close();
});

const get = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });

describe('GET /search/suggest', () => {
  it('answers JSON headlines and links for a prefix, best first, cacheable for a minute', async () => {
    const response = await get('/search/suggest?q=tess');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await response.json()) as { results: Array<Record<string, unknown>> };
    expect(body.results[0]).toEqual(MISSILE);
    expect(body.results.length).toBeLessThanOrEqual(5);
    for (const result of body.results) expect(Object.keys(result).sort()).toEqual(['headline', 'url']);
  });

  it('suggests only published articles', async () => {
    expect(await (await get('/search/suggest?q=zebrafi')).json()).toEqual({
      results: [{ headline: 'Zebrafinch nesting season begins', url: `/article/${published.slug}` }],
    });
  });

  it('answers no results for a missing, empty or one-letter query', async () => {
    for (const path of [
      '/search/suggest',
      '/search/suggest?q=',
      '/search/suggest?q=%20%20',
      '/search/suggest?q=m',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(await response.json(), path).toEqual({ results: [] });
    }
  });

  it('refuses a query that is too long or given twice with a 400 naming the field', async () => {
    for (const path of [`/search/suggest?q=${'x'.repeat(201)}`, '/search/suggest?q=a&q=b']) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { error } = (await response.json()) as {
        error: { message: string; code: string; field: string };
      };
      expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'q' });
      expect(error.message).toMatch(/^The query parameter q /);
    }
    const long = (await (await get(`/search/suggest?q=${'x'.repeat(201)}`)).json()) as {
      error: { message: string };
    };
    expect(long.error.message).toBe('The query parameter q must be at most 200 characters.');
    // Exactly at the limit is fine (and finds nothing).
    expect((await get(`/search/suggest?q=${'x'.repeat(200)}`)).status).toBe(200);
  });

  it('leaves /search itself to the reader page', async () => {
    const response = await get('/search?q=tessel');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
