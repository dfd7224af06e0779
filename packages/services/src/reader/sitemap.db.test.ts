import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../testing.ts';
import { articleIn, insertImage } from './public-site.testing.ts';
import { createSitemapService } from './sitemap.service.ts';

const HOSTILE = `Quay </title><script>alert(1)</script>& ]]> 'a' "q" &amp;`;
const base = 'http://localhost:3000';
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name),
});

function parseXml(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/<script/i);
  return parser.parse(xml);
}
const locs = (urlset: { url?: Array<{ loc: string }> }) => (urlset.url ?? []).map((u) => u.loc);

let t: TestServices;
let hostile: { id: string; slug: string };
let image: { id: string; key: string };
const hidden: Array<{ slug: string }> = [];

beforeAll(async () => {
  t = await createTestServices({ seed: true });
  image = await insertImage(t);
  hostile = await articleIn(t, 'published', {
    headline: HOSTILE,
    section: 'world',
    tags: ['Harbour Tag'],
    authors: [{ guest: 'Guest Writer' }],
    imageId: image.id,
  });
  for (const state of ['draft', 'in_review', 'scheduled', 'unpublished', 'archived', 'future'] as const) {
    hidden.push(
      await articleIn(t, state, {
        headline: `Hiddenword ${state}`,
        tags: ['Hidden Tag'],
        authors: [{ guest: 'Hidden Guest' }],
      }),
    );
  }
});
afterAll(async () => {
  await t.close();
});

describe('sitemaps', () => {
  it('index the pages, news and article sitemaps', async () => {
    const { sitemapindex } = parseXml(await t.sitemaps.index());
    expect(sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      `${base}/sitemaps/pages.xml`,
      `${base}/sitemaps/news.xml`,
      `${base}/sitemaps/articles-1.xml`,
    ]);
    for (const s of sitemapindex.sitemap) expect(Number.isNaN(Date.parse(s.lastmod))).toBe(false);
  });

  it('list every public article once, oldest first, with lastmod and the featured image', async () => {
    const { urlset } = parseXml((await t.sitemaps.articles(1))!);
    const urls = locs(urlset);
    expect(urls).toHaveLength(13);
    expect(urls.at(-1)).toBe(`${base}/article/${hostile.slug}`);
    for (const h of hidden) expect(urls).not.toContain(`${base}/article/${h.slug}`);
    const entry = urlset.url.at(-1);
    expect(entry.lastmod).toBe(t.clock().toISOString());
    expect(entry['image:image']).toEqual([{ 'image:loc': `${base}/media/${image.key}` }]);
    expect(urlset.url[0]['image:image']).toBeUndefined();
    expect(await t.sitemaps.articles(2)).toBeNull();
    expect(await t.sitemaps.articles(0)).toBeNull();
  });

  it('split articles into files of at most the limit, in publication order', async () => {
    const small = createSitemapService(t.deps, { urlsPerFile: 5 });
    const index = parseXml(await small.index()).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(index.slice(2)).toEqual([1, 2, 3].map((n) => `${base}/sitemaps/articles-${n}.xml`));
    const files = await Promise.all(
      [1, 2, 3].map(async (n) => locs(parseXml((await small.articles(n))!).urlset)),
    );
    expect(files.map((f) => f.length)).toEqual([5, 5, 3]);
    expect(files.flat()).toEqual(locs(parseXml((await t.sitemaps.articles(1))!).urlset));
    expect(await small.articles(4)).toBeNull();
  });

  it('list home, sections, and the tags and authors that have public articles', async () => {
    const urls = locs(parseXml(await t.sitemaps.pages()).urlset);
    expect(urls[0]).toBe(`${base}/`);
    expect(urls).toContain(`${base}/section/world`);
    expect(urls).toContain(`${base}/tag/harbour-tag`);
    expect(urls).toContain(`${base}/tag/climate`);
    expect(urls).toContain(`${base}/author/guest-writer`);
    expect(urls).toContain(`${base}/author/amara-okafor`);
    expect(urls).not.toContain(`${base}/tag/hidden-tag`);
    expect(urls).not.toContain(`${base}/author/hidden-guest`);
    expect(urls).not.toContain(`${base}/author/owner`);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('give Google News the last 48 hours with publication, date and the title as text', async () => {
    const { urlset } = parseXml(await t.sitemaps.news());
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const now = t.clock().getTime();
    for (const url of urlset.url) {
      const age = now - Date.parse(url['news:news']['news:publication_date']);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(48 * 3_600_000);
      expect(url['news:news']['news:publication']).toEqual({
        'news:name': 'Globe Echo',
        'news:language': 'en',
      });
    }
    // Seeded at 3, 7, 11, 19, 26, 30 and 45 hours ago, plus the one published now.
    expect(urlset.url).toHaveLength(8);
    expect(urlset.url[0]).toMatchObject({
      loc: `${base}/article/${hostile.slug}`,
      'news:news': { 'news:title': HOSTILE },
    });
    for (const h of hidden) expect(locs(urlset)).not.toContain(`${base}/article/${h.slug}`);
  });

  it('point robots at the sitemap and away from the dashboard and previews', () => {
    expect(t.sitemaps.robotsTxt()).toBe(
      `User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /preview/\n\nSitemap: ${base}/sitemap.xml\n`,
    );
  });
});
