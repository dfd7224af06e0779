import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.close();
});

describe('tags', () => {
  it('are made once per slug and found by part of their name', async () => {
    const author = await t.staff('author');
    const climate = await t.taxonomy.createTag(author, { name: 'Climate Change' });
    expect(climate).toMatchObject({ name: 'Climate Change', slug: 'climate-change' });
    expect(await t.taxonomy.createTag(author, { name: 'climate  change!' })).toEqual(climate);
    await t.taxonomy.createTag(author, { name: 'Change management' });
    await t.taxonomy.createTag(author, { name: '100% renewable' });

    expect((await t.taxonomy.tags({ query: 'chan' })).map((tag) => tag.name)).toEqual([
      'Change management',
      'Climate Change',
    ]);
    expect((await t.taxonomy.tags({ query: '%' })).map((tag) => tag.name)).toEqual(['100% renewable']);
    expect(await t.taxonomy.tags({ query: 'nothing like it' })).toEqual([]);

    for (let i = 0; i < 25; i++)
      await t.taxonomy.createTag(author, { name: `Topic ${String(i).padStart(2, '0')}` });
    const all = await t.taxonomy.tags({});
    expect(all).toHaveLength(20);
    expect(all[0]!.name).toBe('100% renewable');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'tag.created')
      .where('entity_id', '=', climate.id)
      .execute();
    expect(audit).toHaveLength(1);
    await expect(
      t.taxonomy.createTag(await t.staff('contributor'), { name: 'Not allowed' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('sections', () => {
  it('are created in order, renamed with a redirect from the old address, and kept unique', async () => {
    const editor = await t.staff('editor');
    const world = await t.taxonomy.createSection(editor, { name: 'World News', description: '' });
    const sport = await t.taxonomy.createSection(editor, {
      name: 'Sport',
      slug: 'sports',
      description: 'Games',
    });
    expect(world).toMatchObject({ slug: 'world-news', position: 0 });
    expect(sport).toMatchObject({ slug: 'sports', position: 1, description: 'Games' });
    expect((await t.taxonomy.sections()).map((s) => s.slug)).toEqual(['world-news', 'sports']);
    await expect(
      t.taxonomy.createSection(editor, { name: 'World news', description: '' }),
    ).rejects.toMatchObject({ code: 'SLUG_TAKEN', field: 'slug' });

    t.changes.length = 0;
    const renamed = await t.taxonomy.updateSection(editor, {
      id: world.id,
      name: 'World',
      slug: 'world',
      position: 2,
    });
    expect(renamed).toEqual({ ...world, name: 'World', slug: 'world', position: 2 });
    expect(t.changes).toEqual([{ kind: 'all' }]);
    expect(await t.reader.redirectFor('/section/world-news')).toEqual({ to: '/section/world', status: 301 });
    expect((await t.taxonomy.sections()).map((s) => s.slug)).toEqual(['sports', 'world']);
    await expect(t.taxonomy.updateSection(editor, { id: sport.id, slug: 'world' })).rejects.toMatchObject({
      code: 'SLUG_TAKEN',
    });
    await expect(
      t.taxonomy.updateSection(editor, { id: crypto.randomUUID(), name: 'Ghost' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(
      t.taxonomy.createSection(await t.staff('author'), { name: 'Mine', description: '' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
