import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStatus } from '@newsroom/domain';
import { publicSite } from '@newsroom/services/testing';
import { startTestApp, type TestApp } from './testing.ts';

// One article in every state a reader must not see, each with its own word in headline, dek, body, a tag,
// a guest byline and a correction; and one published control article made the same way.
const HIDDEN = {
  draft: 'zqdraftword',
  in_review: 'zqreviewword',
  scheduled: 'zqschedword',
  unpublished: 'zqunpubword',
  archived: 'zqarchword',
  future: 'zqfutureword',
} satisfies Partial<Record<ArticleStatus | 'future', string>>;
const CONTROL = 'zqcontrolword';

let app: TestApp;
const slugs = new Map<string, string>();

beforeAll(async () => {
  app = await startTestApp();
  const { t } = app;
  const writer = await t.staff('author', 'Leak Writer');
  const make = async (state: ArticleStatus | 'future', word: string) => {
    const article = await publicSite.articleIn(t, state, {
      headline: `Harbourleak ${word} story`,
      dek: `Dek ${word}`,
      text: `Body about the harbourleak and ${word}.`,
      section: 'world',
      tags: ['Leak Check', `Tag ${word}`],
      authors: [writer, { guest: `Guest ${word}` }],
    });
    await publicSite.addCorrection(t, article.id, `Correction ${word}`);
    slugs.set(word, article.slug);
  };
  for (const [state, word] of Object.entries(HIDDEN)) await make(state as keyof typeof HIDDEN, word);
  await make('published', CONTROL);
});
afterAll(async () => {
  await app.close();
});

const get = (path: string) => fetch(`${app.url}${path}`, { redirect: 'manual' });

const PAGES = [
  '/',
  '/section/world',
  '/tag/leak-check',
  `/tag/tag-${CONTROL}`,
  '/author/leak-writer',
  `/author/guest-${CONTROL}`,
  `/search?q=${CONTROL}`,
  '/search?q=harbourleak',
  '/corrections',
];
const FEEDS = [
  '',
  '/section/world',
  '/tag/leak-check',
  `/tag/tag-${CONTROL}`,
  '/author/leak-writer',
  `/author/guest-${CONTROL}`,
].flatMap((scope) => ['feed.xml', 'atom.xml', 'feed.json'].map((file) => `${scope}/${file}`));
const SITEMAPS = ['/sitemaps/articles-1.xml', '/sitemaps/pages.xml', '/sitemaps/news.xml'];
const NO_ARTICLES = ['/sitemap.xml', '/robots.txt'];
const SUGGESTIONS = ['/search/suggest?q=harbourle'];

describe('nothing unpublished is public', () => {
  it('no page, feed, sitemap or search suggestion mentions a draft, in-review, scheduled, unpublished, archived or future article', async () => {
    const paths = [...PAGES, `/article/${slugs.get(CONTROL)}`, ...FEEDS, ...SITEMAPS, ...SUGGESTIONS, ...NO_ARTICLES];
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const body = (await response.text()).toLowerCase();
      for (const [state, word] of Object.entries(HIDDEN))
        expect(body.includes(word), `${state} article leaks into ${path}`).toBe(false);
      if (!NO_ARTICLES.includes(path))
        expect(body.includes(CONTROL), `published article missing from ${path}`).toBe(true);
    }
  });

  it('search finds none of them, and their own pages, tags, bylines and feeds do not exist', async () => {
    for (const [state, word] of Object.entries(HIDDEN)) {
      const search = await (await get(`/search?q=${word}`)).text();
      expect(search, state).toContain(`No results for “${word}”`);
      expect(search).not.toContain('class="search-result"');
      expect(await (await get(`/search/suggest?q=${word}`)).json(), state).toEqual({ results: [] });
      expect([404, 410], state).toContain((await get(`/article/${slugs.get(word)}`)).status);
      for (const path of [
        `/tag/tag-${word}`,
        `/author/guest-${word}`,
        `/tag/tag-${word}/feed.xml`,
        `/author/guest-${word}/feed.json`,
      ]) {
        expect((await get(path)).status, `${state}: ${path}`).toBe(404);
      }
    }
    const search = await (await get(`/search?q=${CONTROL}`)).text();
    expect(search).toContain(`1 result for “${CONTROL}”`);
  });
});
