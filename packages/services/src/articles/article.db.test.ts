import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.close();
});

const doc = (text: string) => body.documentOf([body.paragraph(text)]);

describe('editing', () => {
  it('refuses a save based on a stale version and keeps both texts', async () => {
    const author = await t.staff('author');
    const editor = await t.staff('editor');
    const article = await t.articles.create(author, { headline: 'Budget vote', dek: '', sectionId: null, body: doc('First draft.') });
    const saved = await t.articles.update(editor, { id: article.id, baseVersion: article.version, body: doc('Editor text.') });
    expect(saved.version).toBe(article.version + 1);

    const stale = await t.articles.update(author, { id: article.id, baseVersion: article.version, body: doc('Author text.') }).catch((e) => e);
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect(stale.details.currentVersion).toBe(saved.version);
    expect(JSON.stringify(stale.details.current.body)).toContain('Editor text.');
    expect(JSON.stringify((await t.articles.get(author, article.id)).body)).toContain('Editor text.');
  });

  it('validates the body and derives word count', async () => {
    const author = await t.staff('author');
    const article = await t.articles.create(author, { headline: 'Counting', dek: '', sectionId: null, body: doc('One two three four.') });
    expect(article.wordCount).toBe(4);
    const bad = await t.articles
      .update(author, { id: article.id, baseVersion: article.version, body: body.documentOf([body.paragraph([body.link('javascript:alert(1)', 'x')])]) as never })
      .catch((e) => e);
    expect(bad).toMatchObject({ code: 'BAD_INPUT', field: 'body' });
    expect((await t.articles.get(author, article.id)).version).toBe(article.version);
  });

  it('keeps slugs unique and makes a new one from the headline', async () => {
    const author = await t.staff('author');
    const a = await t.articles.create(author, { headline: 'Port strike ends', dek: '', sectionId: null });
    const b = await t.articles.create(author, { headline: 'Port strike ends', dek: '', sectionId: null });
    expect([a.slug, b.slug]).toEqual(['port-strike-ends', 'port-strike-ends-2']);
    await expect(t.articles.update(author, { id: b.id, baseVersion: b.version, slug: 'port-strike-ends' })).rejects.toMatchObject({ code: 'SLUG_TAKEN', field: 'slug' });
  });
});

describe('ownership', () => {
  it('hides other people\'s articles from contributors and authors', async () => {
    const mine = await t.staff('contributor');
    const other = await t.staff('author');
    const theirs = await t.articles.create(other, { headline: 'Not yours', dek: '', sectionId: null });
    await expect(t.articles.get(mine, theirs.id)).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    await expect(t.articles.update(mine, { id: theirs.id, baseVersion: 1, headline: 'Mine now' })).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    const list = await t.articles.list(mine, { sort: 'updated_at', direction: 'desc', limit: 100 });
    expect(list.items.some((a) => a.id === theirs.id)).toBe(false);
  });
});

describe('workflow', () => {
  it('lets a contributor submit but not publish, and an editor publish', async () => {
    const contributor = await t.staff('contributor');
    const editor = await t.staff('editor');
    const draft = await t.articles.create(contributor, { headline: 'Council meets', dek: '', sectionId: null, body: doc('The council met.') });
    await expect(t.articles.transition(contributor, { id: draft.id, baseVersion: draft.version, to: 'published' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const inReview = await t.articles.transition(contributor, { id: draft.id, baseVersion: draft.version, to: 'in_review' });
    const published = await t.articles.transition(editor, { id: draft.id, baseVersion: inReview.version, to: 'published' });
    expect(published.status).toBe('published');
    expect(published.publishedAt).toEqual(t.clock());
    expect(t.changes).toContainEqual({ kind: 'article', articleId: draft.id });
    expect((await t.reader.article(published.slug))?.headline).toBe('Council meets');

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', draft.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['article.created', 'article.in_review', 'article.published']);
  });

  it('keeps the old URL working after a published slug changes', async () => {
    const author = await t.staff('author');
    const a = await t.articles.create(author, { headline: 'Old name', dek: '', sectionId: null, body: doc('Text.') });
    const p = await t.articles.transition(author, { id: a.id, baseVersion: a.version, to: 'published' });
    await t.articles.update(author, { id: a.id, baseVersion: p.version, slug: 'new-name' });
    expect(await t.reader.redirectFor('/article/old-name')).toEqual({ to: '/article/new-name', status: 301 });
    expect(await t.reader.article('old-name')).toBeNull();
  });

  it('refuses a schedule in the past and keeps scheduled articles off the public site', async () => {
    const author = await t.staff('author');
    const a = await t.articles.create(author, { headline: 'Embargoed', dek: '', sectionId: null, body: doc('Secret.') });
    await expect(t.articles.transition(author, { id: a.id, baseVersion: a.version, to: 'scheduled', scheduledAt: new Date('2020-01-01') })).rejects.toMatchObject({ field: 'scheduledAt' });
    const s = await t.articles.transition(author, { id: a.id, baseVersion: a.version, to: 'scheduled', scheduledAt: new Date(t.clock().getTime() + 3_600_000) });
    expect(s.status).toBe('scheduled');
    expect(await t.reader.article(s.slug)).toBeNull();
  });
});

describe('keyset list', () => {
  it('pages through every article exactly once, in order', async () => {
    const editor = await t.staff('editor');
    for (let i = 0; i < 7; i++) {
      t.clock.advance(1000);
      await t.articles.create(editor, { headline: `Page test ${i}`, dek: '', sectionId: null });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.articles.list(editor, { sort: 'updated_at', direction: 'desc', limit: 3, cursor, query: 'page test' });
      seen.push(...page.items.map((a) => a.headline));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Page test ${i}`));
    await expect(t.articles.list(editor, { sort: 'updated_at', direction: 'desc', limit: 3, cursor: 'garbage' })).rejects.toMatchObject({ field: 'cursor' });
  });
});
