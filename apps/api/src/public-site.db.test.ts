import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSite } from '@newsroom/services/testing';
import { startTestApp, type TestApp } from './testing.ts';

// Stored text that would break out of an element, a CDATA section or an attribute if it were not handled.
const HOSTILE = `Quay </title><script>alert(1)</script>& ]]> and ]]> 'a' "q" &amp;`;
const HOSTILE_SECTION = `Docks </title><script>alert(1)</script>& ]]>`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name, jpath) =>
    ['item', 'entry', 'url', 'sitemap', 'category'].includes(name) || String(jpath).endsWith('entry.link'),
});
const fromHtml = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** True when a parsed document has an element with this name anywhere. */
function hasElement(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((n) => hasElement(n, name));
  if (node && typeof node === 'object')
    return Object.entries(node).some(([k, v]) => k === name || hasElement(v, name));
  return false;
}

let app: TestApp;
let hostile: { id: string; slug: string };
const TAG_SLUG = 'harbour-works';

beforeAll(async () => {
  app = await startTestApp();
  const { t } = app;
  await t.database.db
    .insertInto('sections')
    .values({ name: HOSTILE_SECTION, slug: 'docks', position: 9 })
    .execute();
  const image = await publicSite.insertImage(t, { credit: 'Jo Lens' });
  hostile = await publicSite.articleIn(t, 'published', {
    headline: HOSTILE,
    dek: `Dek ${HOSTILE}`,
    text: `Dockside <b>quaycranex</b> & ${HOSTILE}`,
    section: 'docks',
    tags: ['Harbour Works'],
    authors: [{ guest: 'Ada Quay' }],
    imageId: image.id,
  });
  await t.database.db
    .updateTable('guest_authors')
    .set({ bio: 'Ada covers ports & shipping.' })
    .where('slug', '=', 'ada-quay')
    .execute();
  await publicSite.addCorrection(t, hostile.id, 'An earlier version gave the wrong berth <number>.');
});
afterAll(async () => {
  await app.close();
});

const get = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });
const text = async (path: string) => {
  const response = await get(path);
  return { response, body: await response.text() };
};

describe('public pages', () => {
  it('tag page: h1 with the tag, its articles, its feeds as alternates', async () => {
    const { response, body } = await text(`/tag/${TAG_SLUG}`);
    expect(response.status).toBe(200);
    expect(body).toMatch(/<h1>Harbour Works<\/h1>/);
    expect(body).toContain(`href="/article/${hostile.slug}"`);
    expect(body).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Harbour Works | Globe Echo (RSS)" href="/tag/${TAG_SLUG}/feed.xml"/>`,
    );
    expect(body).toContain(`href="/tag/${TAG_SLUG}/atom.xml"`);
    expect(body).toContain(`href="/tag/${TAG_SLUG}/feed.json"`);
    expect(body).toContain('<main id="main"');
    expect((await get('/tag/no-such-tag')).status).toBe(404);
    expect((await get(`/tag/${TAG_SLUG}?page=2`)).status).toBe(404);
  });

  it('author page: staff and guests, with bio and the list of their articles', async () => {
    const guest = await text('/author/ada-quay');
    expect(guest.response.status).toBe(200);
    expect(guest.body).toMatch(/<h1>Ada Quay<\/h1>/);
    expect(guest.body).toContain('Ada covers ports &amp; shipping.');
    expect(guest.body).toMatch(
      /<h2 id="author-articles"[^>]*>Articles by <!-- -->Ada Quay<\/h2>|<h2 id="author-articles"[^>]*>Articles by Ada Quay<\/h2>/,
    );
    expect(guest.body).toContain(`href="/article/${hostile.slug}"`);
    expect(guest.body).toContain('href="/author/ada-quay/feed.xml"');
    const staff = await text('/author/amara-okafor');
    expect(staff.response.status).toBe(200);
    expect(staff.body).toMatch(/<h1>Amara Okafor<\/h1>/);
    expect((await get('/author/owner')).status).toBe(404);
  });

  it('section pages link their own feeds', async () => {
    const { body } = await text('/section/docks');
    expect(body).toContain('href="/section/docks/feed.xml"');
    expect(body).not.toContain('<script>alert(1)');
  });

  it('search: a labelled GET form, ranked results with highlighted, escaped snippets', async () => {
    const empty = await text('/search');
    expect(empty.response.status).toBe(200);
    const form = /<form [^>]*role="search"[^>]*>/.exec(empty.body)?.[0];
    expect(form).toContain('action="/search"');
    expect(form).toContain('method="get"');
    expect(empty.body).toContain('<label for="search-q">Search articles</label>');
    expect(empty.body).toMatch(/<h1>Search<\/h1>/);
    expect(empty.body).not.toContain('search-result');

    const { response, body } = await text('/search?q=quaycranex');
    expect(response.status).toBe(200);
    expect(body).toContain('<meta name="robots" content="noindex"/>');
    expect(body).toContain('<h2 id="search-results" class="rail__title">1 result for “quaycranex”</h2>');
    expect(body).toContain('<mark>quaycranex</mark>');
    expect(body).toContain('&amp;');
    expect(body).not.toContain('<script>alert');
    expect(body).toContain(`href="/article/${hostile.slug}"`);
    expect(body).toContain('value="quaycranex"');

    const hostileQuery = await text(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(hostileQuery.response.status).toBe(200);
    expect(hostileQuery.body).not.toContain('<script>alert(1)');

    const long = await text(`/search?q=${'glacier '.repeat(60)}`);
    expect(long.response.status).toBe(200);
    expect(long.body).toContain('<mark>');
    expect((await get('/search?q=glacier&page=2')).status).toBe(404);
  });

  it('search pages through results with rel prev/next', async () => {
    // Published a day earlier, so they do not crowd the other tests' articles out of the 20-item feeds.
    app.t.clock.advance(-86_400_000);
    try {
      for (let i = 0; i < 21; i++) await publicSite.articleIn(app.t, 'published', { headline: `Pelican count ${i}` });
    } finally {
      app.t.clock.advance(86_400_000);
    }
    const first = await text('/search?q=pelican');
    expect(first.body).toContain('<a href="/search?q=pelican&amp;page=2" rel="next">');
    const second = await text('/search?q=pelican&page=2');
    expect(second.response.status).toBe(200);
    expect(second.body).toContain('<a href="/search?q=pelican" rel="prev">');
    expect(second.body).not.toContain('rel="next"');
  });

  it('corrections page: newest first, linking to the article', async () => {
    const { response, body } = await text('/corrections');
    expect(response.status).toBe(200);
    expect(body).toMatch(/<h1>Corrections and updates<\/h1>/);
    expect(body).toContain('An earlier version gave the wrong berth &lt;number&gt;.');
    expect(body).toContain(`<a href="/article/${hostile.slug}">`);
    expect((await get('/corrections?page=2')).status).toBe(404);
    expect((await get('/corrections?page=x')).status).toBe(404);
  });
});

const FEEDS = [
  { file: 'feed.xml', type: 'application/rss+xml; charset=utf-8' },
  { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8' },
  { file: 'feed.json', type: 'application/feed+json; charset=utf-8' },
];

describe('feeds over HTTP', () => {
  it('serve every scope in every format with its content type and a shared-cache lifetime', async () => {
    for (const scope of ['', '/section/docks', `/tag/${TAG_SLUG}`, '/author/ada-quay']) {
      for (const { file, type } of FEEDS) {
        const response = await get(`${scope}/${file}`);
        expect(response.status, `${scope}/${file}`).toBe(200);
        expect(response.headers.get('content-type')).toBe(type);
        expect(response.headers.get('cache-control')).toMatch(/public.*s-maxage=300/);
        expect(response.headers.get('etag')).toBeTruthy();
      }
    }
    expect((await get('/tag/no-such-tag/feed.xml')).status).toBe(404);
    expect((await get('/section/docks/feed.txt')).status).toBe(404);
  });

  it('carry hostile headlines and section names as text in every feed, never as a <script> element', async () => {
    for (const scope of ['', '/section/docks', `/tag/${TAG_SLUG}`, '/author/ada-quay']) {
      const rss = await (await get(`${scope}/feed.xml`)).text();
      expect(XMLValidator.validate(rss)).toBe(true);
      const channel = parser.parse(rss).rss.channel;
      expect(hasElement(channel, 'script')).toBe(false);
      const item = channel.item.find(
        (i: { link: string }) => i.link === `${app.url}/article/${hostile.slug}`,
      );
      expect(item.title).toBe(HOSTILE);
      expect(item.category.map((c: { '#text': string }) => c['#text'])).toContain(HOSTILE_SECTION);
      expect(item.enclosure['@_type']).toBe('image/jpeg');
      if (scope === '/section/docks') expect(channel.title).toBe(`${HOSTILE_SECTION} | Globe Echo`);

      const atom = await (await get(`${scope}/atom.xml`)).text();
      expect(XMLValidator.validate(atom)).toBe(true);
      const feed = parser.parse(atom).feed;
      expect(hasElement(feed, 'script')).toBe(false);
      const entry = feed.entry.find((e: { id: string }) => e.id === `urn:uuid:${hostile.id}`);
      expect(fromHtml(entry.title['#text'])).toBe(HOSTILE);
      expect(entry.category.map((c: Record<string, string>) => c['@_label'])).toContain(HOSTILE_SECTION);
      if (scope === '/section/docks') expect(feed.title).toBe(`${HOSTILE_SECTION} | Globe Echo`);

      const json = (await (await get(`${scope}/feed.json`)).json()) as {
        items: Array<{ id: string; title: string; tags: string[] }>;
      };
      const jsonItem = json.items.find((i) => i.id === `urn:uuid:${hostile.id}`)!;
      expect(jsonItem.title).toBe(HOSTILE);
      expect(jsonItem.tags).toContain(HOSTILE_SECTION);
    }
  });
});

describe('sitemaps and robots over HTTP', () => {
  it('serve XML that parses, with the hostile headline as text in the news sitemap', async () => {
    for (const path of [
      '/sitemap.xml',
      '/sitemaps/pages.xml',
      '/sitemaps/news.xml',
      '/sitemaps/articles-1.xml',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      const xml = await response.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(hasElement(parser.parse(xml), 'script')).toBe(false);
    }
    const news = parser.parse(await (await get('/sitemaps/news.xml')).text()).urlset;
    expect(
      news.url.find((u: { loc: string }) => u.loc === `${app.url}/article/${hostile.slug}`)['news:news'][
        'news:title'
      ],
    ).toBe(HOSTILE);
    const articles = parser.parse(await (await get('/sitemaps/articles-1.xml')).text()).urlset;
    expect(articles.url.map((u: { loc: string }) => u.loc)).toContain(`${app.url}/article/${hostile.slug}`);
    expect((await get('/sitemaps/articles-2.xml')).status).toBe(404);
    expect((await get('/sitemaps/other.xml')).status).toBe(404);
  });

  it('robots.txt allows all but the dashboard and previews, and names the sitemap', async () => {
    const { response, body } = await text('/robots.txt');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(body).toContain('User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /preview/');
    expect(body).toContain(`Sitemap: ${app.url}/sitemap.xml`);
  });
});
