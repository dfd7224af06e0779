import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../testing.ts';
import { addCorrection, articleIn, guestId, insertImage } from './public-site.testing.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
});
afterAll(async () => {
  await t.close();
});

describe('tag pages', () => {
  it('list the public articles carrying the tag, newest first', async () => {
    const climate = await t.listings.tag('climate', 1);
    expect(climate?.title).toBe('Climate');
    const slugs = climate!.articles.map((a) => a.slug);
    expect(slugs).toContain('survey-finds-aldren-glacier-lost-a-fifth-of-its-volume-in-a-decade');
    expect(slugs.length).toBe(2);
    const times = climate!.articles.map((a) => a.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(climate!.articles[0]!.authors[0]).toMatchObject({ url: expect.stringMatching(/^\/author\//) });
  });

  it('are not found for unknown tags and tags on unpublished work only', async () => {
    expect(await t.listings.tag('no-such-tag', 1)).toBeNull();
    await articleIn(t, 'draft', { headline: 'Embargoed merger plan', tags: ['Secret Merger'] });
    expect(await t.listings.tag('secret-merger', 1)).toBeNull();
  });

  it('paginate by 20 with hasMore, and give an empty page past the end', async () => {
    for (let i = 0; i < 21; i++)
      await articleIn(t, 'published', { headline: `Paging story ${i}`, tags: ['Paging'] });
    const first = await t.listings.tag('paging', 1);
    const second = await t.listings.tag('paging', 2);
    expect([first!.articles.length, first!.hasMore, second!.articles.length, second!.hasMore]).toEqual([
      20,
      true,
      1,
      false,
    ]);
    expect((await t.listings.tag('paging', 3))!.articles).toEqual([]);
  });
});

describe('author pages', () => {
  it('show a staff author with bio and their public articles', async () => {
    const page = await t.listings.author('amara-okafor', 1);
    expect(page?.author).toMatchObject({
      name: 'Amara Okafor',
      slug: 'amara-okafor',
      url: '/author/amara-okafor',
      photo: null,
    });
    expect(page!.author.bio.length).toBeGreaterThan(10);
    expect(page!.articles.length).toBeGreaterThan(0);
    for (const a of page!.articles) expect(a.authors.map((x) => x.slug)).toContain('amara-okafor');
  });

  it('show guest authors with their photo, and hide a withdrawn photo', async () => {
    const photo = await insertImage(t, { alt: 'Portrait of Wren Castell' });
    await guestId(t, 'Wren Castell', { bio: 'Wren writes about rivers.', photoId: photo.id });
    await articleIn(t, 'published', { headline: 'River levels fall', authors: [{ guest: 'Wren Castell' }] });
    const page = await t.listings.author('wren-castell', 1);
    expect(page?.author).toMatchObject({
      name: 'Wren Castell',
      bio: 'Wren writes about rivers.',
      photo: { url: `/media/${photo.key}`, alt: 'Portrait of Wren Castell' },
    });
    expect(page!.articles.map((a) => a.headline)).toEqual(['River levels fall']);
    await t.database.db
      .updateTable('media')
      .set({ withdrawn_at: t.clock() })
      .where('id', '=', photo.id)
      .execute();
    expect((await t.listings.author('wren-castell', 1))!.author.photo).toBeNull();
  });

  it('do not exist for people with no public work', async () => {
    const writer = await t.staff('contributor', 'Quiet Contributor');
    await articleIn(t, 'in_review', { headline: 'Pending piece', authors: [writer] });
    await articleIn(t, 'future', { headline: 'Tomorrow piece', authors: [{ guest: 'Future Guest' }] });
    expect(await t.listings.author('quiet-contributor', 1)).toBeNull();
    expect(await t.listings.author('future-guest', 1)).toBeNull();
    expect(await t.listings.author('nobody-at-all', 1)).toBeNull();
  });
});

describe('search', () => {
  it('ranks headline matches first and highlights the words with <mark>', async () => {
    const result = await t.listings.search('glacier', 1);
    expect(result.total).toBeGreaterThan(0);
    expect(result.results[0]!.slug).toBe(
      'survey-finds-aldren-glacier-lost-a-fifth-of-its-volume-in-a-decade',
    );
    expect(result.results[0]!.snippetHtml).toMatch(/<mark>glaciers?<\/mark>/i);
  });

  it('escapes stored markup in snippets and never lets stored text add a mark', async () => {
    await articleIn(t, 'published', {
      headline: 'Aquarium update',
      text: 'Keepers said 3 < 4 && "fins" &lt;b&gt; <img src=x onerror=alert(1)> <script>alert(1)</script> the zebrafish \uE000thrive\uE001 in warm water.',
    });
    const [hit] = (await t.listings.search('zebrafish', 1)).results;
    expect(hit!.headline).toBe('Aquarium update');
    expect(hit!.snippetHtml).toContain('<mark>zebrafish</mark>');
    expect(hit!.snippetHtml.match(/<mark>/g)).toHaveLength(1);
    // Whatever ts_headline copies through, it arrives as text: the only elements are our marks.
    expect(hit!.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>\uE000\uE001]/);
    expect(hit!.snippetHtml).toContain('3 &lt; 4 &amp;&amp; &quot;fins&quot; &amp;lt;b&amp;gt;');
    expect(hit!.snippetHtml).not.toMatch(/<(img|script)/i);
  });

  it('finds only public articles, and nothing for an empty query', async () => {
    for (const state of ['draft', 'in_review', 'scheduled', 'unpublished', 'archived', 'future'] as const) {
      await articleIn(t, state, { headline: `Quokka sighting ${state}` });
    }
    await articleIn(t, 'published', { headline: 'Quokka sighting confirmed' });
    const result = await t.listings.search('quokka', 1);
    expect(result.results.map((r) => r.headline)).toEqual(['Quokka sighting confirmed']);
    expect(result.total).toBe(1);
    expect(await t.listings.search('   ', 1)).toEqual({
      query: '',
      results: [],
      total: 0,
      page: 1,
      hasMore: false,
    });
  });

  it('accepts any query text, operators included', async () => {
    for (const q of ['"central bank" -rates', 'or or', ')(*&^%', 'the', 'glacier OR tram']) {
      await expect(t.listings.search(q, 1)).resolves.toMatchObject({ query: q });
    }
    expect((await t.listings.search('"central bank" -rates', 1)).total).toBe(0);
  });
});

describe('corrections', () => {
  it('lists corrections and updates on public articles only, newest first, linking to them', async () => {
    const published = await articleIn(t, 'published', { headline: 'Bridge reopens' });
    const draft = await articleIn(t, 'draft', { headline: 'Bridge draft' });
    const future = await articleIn(t, 'future', { headline: 'Bridge tomorrow' });
    const base = t.clock().getTime();
    await addCorrection(
      t,
      published.id,
      'An earlier version misspelt the engineer’s name.',
      'correction',
      new Date(base - 60_000),
    );
    await addCorrection(t, published.id, 'Added the mayor’s statement.', 'update', new Date(base - 1_000));
    await addCorrection(t, draft.id, 'Draft correction', 'correction', new Date(base));
    await addCorrection(t, future.id, 'Future correction', 'correction', new Date(base));
    const page = await t.listings.corrections(1);
    expect(page.entries.map((e) => e.text)).toEqual([
      'Added the mayor’s statement.',
      'An earlier version misspelt the engineer’s name.',
    ]);
    expect(page.entries[0]).toMatchObject({
      kind: 'update',
      article: { headline: 'Bridge reopens', url: `/article/${published.slug}` },
    });
    expect(page.hasMore).toBe(false);
  });
});
