import { afterAll, beforeAll, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
});
afterAll(async () => {
  await t.close();
});

it('gives each section rail its four newest published articles, newest first, and only its own', async () => {
  const editor = await t.staff('editor');
  const sections = await t.database.db
    .selectFrom('sections')
    .select(['id', 'slug'])
    .orderBy('position')
    .execute();
  const [first, second] = sections;
  const headlines: string[] = [];
  for (let i = 0; i < 6; i++) {
    t.clock.advance(60_000);
    const section = i === 5 ? second! : first!;
    const draft = await t.articles.create(editor, {
      headline: `Rail story ${i}`,
      dek: '',
      sectionId: section.id,
      body: body.documentOf([body.paragraph(`Story ${i}.`)]),
    });
    await t.articles.transition(editor, { id: draft.id, baseVersion: draft.version, to: 'published' });
    headlines.push(draft.headline);
  }
  const home = await t.reader.home();
  const rail = home.sections.find((s) => s.slug === first!.slug)!;
  expect(rail.articles.map((a) => a.headline)).toEqual([
    'Rail story 4',
    'Rail story 3',
    'Rail story 2',
    'Rail story 1',
  ]);
  expect(rail.articles.every((a) => a.section?.slug === first!.slug)).toBe(true);
  expect(home.sections.find((s) => s.slug === second!.slug)!.articles[0]!.headline).toBe('Rail story 5');
  for (const section of home.sections) {
    expect(section.articles.length).toBeGreaterThan(0);
    expect(section.articles.length).toBeLessThanOrEqual(4);
    expect(section.articles.every((a) => a.section?.slug === section.slug)).toBe(true);
    expect(section.articles.every((a) => a.authors.length > 0)).toBe(true);
  }
  // Sections keep their configured order.
  const order = sections.map((s) => s.slug).filter((slug) => home.sections.some((r) => r.slug === slug));
  expect(home.sections.map((s) => s.slug)).toEqual(order);
});
