import { describe, expect, it } from 'vitest';
import type { PublicArticleCard, PublicBranding, PublicListing } from '@newsroom/domain';
import { renderReaderPage, type ReaderApi } from './render.tsx';

const hostile = `</script><script>alert("x")</script>&<b>`;

const branding: PublicBranding = {
  name: 'Echo',
  description: 'News',
  logo: null,
  iconUrl: null,
  accentColor: '#1d4ed8',
  accentTextColor: '#ffffff',
  navigation: { header: [], footer: [] },
  copyrightNotice: '© 2026 Echo',
  language: 'en',
  timeZone: 'Europe/London',
};

const card = (n: number): PublicArticleCard => ({
  slug: `story-${n}`,
  url: `/article/story-${n}`,
  headline: `Story ${n} ${hostile}`,
  dek: 'Dek',
  publishedAt: new Date('2026-11-30T09:00:00Z'),
  updatedAt: new Date('2026-11-30T09:00:00Z'),
  section: null,
  authors: [],
  image: null,
  readingMinutes: 2,
});

const listing = (page: number): PublicListing => ({
  title: `Tag ${hostile}`,
  description: '',
  articles: page === 1 ? [card(1)] : [],
  page,
  hasMore: false,
});
const searches: string[] = [];

const api: ReaderApi = {
  branding: async () => branding,
  home: async () => ({ lead: null, top: [], sections: [], latest: [] }),
  article: async () => null,
  articleGone: async () => false,
  previewArticle: async () => null,
  section: async () => null,
  // Pages render without the widget strip when it cannot be read; these tests are not about it.
  widgets: async () => {
    throw new Error('no widgets here');
  },
  tag: async ({ slug, page }) => (slug === 'ports' ? listing(page) : null),
  author: async ({ slug, page }) =>
    slug === 'ada'
      ? {
          ...listing(page),
          title: 'Ada',
          author: {
            name: 'Ada',
            slug: 'ada',
            url: '/author/ada',
            bio: `Bio ${hostile}`,
            photo: {
              url: '/media/ada.jpg',
              srcset: null,
              width: 10,
              height: 10,
              alt: 'Ada smiling',
              caption: '',
              credit: null,
              creator: null,
              copyrightHolder: null,
              licenseUrl: null,
            },
          },
          hasMore: page === 1,
        }
      : null,
  search: async ({ query, page }) => {
    searches.push(query);
    return {
      query,
      page,
      total: 21,
      hasMore: page === 1,
      results: page === 1 ? [{ ...card(1), snippetHtml: 'a <mark>port</mark> &lt;b&gt;' }] : [],
    };
  },
  corrections: async ({ page }) => ({
    entries:
      page === 1
        ? [
            {
              kind: 'update',
              text: `Fixed ${hostile}`,
              createdAt: new Date('2026-11-30T09:00:00Z'),
              article: { headline: `Story ${hostile}`, url: '/article/story-1' },
            },
          ]
        : [],
    page,
    hasMore: false,
  }),
};

const render = async (path: string) =>
  (await renderReaderPage(new URL(path, 'https://news.example'), {
    api,
    assets: { scripts: [], styles: [] },
    publicUrl: 'https://news.example',
    nonce: 'abc',
  }))!;

describe('listing pages', () => {
  it('search: the form without a query, and the API is not asked', async () => {
    searches.length = 0;
    const page = await render('/search?q=%20%20');
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<form [^>]*role="search"/);
    expect(page.html).toContain('<label for="search-q">Search articles</label>');
    expect(searches).toEqual([]);
  });

  it('search: snippets keep their <mark>, the query is escaped, long queries are cut to 200 characters', async () => {
    searches.length = 0;
    const page = await render(`/search?q=${encodeURIComponent(`${hostile} ${'x'.repeat(300)}`)}`);
    expect(page.html).toContain('a <mark>port</mark> &lt;b&gt;');
    expect(page.html).not.toContain('<script>alert');
    expect(searches).toHaveLength(1);
    expect(searches[0]!.length).toBe(200);
    expect(page.html).toContain('<meta name="robots" content="noindex"/>');
    expect(page.html).toMatch(/<a href="\/search\?q=[^"]+&amp;page=2" rel="next">/);
    expect((await render('/search?q=port&page=2')).status).toBe(404);
  });

  it('tag: h1, canonical and feeds; 404 past the last page or for a bad page number', async () => {
    const page = await render('/tag/ports');
    expect(page.html).toContain(
      '<h1>Tag &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;b&gt;</h1>',
    );
    expect(page.html).toContain('<link rel="canonical" href="https://news.example/tag/ports"/>');
    expect(page.html).toContain('href="/tag/ports/atom.xml"');
    expect((await render('/tag/ports?page=2')).status).toBe(404);
    expect((await render('/tag/ports?page=0')).status).toBe(404);
    expect((await render('/tag/nope')).status).toBe(404);
  });

  it('author: photo, escaped bio, rel=next, and its feeds', async () => {
    const page = await render('/author/ada');
    expect(page.html).toMatch(/<img class="author-page__photo" src="\/media\/ada.jpg"[^>]*alt="Ada smiling"/);
    expect(page.html).toContain('Bio &lt;/script&gt;');
    expect(page.html).toContain('<a href="/author/ada?page=2" rel="next">');
    expect(page.html).toContain(
      'type="application/feed+json" title="Ada | Echo (JSON Feed)" href="/author/ada/feed.json"',
    );
  });

  it('corrections: entries link to their article; nothing past the end', async () => {
    const page = await render('/corrections');
    expect(page.html).toContain('<h1>Corrections and updates</h1>');
    expect(page.html).toContain('<a href="/article/story-1">Story &lt;/script&gt;');
    expect((await render('/corrections?page=2')).status).toBe(404);
  });
});
