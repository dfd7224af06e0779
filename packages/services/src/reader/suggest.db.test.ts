import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../testing.ts';
import { articleIn } from './public-site.testing.ts';

const MISSILE = {
  headline: 'Missile launch over Strait of Tessel prompts emergency regional talks',
  url: '/article/missile-launch-over-strait-of-tessel-prompts-emergency-regional-talks',
};

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
});
afterAll(async () => {
  await t.close();
});

describe('search suggestions', () => {
  it('take the last word as a prefix and put headline matches first', async () => {
    const results = await t.suggest.suggest('tess');
    // The museum story mentions the Tessel coast in its body; the missile story has it in the headline.
    expect(results[0]).toEqual(MISSILE);
    expect(results.map((r) => r.headline)).toContain(
      'National Maritime Museum reopens after four-year renovation',
    );
    expect(await t.suggest.suggest('Missile launch over str')).toEqual([MISSILE]);
    expect(await t.suggest.suggest('strait tes')).toEqual([MISSILE]);
  });

  it('rank as search does: headline, then dek, then body, newest first among equals', async () => {
    const inBody = await articleIn(t, 'published', {
      headline: 'Harbour notes',
      text: 'A quillwort grows here.',
    });
    const inDek = await articleIn(t, 'published', { headline: 'Pond life', dek: 'The quillwort returns.' });
    const inHeadline = await articleIn(t, 'published', { headline: 'Quillwort found in lake' });
    const older = await articleIn(t, 'published', { headline: 'Rare quillwort saved' });
    await t.database.db
      .updateTable('articles')
      .set({ published_at: new Date(t.clock().getTime() - 86_400_000) })
      .where('id', '=', older.id)
      .execute();
    const suggested = await t.suggest.suggest('quillwo');
    expect(suggested.map((r) => r.url)).toEqual(
      [inHeadline, older, inDek, inBody].map((a) => `/article/${a.slug}`),
    );
    // The same order as the search page's for the finished word.
    const searched = (await t.listings.search('quillwort', 1)).results;
    expect(searched.map((r) => ({ headline: r.headline, url: r.url }))).toEqual(suggested);
    expect(await t.suggest.suggest('quillwort')).toEqual(suggested);
  });

  it('never suggest drafts, articles in review, scheduled, unpublished, archived or future ones', async () => {
    for (const state of ['draft', 'in_review', 'scheduled', 'unpublished', 'archived', 'future'] as const) {
      await articleIn(t, state, { headline: `Wombatique sighting ${state}`, text: 'wombatique' });
    }
    const published = await articleIn(t, 'published', { headline: 'Wombatique sighting confirmed' });
    expect(await t.suggest.suggest('wombat')).toEqual([
      { headline: 'Wombatique sighting confirmed', url: `/article/${published.slug}` },
    ]);
  });

  it('offer at most five, with only a headline and a link each', async () => {
    for (let i = 0; i < 7; i++) await articleIn(t, 'published', { headline: `Pelicanary count ${i}` });
    const results = await t.suggest.suggest('pelicanar');
    expect(results).toHaveLength(5);
    for (const r of results) expect(Object.keys(r).sort()).toEqual(['headline', 'url']);
  });

  it('read any text as words: short, empty, stop words and tsquery syntax find nothing and never fail', async () => {
    for (const q of [
      '',
      ' ',
      'm',
      ' m ',
      'the',
      'and the',
      ')(*&^%',
      "'",
      ':*',
      'the & of | and',
      '\\',
      '<->',
    ]) {
      await expect(t.suggest.suggest(q), JSON.stringify(q)).resolves.toEqual([]);
    }
    // Operators are only punctuation between words here.
    expect(await t.suggest.suggest("missile's:* & !(str")).toEqual([MISSILE]);
    expect(await t.suggest.suggest('!missile')).toEqual([MISSILE]);
    expect(await t.suggest.suggest('x'.repeat(500))).toEqual([]);
  });

  it('match words as the search vector splits them (accents, hyphens)', async () => {
    const story = await articleIn(t, 'published', { headline: 'Café-owners rally', text: 'Owners met.' });
    const url = `/article/${story.slug}`;
    expect((await t.suggest.suggest('café-own')).map((r) => r.url)).toEqual([url]);
    expect((await t.suggest.suggest('cafe\u0301')).map((r) => r.url)).toEqual([url]);
  });
});
