import { describe, expect, it } from 'vitest';
import type { PublicArticle, PublicBranding } from '@newsroom/domain';
import { renderErrorPage, renderReaderPage, type ReaderApi } from './render.tsx';

const hostile = `</script><script>alert("x")</script>&<b>`;

const branding: PublicBranding = {
  name: `Echo ${hostile}`,
  description: 'News',
  logo: { url: '/media/logo.svg', alt: `Smiley "face" ${hostile}`, width: 64, height: 64 },
  iconUrl: null,
  accentColor: '#1d4ed8',
  accentTextColor: '#ffffff',
  navigation: { header: [{ label: `Weather ${hostile}`, url: '/weather' }], footer: [] },
  copyrightNotice: `© 2026 ${hostile}`,
  language: 'en',
  timeZone: 'Europe/London',
};

const article: PublicArticle = {
  slug: 'a-story',
  url: '/article/a-story',
  headline: `Headline ${hostile}`,
  dek: 'Dek',
  publishedAt: new Date('2026-11-30T09:00:00Z'),
  updatedAt: new Date('2026-11-30T09:00:00Z'),
  section: { name: 'World', slug: 'world' },
  authors: [{ name: 'Ana', slug: 'ana', url: '/author/ana' }],
  image: null,
  readingMinutes: 2,
  bodyHtml: '<p>Body</p>',
  wordCount: 1,
  tags: [],
  corrections: [],
  rights: { notice: '© 2026 Echo', copyrightHolder: 'Echo', copyrightYear: 2026, license: { code: 'all-rights-reserved', label: 'All rights reserved', url: null }, syndicationAllowed: false },
  seo: { title: `Headline ${hostile}`, description: 'Dek', canonicalUrl: 'https://news.example/article/a-story' },
  related: [],
};

// Plain data in the public shapes, as the reader router returns them; the routes over a real database are
// tested in apps/api.
const data: ReaderApi = {
  branding: async () => branding,
  home: async () => ({ lead: null, top: [], sections: [], latest: [] }),
  article: async ({ slug }) => (slug === 'a-story' ? article : null),
  articleGone: async ({ slug }) => slug === 'withdrawn',
  previewArticle: async ({ token }) => (token === 'good.token' ? article : null),
  section: async () => null,
  tag: async () => null,
  author: async () => null,
  search: async ({ query, page }) => ({ query, results: [], total: 0, page, hasMore: false }),
  corrections: async ({ page }) => ({ entries: [], page, hasMore: false }),
  widgets: async () => ({ generatedAt: new Date('2026-11-30T10:00:00Z'), weather: { enabled: false, staleAfterMinutes: 30, locations: [] }, markets: { enabled: false, staleAfterMinutes: 5, quotes: [] } }),
};

const render = (path: string) =>
  renderReaderPage(new URL(path, 'https://news.example'), { api: data, assets: { scripts: ['/assets/main.js'], styles: [] }, publicUrl: 'https://news.example', nonce: 'abc' });

describe('reader pages', () => {
  it('show a preview with a visible banner and noindex, and 404 for a bad token', async () => {
    const page = (await render('/preview/good.token'))!;
    expect(page.status).toBe(200);
    expect(page.html).toContain('Preview — not published');
    expect(page.html).toContain('<meta name="robots" content="noindex"/>');
    expect(page.html).toContain('<h1 class="article__headline">Headline &lt;/script&gt;');
    expect((await render('/preview/forged.token'))!.status).toBe(404);
    expect((await render('/preview/'))).toBeNull();
  });

  it('escape every stored text in HTML, attributes and JSON-LD', async () => {
    const page = (await render('/article/a-story'))!;
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).toContain('alt="Smiley &quot;face&quot; &lt;/script&gt;');
    const blocks = [...page.html.matchAll(/<script type="application\/ld\+json" nonce="abc">(.*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(2);
    const ld = JSON.parse(blocks[0]!);
    expect(ld.headline).toBe(`Headline ${hostile}`);
    expect(ld.publisher.name).toBe(`Echo ${hostile}`);
  });

  it('put the site search form in the header of every page, working without script and with ids used once', async () => {
    const pages = await Promise.all(['/', '/article/a-story', '/section/nope', '/search', '/search?q=port', '/preview/good.token'].map(async (path) => [path, (await render(path))!] as const));
    pages.push(['error page', { status: 500, html: await renderErrorPage(500, { api: data, assets: { scripts: [], styles: [] }, publicUrl: 'https://news.example', nonce: 'abc' }), lastModified: null }]);
    for (const [path, page] of pages) {
      const header = /<header class="site-header"[^>]*>.*?<\/header>/s.exec(page.html)?.[0] ?? '';
      const form = /<form [^>]*>/.exec(header)?.[0] ?? '';
      expect(form, path).toContain('role="search"');
      expect(form, path).toContain('aria-label="Site"');
      expect(form, path).toContain('action="/search"');
      expect(form, path).toContain('method="get"');
      expect(header, path).toContain('<label class="visually-hidden" for="site-search-q">Search</label>');
      const input = /<input id="site-search-q"[^>]*>/.exec(header)?.[0] ?? '';
      for (const attribute of ['type="search"', 'name="q"', 'maxLength="200"', 'required=""']) expect(input, path).toContain(attribute);
      expect(header, path).toMatch(/<button class="site-search__button" type="submit">Search<\/button>/);
      const ids = [...page.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length, path).toBe(new Set(ids).size);
    }
  });

  it('show the search page\'s query in the header field, escaped, and no query elsewhere', async () => {
    const search = (await render(`/search?q=${encodeURIComponent(`port ${hostile}`)}`))!.html;
    expect(search).toMatch(/<input id="site-search-q"[^>]* value="port &lt;\/script&gt;&lt;script&gt;alert\(&quot;x&quot;\)/);
    // The page keeps its own form, a second search landmark with a name of its own.
    expect(search).toMatch(/<form class="search-form" role="search" aria-label="Search articles"/);
    expect(search).toContain('id="search-q"');
    expect((await render('/?q=port'))!.html).toMatch(/<input id="site-search-q"[^>]* value=""/);
  });

  it('give every inline script and style the nonce', async () => {
    const page = (await render('/'))!;
    for (const tag of page.html.match(/<(script|style)\b[^>]*>/g) ?? []) expect(tag).toContain('nonce="abc"');
  });

  it('answer 404 for unknown articles, 410 for withdrawn ones, and null for paths that are not the reader\'s', async () => {
    expect((await render('/article/nope'))!.status).toBe(404);
    expect((await render('/article/withdrawn'))!.status).toBe(410);
    expect(await render('/not-a-reader-path/x')).toBeNull();
    expect((await render('/section/world?page=abc'))!.status).toBe(404);
  });
});
