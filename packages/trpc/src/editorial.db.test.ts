import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { body } from '@newsroom/content';
import type { StaffContext } from '@newsroom/services';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { callerFor } from './testing.ts';

// The editorial-dashboard procedures through the same middleware as HTTP: who may call what, on whose articles.

let t: TestServices;
let contributor: StaffContext;
let author: StaffContext;
let editor: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  contributor = await t.staff('contributor', 'Cora Contributor');
  author = await t.staff('author', 'Abe Author');
  editor = await t.staff('editor', 'Eve Editor');
});
afterAll(async () => {
  await t.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : 'THREW';
  }
}

const doc = (text: string) => body.documentOf([body.paragraph(text)]);

describe('taxonomy', () => {
  it('lets authors make tags and editors manage sections, and everyone list them', async () => {
    expect(await codeOf(callerFor(t, contributor).taxonomy.createTag({ name: 'Elections' }))).toBe(
      'FORBIDDEN',
    );
    const tag = await callerFor(t, author).taxonomy.createTag({ name: 'Elections' });
    expect(await callerFor(t, contributor).taxonomy.tags({ query: 'elect' })).toEqual([tag]);

    expect(await codeOf(callerFor(t, author).taxonomy.createSection({ name: 'Opinion' }))).toBe('FORBIDDEN');
    const section = await callerFor(t, editor).taxonomy.createSection({ name: 'Opinion' });
    expect(section.slug).toBe('opinion');
    expect((await callerFor(t, contributor).taxonomy.sections()).map((s) => s.slug)).toContain('opinion');
    expect(
      await codeOf(callerFor(t, editor).taxonomy.updateSection({ id: section.id, slug: 'Not A Slug' })),
    ).toBe('BAD_REQUEST');
  });
});

describe('article tools', () => {
  it("delete: a contributor deletes their own draft but cannot see a colleague's", async () => {
    const mine = await callerFor(t, contributor).article.create({ headline: 'Mine to bin' });
    const theirs = await callerFor(t, author).article.create({ headline: 'Not yours' });
    expect(
      await codeOf(callerFor(t, contributor).article.delete({ id: theirs.id, baseVersion: theirs.version })),
    ).toBe('NOT_FOUND');
    expect(
      await callerFor(t, contributor).article.delete({ id: mine.id, baseVersion: mine.version }),
    ).toEqual({ id: mine.id });
    const live = await callerFor(t, author).article.transition({
      id: theirs.id,
      baseVersion: theirs.version,
      to: 'published',
    });
    expect(
      await codeOf(callerFor(t, editor).article.delete({ id: live.id, baseVersion: live.version })),
    ).toBe('BAD_REQUEST');
  });

  it('corrections: only on published articles the caller may edit', async () => {
    const a = await callerFor(t, author).article.create({
      headline: 'Storm warning',
      body: doc('Winds of 90 km/h.'),
    });
    expect(
      await codeOf(callerFor(t, author).article.addCorrection({ id: a.id, kind: 'correction', text: 'x' })),
    ).toBe('BAD_REQUEST');
    await callerFor(t, author).article.transition({ id: a.id, baseVersion: a.version, to: 'published' });
    expect(
      await codeOf(callerFor(t, author).article.addCorrection({ id: a.id, kind: 'correction', text: '' })),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        callerFor(t, contributor).article.addCorrection({ id: a.id, kind: 'update', text: 'Hijack' }),
      ),
    ).toBe('NOT_FOUND');
    await callerFor(t, editor).article.addCorrection({
      id: a.id,
      kind: 'correction',
      text: 'Winds reached 80 km/h.',
    });
    expect(
      (await callerFor(t, author).article.corrections({ id: a.id })).map((c) => [c.text, c.author?.name]),
    ).toEqual([['Winds reached 80 km/h.', 'Eve Editor']]);
  });

  it('presence, preview and conflict copies, end to end', async () => {
    const a = await callerFor(t, author).article.create({
      headline: 'Shared draft',
      body: doc('Early words.'),
    });
    await callerFor(t, author).article.heartbeat({ id: a.id });
    expect((await callerFor(t, editor).article.heartbeat({ id: a.id })).others.map((u) => u.name)).toEqual([
      'Abe Author',
    ]);
    await callerFor(t, author).article.leave({ id: a.id });
    expect((await callerFor(t, editor).article.heartbeat({ id: a.id })).others).toEqual([]);

    const link = await callerFor(t, author).article.previewLink({ id: a.id });
    const token = link.url.split('/preview/')[1]!;
    const shown = await callerFor(t, null).reader.previewArticle({ token });
    expect(shown?.headline).toBe('Shared draft');
    expect(await callerFor(t, null).reader.previewArticle({ token: `${token}x` })).toBeNull();
    expect(await codeOf(callerFor(t, null).reader.previewArticle({ token: 'x'.repeat(2001) }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(callerFor(t, contributor).article.previewLink({ id: a.id }))).toBe('NOT_FOUND');

    const saved = await callerFor(t, editor).article.update({
      id: a.id,
      baseVersion: a.version,
      body: doc('Editor words.'),
    });
    const conflict = await callerFor(t, author)
      .article.update({ id: a.id, baseVersion: a.version, body: doc('Author words.') })
      .catch((e: TRPCError) => e);
    expect(conflict).toBeInstanceOf(TRPCError);
    expect((conflict as TRPCError).code).toBe('CONFLICT');
    t.clock.advance(1_000);
    const copy = await callerFor(t, author).article.saveConflictCopy({
      id: a.id,
      headline: 'Shared draft',
      body: doc('Author words.'),
    });
    expect(copy.kind).toBe('conflict');
    expect((await callerFor(t, author).article.get({ id: a.id })).version).toBe(saved.version);

    const history = await callerFor(t, author).revisions.list({ articleId: a.id });
    expect(history.items.map((r) => r.kind)).toEqual(['conflict', 'save', 'save']);
    const diff = await callerFor(t, author).revisions.diff({ fromId: history.items[1]!.id, toId: copy.id });
    expect(diff.fields.find((f) => f.field === 'body')!.parts).toEqual(
      expect.arrayContaining([
        { value: 'Editor', removed: true },
        { value: 'Author', added: true },
      ]),
    );
    expect(await codeOf(callerFor(t, contributor).revisions.get({ id: copy.id }))).toBe('NOT_FOUND');
    const restored = await callerFor(t, author).revisions.restore({
      id: copy.id,
      baseVersion: saved.version,
    });
    expect(JSON.stringify(restored.body)).toContain('Author words.');
  });
});

describe('bylines with guest authors', () => {
  async function failure(promise: Promise<unknown>): Promise<TRPCError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof TRPCError) return error;
      throw error;
    }
    throw new Error('expected the call to fail');
  }
  const fieldOf = (error: TRPCError) => (error.cause as { field?: string } | undefined)?.field;

  it('an editor makes a guest author and puts them second on the byline', async () => {
    const caller = callerFor(t, editor);
    const guest = await caller.staff.createGuestAuthor({ name: 'Nadia Freelance', bio: 'Covers courts.' });
    expect((await callerFor(t, contributor).staff.guestAuthors()).map((g) => g.id)).toContain(guest.id);
    const a = await caller.article.create({ headline: 'Court rules on the port' });
    const saved = await caller.article.update({
      id: a.id,
      baseVersion: a.version,
      authors: [
        { kind: 'staff', id: editor.actor.id },
        { kind: 'guest', id: guest.id },
      ],
    });
    expect(saved.authors.map((x) => ({ userId: x.userId, guestAuthorId: x.guestAuthorId, name: x.name }))).toEqual([
      { userId: editor.actor.id, guestAuthorId: null, name: 'Eve Editor' },
      { userId: null, guestAuthorId: guest.id, name: 'Nadia Freelance' },
    ]);
  });

  it('authors and contributors pick existing guests but may not make new ones', async () => {
    expect(await codeOf(callerFor(t, author).staff.createGuestAuthor({ name: 'Nope' }))).toBe('FORBIDDEN');
    expect(await codeOf(callerFor(t, contributor).staff.createGuestAuthor({ name: 'Nope' }))).toBe('FORBIDDEN');
    const guest = await callerFor(t, editor).staff.createGuestAuthor({ name: 'Agency Wire' });
    const a = await callerFor(t, author).article.create({ headline: 'Wire copy, rewritten' });
    const saved = await callerFor(t, author).article.update({
      id: a.id,
      baseVersion: a.version,
      authors: [
        { kind: 'staff', id: author.actor.id },
        { kind: 'guest', id: guest.id },
      ],
    });
    expect(saved.authors.map((x) => x.name)).toEqual(['Abe Author', 'Agency Wire']);
    const off = await failure(callerFor(t, author).article.update({ id: a.id, baseVersion: saved.version, authors: [{ kind: 'guest', id: guest.id }] }));
    expect(off.code).toBe('FORBIDDEN');
    expect(fieldOf(off)).toBe('authors');
  });

  it('refuses a malformed byline with a 400 naming the entry', async () => {
    const caller = callerFor(t, editor);
    const a = await caller.article.create({ headline: 'Malformed bylines' });
    const me = { kind: 'staff' as const, id: editor.actor.id };
    const update = (authors: unknown) => caller.article.update({ id: a.id, baseVersion: a.version, authors: authors as never });

    const badKind = await failure(update([me, { kind: 'robot', id: editor.actor.id }]));
    expect(badKind.code).toBe('BAD_REQUEST');
    expect(badKind.message).toMatch(/^authors\.1\.kind: /);
    const badId = await failure(update([{ kind: 'guest', id: 'not-a-uuid' }]));
    expect(badId.message).toMatch(/^authors\.0\.id: /);
    const repeated = await failure(update([me, me]));
    expect(repeated.message).toBe('authors.1: names the same author twice');
    const empty = await failure(update([]));
    expect(empty.message).toBe('authors: needs at least one author');
    const unknown = await failure(update([me, { kind: 'guest', id: '00000000-0000-4000-8000-000000000000' }]));
    expect(unknown.code).toBe('BAD_REQUEST');
    expect(fieldOf(unknown)).toBe('authors.1');
    expect(unknown.message).toBe('No such guest author for the byline.');
    const both = await failure(caller.article.update({ id: a.id, baseVersion: a.version, authors: [me], authorIds: [editor.actor.id] }));
    expect(both.code).toBe('BAD_REQUEST');
    expect(fieldOf(both)).toBe('authors');

    expect((await caller.article.get({ id: a.id })).version).toBe(a.version);
  });
});
