import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import type { StaffContext } from '../context.ts';
import { loadOrCreateSecret } from '../secrets/app-secret.ts';
import { signPreviewToken } from '../preview/preview-token.ts';
import { createTestServices, TEST_SECRET, type TestServices } from '../testing.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices({ publicUrl: 'https://news.example' });
});
afterAll(async () => {
  await t.close();
});

const doc = (text: string) => body.documentOf([body.paragraph(text)]);

async function published(who: StaffContext, headline = 'Bridge reopens') {
  const a = await t.articles.create(who, {
    headline,
    dek: '',
    sectionId: null,
    body: doc('Traffic flows again.'),
  });
  return t.articles.transition(who, { id: a.id, baseVersion: a.version, to: 'published' });
}

describe('presence', () => {
  it('shows who else had the article open in the last minute, and forgets those who leave', async () => {
    const author = await t.staff('author', 'Ana');
    const editor = await t.staff('editor', 'Ed');
    const a = await t.articles.create(author, { headline: 'Open together', dek: '', sectionId: null });
    expect((await t.presence.heartbeat(author, a.id)).others).toEqual([]);
    const seenByEditor = await t.presence.heartbeat(editor, a.id);
    expect(seenByEditor.others.map((u) => u.name)).toEqual(['Ana']);
    expect(seenByEditor.version).toBe(a.version);
    expect((await t.presence.heartbeat(author, a.id)).others).toEqual([
      { id: editor.actor.id, name: 'Ed', seenAt: t.clock() },
    ]);

    await t.presence.leave(editor, a.id);
    expect((await t.presence.heartbeat(author, a.id)).others).toEqual([]);

    await t.presence.heartbeat(editor, a.id);
    t.clock.advance(60_001);
    expect((await t.presence.heartbeat(author, a.id)).others).toEqual([]);

    const outsider = await t.staff('contributor');
    await expect(t.presence.heartbeat(outsider, a.id)).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
  });
});

describe('corrections', () => {
  it('are refused before first publication, then shown on the article page and audited', async () => {
    const author = await t.staff('author', 'Corrector');
    const a = await t.articles.create(author, {
      headline: 'Rates rise',
      dek: '',
      sectionId: null,
      body: doc('By half a point.'),
    });
    await expect(
      t.corrections.add(author, { id: a.id, kind: 'correction', text: 'Too early.' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'id' });

    const live = await t.articles.transition(author, { id: a.id, baseVersion: a.version, to: 'published' });
    t.changes.length = 0;
    t.clock.advance(1_000);
    const added = await t.corrections.add(author, {
      id: a.id,
      kind: 'correction',
      text: 'The rise was a quarter point.',
    });
    expect(added).toMatchObject({
      kind: 'correction',
      text: 'The rise was a quarter point.',
      author: { name: 'Corrector' },
      createdAt: t.clock(),
    });
    t.clock.advance(1_000);
    await t.corrections.add(author, { id: a.id, kind: 'update', text: 'The bank has responded.' });
    expect((await t.corrections.list(author, a.id)).map((c) => c.kind)).toEqual(['correction', 'update']);
    expect((await t.reader.article(live.slug))!.corrections.map((c) => c.text)).toEqual([
      'The rise was a quarter point.',
      'The bank has responded.',
    ]);
    expect(t.changes).toContainEqual({ kind: 'article', articleId: a.id });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', a.id)
      .where('action', '=', 'article.correction_added')
      .execute();
    expect(audit).toEqual([
      { action: 'article.correction_added', actor_id: author.actor.id },
      { action: 'article.correction_added', actor_id: author.actor.id },
    ]);

    // Still allowed once it has been taken down again: the record stays honest.
    const down = await t.articles.transition(author, {
      id: a.id,
      baseVersion: live.version,
      to: 'unpublished',
    });
    expect(down.status).toBe('unpublished');
    await expect(
      t.corrections.add(author, { id: a.id, kind: 'update', text: 'Withdrawn.' }),
    ).resolves.toMatchObject({ kind: 'update' });

    const colleague = await t.staff('author');
    await expect(
      t.corrections.add(colleague, { id: a.id, kind: 'update', text: 'Not mine.' }),
    ).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
  });
});

describe('preview links', () => {
  it('show a draft on the reader site until they expire, and nothing for a forged token', async () => {
    const author = await t.staff('author');
    const a = await t.articles.create(author, {
      headline: 'Secret draft',
      dek: 'Not out yet',
      sectionId: null,
      body: doc('Draft body words.'),
    });
    const link = await t.previews.link(author, a.id);
    expect(link.url).toMatch(/^https:\/\/news\.example\/preview\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.getTime() - t.clock().getTime()).toBeGreaterThan(59 * 60_000);
    const token = link.url.split('/preview/')[1]!;

    const shown = await t.reader.previewArticle(token);
    expect(shown).toMatchObject({
      headline: 'Secret draft',
      dek: 'Not out yet',
      slug: a.slug,
      publishedAt: t.clock(),
    });
    expect(shown!.bodyHtml).toContain('Draft body words.');
    // The public path still does not show it.
    expect(await t.reader.article(a.slug)).toBeNull();

    const [payload, signature] = token.split('.') as [string, string];
    const otherPayload = Buffer.from(JSON.stringify({ articleId: a.id, exp: 9_999_999_999 })).toString(
      'base64url',
    );
    expect(await t.reader.previewArticle(`${otherPayload}.${signature}`)).toBeNull();
    expect(await t.reader.previewArticle(`${payload}.${signature.slice(0, -2)}AA`)).toBeNull();
    expect(
      await t.reader.previewArticle(
        signPreviewToken('another secret', { articleId: a.id, exp: 9_999_999_999 }),
      ),
    ).toBeNull();
    expect(await t.reader.previewArticle('not a token')).toBeNull();
    expect(
      await t.reader.previewArticle(signPreviewToken(TEST_SECRET, { articleId: a.id, exp: 9_999_999_999 })),
    ).not.toBeNull();

    t.clock.advance(60 * 60_000);
    expect(await t.reader.previewArticle(token)).toBeNull();

    const outsider = await t.staff('contributor');
    await expect(t.previews.link(outsider, a.id)).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
  });

  it('show a scheduled article with its scheduled date', async () => {
    const author = await t.staff('author');
    const a = await t.articles.create(author, { headline: 'Tomorrow', dek: '', sectionId: null });
    const at = new Date(t.clock().getTime() + 86_400_000);
    await t.articles.transition(author, {
      id: a.id,
      baseVersion: a.version,
      to: 'scheduled',
      scheduledAt: at,
    });
    const token = (await t.previews.link(author, a.id)).url.split('/preview/')[1]!;
    expect((await t.reader.previewArticle(token))!.publishedAt).toEqual(at);
  });
});

describe('app secret', () => {
  it('is made once and shared by every process on the database', async () => {
    const [first, second] = await Promise.all([
      loadOrCreateSecret(t.database.db),
      loadOrCreateSecret(t.database.db),
    ]);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).toBe(first);
    expect(await loadOrCreateSecret(t.database.db)).toBe(first);
  });
});

describe('deleting articles', () => {
  it('lets own-article roles delete only drafts and articles in review, and nobody a published one', async () => {
    const contributor = await t.staff('contributor');
    const draft = await t.articles.create(contributor, { headline: 'Scrap this', dek: '', sectionId: null });
    await expect(
      t.articles.delete(contributor, { id: draft.id, baseVersion: draft.version + 1 }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await t.articles.delete(contributor, { id: draft.id, baseVersion: draft.version })).toEqual({
      id: draft.id,
    });
    await expect(t.articles.get(contributor, draft.id)).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity_id', '=', draft.id)
      .where('action', '=', 'article.deleted')
      .execute();
    expect(audit).toEqual([
      { action: 'article.deleted', before: { headline: 'Scrap this', slug: draft.slug, status: 'draft' } },
    ]);

    const author = await t.staff('author');
    const live = await published(author, 'Stays up');
    await expect(t.articles.delete(author, { id: live.id, baseVersion: live.version })).rejects.toMatchObject(
      { code: 'INVALID_TRANSITION' },
    );
    const editor = await t.staff('editor');
    await expect(t.articles.delete(editor, { id: live.id, baseVersion: live.version })).rejects.toMatchObject(
      { code: 'INVALID_TRANSITION' },
    );
    const down = await t.articles.transition(author, {
      id: live.id,
      baseVersion: live.version,
      to: 'unpublished',
    });
    await expect(t.articles.delete(author, { id: live.id, baseVersion: down.version })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
    await expect(t.articles.delete(editor, { id: live.id, baseVersion: down.version })).resolves.toEqual({
      id: live.id,
    });

    const theirs = await t.articles.create(editor, { headline: 'Editor draft', dek: '', sectionId: null });
    await expect(
      t.articles.delete(contributor, { id: theirs.id, baseVersion: theirs.version }),
    ).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
  });
});

describe('tags on articles', () => {
  it('replaces the tags in the given order and refuses unknown ones', async () => {
    const author = await t.staff('author');
    const [x, y, z] = await Promise.all(
      ['Xylophones', 'Yachts', 'Zebras'].map((name) => t.taxonomy.createTag(author, { name })),
    );
    const a = await published(author, 'Tagged story');
    const tagged = await t.articles.update(author, {
      id: a.id,
      baseVersion: a.version,
      tagIds: [z!.id, x!.id, z!.id],
    });
    expect(tagged.tags.map((tag) => tag.name)).toEqual(['Zebras', 'Xylophones']);
    expect((await t.reader.article(a.slug))!.tags.map((tag) => tag.slug)).toEqual(['zebras', 'xylophones']);
    const retagged = await t.articles.update(author, {
      id: a.id,
      baseVersion: tagged.version,
      tagIds: [y!.id],
    });
    expect(retagged.tags.map((tag) => tag.name)).toEqual(['Yachts']);
    await expect(
      t.articles.update(author, { id: a.id, baseVersion: retagged.version, tagIds: [crypto.randomUUID()] }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'tagIds' });
    expect((await t.articles.get(author, a.id)).tags.map((tag) => tag.name)).toEqual(['Yachts']);
    const cleared = await t.articles.update(author, { id: a.id, baseVersion: retagged.version, tagIds: [] });
    expect(cleared.tags).toEqual([]);
  });
});
