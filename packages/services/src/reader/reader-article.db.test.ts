import { afterAll, beforeAll, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
let editor: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  editor = await t.staff('editor');
});
afterAll(async () => {
  await t.close();
});

async function story(headline: string, sectionId: string | null, publish = true) {
  t.clock.advance(60_000);
  const draft = await t.articles.create(editor, { headline, dek: '', sectionId, body: body.documentOf([body.paragraph(`${headline}.`)]) });
  if (publish) await t.articles.transition(editor, { id: draft.id, baseVersion: draft.version, to: 'published' });
  return draft;
}

it('relates the three newest public articles of the same section, never the article itself or a draft', async () => {
  const [mine, other] = await t.database.db.selectFrom('sections').select('id').orderBy('position').limit(2).execute();
  for (let i = 1; i <= 4; i++) await story(`Related ${i}`, mine!.id);
  await story('Elsewhere', other!.id);
  await story('Unpublished neighbour', mine!.id, false);
  const page = await story('The page itself', mine!.id);

  const article = await t.reader.article(page.slug);
  expect(article!.related.map((r) => r.headline)).toEqual(['Related 4', 'Related 3', 'Related 2']);
  // Read from JSON inside the page's query: the times are real dates, the bylines and sections there.
  expect(article!.related[0]!.publishedAt).toBeInstanceOf(Date);
  expect(article!.related[0]!.updatedAt).toBeInstanceOf(Date);
  expect(article!.related.every((r) => r.authors.length > 0 && r.section !== null)).toBe(true);

  // A preview of a draft in the section relates the same public ones.
  const link = await t.previews.link(editor, (await story('Draft being previewed', mine!.id, false)).id);
  const preview = await t.reader.previewArticle(link.url.split('/preview/')[1]!);
  expect(preview!.related.map((r) => r.headline)).toEqual(['The page itself', 'Related 4', 'Related 3']);
});

it('relates the newest public articles of any section to an article without one', async () => {
  await story('Sectionless one', null);
  const loose = await story('Sectionless two', null);
  const article = await t.reader.article(loose.slug);
  expect(article!.related).toHaveLength(3);
  expect(article!.related[0]!.headline).toBe('Sectionless one');
  expect(article!.related.some((r) => r.headline === 'Sectionless two')).toBe(false);
});
