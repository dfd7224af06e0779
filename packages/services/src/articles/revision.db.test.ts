import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';
import { updateArticleForSave } from './article.repository.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.close();
});

const doc = (text: string) => body.documentOf([body.paragraph(text)]);

function kinds(articleId: string) {
  return t.database.db
    .selectFrom('revisions')
    .select(['kind', 'article_version'])
    .where('article_id', '=', articleId)
    .orderBy('article_version')
    .orderBy('created_at')
    .execute();
}

async function draft(who: StaffContext, text = 'First draft.') {
  return t.articles.create(who, { headline: 'Harbour plan', dek: '', sectionId: null, body: doc(text) });
}

describe('autosave revisions', () => {
  it('keep one autosave per editor every five minutes, and every explicit save', async () => {
    const author = await t.staff('author');
    const a = await draft(author);
    let v = (
      await t.articles.update(author, {
        id: a.id,
        baseVersion: a.version,
        body: doc('Typing 1'),
        autosave: true,
      })
    ).version;
    t.clock.advance(60_000);
    v = (await t.articles.update(author, { id: a.id, baseVersion: v, body: doc('Typing 2'), autosave: true }))
      .version;
    t.clock.advance(4 * 60_000);
    v = (await t.articles.update(author, { id: a.id, baseVersion: v, body: doc('Typing 3'), autosave: true }))
      .version;
    t.clock.advance(60_000 + 1);
    v = (await t.articles.update(author, { id: a.id, baseVersion: v, body: doc('Typing 4'), autosave: true }))
      .version;
    v = (await t.articles.update(author, { id: a.id, baseVersion: v, body: doc('Saved') })).version;
    expect(await kinds(a.id)).toEqual([
      { kind: 'save', article_version: 1 },
      { kind: 'autosave', article_version: 2 },
      { kind: 'autosave', article_version: 5 },
      { kind: 'save', article_version: 6 },
    ]);

    // Another editor's autosaves are counted separately.
    const editor = await t.staff('editor');
    await t.articles.update(editor, { id: a.id, baseVersion: v, body: doc('Edited'), autosave: true });
    expect((await kinds(a.id)).at(-1)).toEqual({ kind: 'autosave', article_version: 7 });
  });
});

describe('saves from one editor session', () => {
  it('never conflict with each other, while anyone else still gets VERSION_CONFLICT', async () => {
    const author = await t.staff('author');
    const a = await draft(author);
    // Two autosaves sent before either answered, both from version 1.
    const first = await t.articles.update(author, {
      id: a.id,
      baseVersion: 1,
      body: doc('Session text 1'),
      autosave: true,
      clientId: 'tab-1',
    });
    const second = await t.articles.update(author, {
      id: a.id,
      baseVersion: 1,
      body: doc('Session text 2'),
      autosave: true,
      clientId: 'tab-1',
    });
    expect([first.version, second.version]).toEqual([2, 3]);
    expect(JSON.stringify(second.body)).toContain('Session text 2');

    // Another tab of the same user, a save naming no session, and another user are all still refused.
    for (const [who, clientId] of [
      [author, 'tab-2'],
      [author, undefined],
    ] as const) {
      const stale = await t.articles
        .update(who, { id: a.id, baseVersion: 1, body: doc('Other'), clientId })
        .catch((e) => e);
      expect(stale.code).toBe('VERSION_CONFLICT');
      expect(JSON.stringify(stale.details.current.body)).toContain('Session text 2');
    }
    const editor = await t.staff('editor');
    await expect(
      t.articles.update(editor, { id: a.id, baseVersion: 2, body: doc('Editor'), clientId: 'tab-1' }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });

    // Once someone else saves, the session's older bases conflict; its save from the new version applies.
    const edited = await t.articles.update(editor, {
      id: a.id,
      baseVersion: 3,
      body: doc('Editor text'),
      clientId: 'ed-1',
    });
    await expect(
      t.articles.update(author, {
        id: a.id,
        baseVersion: 3,
        body: doc('Late autosave'),
        autosave: true,
        clientId: 'tab-1',
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const resumed = await t.articles.update(author, {
      id: a.id,
      baseVersion: edited.version,
      body: doc('Resumed'),
      autosave: true,
      clientId: 'tab-1',
    });
    await t.articles.update(author, {
      id: a.id,
      baseVersion: edited.version,
      body: doc('Resumed more'),
      autosave: true,
      clientId: 'tab-1',
    });
    // A base from before the run started (the editor's version is in between) is refused.
    await expect(
      t.articles.update(author, { id: a.id, baseVersion: 3, body: doc('Too old'), clientId: 'tab-1' }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(resumed.version).toBe(edited.version + 1);

    // A status change in between ends the run too.
    const current = await t.articles.get(author, a.id);
    const submitted = await t.articles.transition(author, {
      id: a.id,
      baseVersion: current.version,
      to: 'in_review',
    });
    await expect(
      t.articles.update(author, {
        id: a.id,
        baseVersion: current.version,
        body: doc('After submit'),
        clientId: 'tab-1',
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await t.articles.get(author, a.id)).version).toBe(submitted.version);
  });
  it('are checked by the UPDATE itself, so a save racing past the service check cannot slip through', async () => {
    const author = await t.staff('author');
    const editor = await t.staff('editor');
    const a = await draft(author);
    const save = (who: StaffContext, baseVersion: number, clientId: string | null) =>
      updateArticleForSave(
        t.database.db,
        a.id,
        { baseVersion, userId: who.actor.id, clientId },
        { dek: `${baseVersion}` },
      );
    expect((await save(author, 1, 'tab-1'))?.version).toBe(2);
    expect((await save(author, 1, 'tab-1'))?.version).toBe(3);
    expect(await save(author, 1, 'tab-2')).toBeUndefined();
    expect(await save(author, 1, null)).toBeUndefined();
    expect(await save(editor, 1, 'tab-1')).toBeUndefined();
    expect((await save(editor, 3, 'ed'))?.version).toBe(4);
    expect((await save(author, 4, 'tab-1'))?.version).toBe(5);
    // 3 is before this run of tab-1 (the editor wrote 4).
    expect(await save(author, 3, 'tab-1')).toBeUndefined();
    expect((await save(author, 4, 'tab-1'))?.version).toBe(6);
  });
});

describe('revision history', () => {
  it('lists newest first with authors, in pages, and only to those who may read the article', async () => {
    const author = await t.staff('author', 'Ana Author');
    const editor = await t.staff('editor', 'Ed Editor');
    const a = await draft(author);
    let v = a.version;
    for (let i = 0; i < 4; i++) {
      t.clock.advance(1_000);
      v = (await t.articles.update(i % 2 ? editor : author, { id: a.id, baseVersion: v, dek: `Dek ${i}` }))
        .version;
    }
    const all = await t.revisions.list(author, { articleId: a.id, limit: 50 });
    expect(all.items.map((r) => r.version)).toEqual([5, 4, 3, 2, 1]);
    expect(all.items.map((r) => r.author?.name)).toEqual([
      'Ed Editor',
      'Ana Author',
      'Ed Editor',
      'Ana Author',
      'Ana Author',
    ]);
    expect(all.nextCursor).toBeNull();

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.revisions.list(author, { articleId: a.id, limit: 2, cursor });
      seen.push(...page.items.map((r) => r.version));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
    await expect(
      t.revisions.list(author, { articleId: a.id, limit: 2, cursor: 'garbage' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'cursor' });

    const outsider = await t.staff('contributor');
    await expect(t.revisions.list(outsider, { articleId: a.id, limit: 50 })).rejects.toMatchObject({
      code: 'ARTICLE_NOT_FOUND',
    });
    await expect(t.revisions.get(outsider, all.items[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.revisions.get(author, all.items[0]!.id)).dek).toBe('Dek 3');
  });

  it('diffs headline, dek and body text word by word, against another revision or the current text', async () => {
    const author = await t.staff('author');
    const a = await t.articles.create(author, {
      headline: 'Council meets',
      dek: 'Budget talks',
      sectionId: null,
      body: doc('The council met on Monday to vote.'),
    });
    await t.articles.update(author, {
      id: a.id,
      baseVersion: a.version,
      body: doc('The council met on Tuesday to vote.'),
    });
    const [second, first] = (await t.revisions.list(author, { articleId: a.id, limit: 50 })).items;
    const diff = await t.revisions.diff(author, { fromId: first!.id, toId: second!.id });
    const field = (name: string) => diff.fields.find((f) => f.field === name)!;
    expect(field('headline')).toEqual({
      field: 'headline',
      changed: false,
      parts: [{ value: 'Council meets' }],
    });
    expect(field('body').changed).toBe(true);
    expect(
      field('body')
        .parts.filter((p) => p.removed)
        .map((p) => p.value.trim()),
    ).toEqual(['Monday']);
    expect(
      field('body')
        .parts.filter((p) => p.added)
        .map((p) => p.value.trim()),
    ).toEqual(['Tuesday']);
    expect(
      field('body')
        .parts.map((p) => (p.removed ? '' : p.value))
        .join(''),
    ).toBe('The council met on Tuesday to vote.');

    await t.articles.update(author, {
      id: a.id,
      baseVersion: a.version + 1,
      headline: 'Council votes',
      autosave: true,
    });
    const toCurrent = await t.revisions.diff(author, { fromId: first!.id });
    expect(toCurrent.to).toBeNull();
    const headline = toCurrent.fields.find((f) => f.field === 'headline')!;
    expect(headline.changed).toBe(true);
    expect(headline.parts).toEqual(
      expect.arrayContaining([
        { value: 'meets', removed: true },
        { value: 'votes', added: true },
      ]),
    );

    const other = await draft(author);
    const otherRevision = (await t.revisions.list(author, { articleId: other.id, limit: 1 })).items[0]!;
    await expect(
      t.revisions.diff(author, { fromId: first!.id, toId: otherRevision.id }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'toId' });
  });

  it('restores an earlier text as a new version and keeps the text it replaced', async () => {
    const author = await t.staff('author');
    const a = await draft(author, 'Original text.');
    const saved = await t.articles.update(author, {
      id: a.id,
      baseVersion: a.version,
      body: doc('Second text.'),
    });
    // An autosave that keeps no revision of its own (one was kept moments ago).
    await t.articles.update(author, {
      id: a.id,
      baseVersion: saved.version,
      body: doc('Autosaved text.'),
      autosave: true,
    });
    const unsaved = await t.articles.update(author, {
      id: a.id,
      baseVersion: saved.version + 1,
      body: doc('Unkept autosave.'),
      autosave: true,
    });
    expect((await kinds(a.id)).some((r) => r.article_version === unsaved.version)).toBe(false);

    const original = (await t.revisions.list(author, { articleId: a.id, limit: 50 })).items.find(
      (r) => r.version === 1,
    )!;
    await expect(
      t.revisions.restore(author, { id: original.id, baseVersion: unsaved.version - 1 }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const restored = await t.revisions.restore(author, { id: original.id, baseVersion: unsaved.version });
    expect(restored.version).toBe(unsaved.version + 1);
    expect(JSON.stringify(restored.body)).toContain('Original text.');

    const history = await t.revisions.list(author, { articleId: a.id, limit: 50 });
    expect(history.items[0]).toMatchObject({
      kind: 'restore',
      version: restored.version,
      note: 'Restored version 1',
    });
    const kept = history.items.find((r) => r.version === unsaved.version)!;
    expect(kept.kind).toBe('save');
    expect(JSON.stringify((await t.revisions.get(author, kept.id)).body)).toContain('Unkept autosave.');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', a.id)
      .where('action', '=', 'article.restored')
      .execute();
    expect(audit).toHaveLength(1);

    const contributor = await t.staff('contributor');
    await expect(
      t.revisions.restore(contributor, { id: original.id, baseVersion: restored.version }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps "your" text after a conflict as a revision without changing the article', async () => {
    const author = await t.staff('author');
    const editor = await t.staff('editor');
    const a = await draft(author);
    const theirs = await t.articles.update(editor, {
      id: a.id,
      baseVersion: a.version,
      body: doc('Editor wins the race.'),
    });
    await expect(
      t.articles.update(author, { id: a.id, baseVersion: a.version, body: doc('My careful rewrite.') }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });

    const copy = await t.revisions.saveConflictCopy(author, {
      id: a.id,
      headline: 'Harbour plan',
      dek: '',
      body: doc('My careful rewrite.'),
    });
    expect(copy).toMatchObject({
      kind: 'conflict',
      version: theirs.version,
      author: { id: author.actor.id },
    });
    expect((await t.articles.get(author, a.id)).version).toBe(theirs.version);
    expect(JSON.stringify((await t.revisions.get(author, copy.id)).body)).toContain('My careful rewrite.');

    // Picking "mine" afterwards is a restore of that copy.
    const mine = await t.revisions.restore(author, { id: copy.id, baseVersion: theirs.version });
    expect(JSON.stringify(mine.body)).toContain('My careful rewrite.');
    await expect(
      t.revisions.saveConflictCopy(author, {
        id: a.id,
        headline: 'x',
        dek: '',
        body: { root: { type: 'root', children: [{ type: 'script' }] } },
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'body' });
  });
});
