import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '@newsroom/content';
import { createTestServices, type TestServices } from '../testing.ts';

// Bylines mixing staff accounts and guest authors (freelancers, agencies), set through article.update.

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.close();
});

const doc = (text: string) => body.documentOf([body.paragraph(text)]);
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('bylines with guest authors', () => {
  it('keeps staff and guests in the order given, audits the change and names it in the revision', async () => {
    const editor = await t.staff('editor', 'Edna Desk');
    const reporter = await t.staff('author', 'Rae Porter');
    const freelancer = await t.profiles.createGuestAuthor(editor, { name: 'Fran Lancer', bio: 'Freelance, covers ports.' });
    const agency = await t.profiles.createGuestAuthor(editor, { name: 'Wire Agency' });
    const a = await t.articles.create(reporter, { headline: 'Harbour reopens', dek: '', sectionId: null, body: doc('Ships return.') });

    const saved = await t.articles.update(editor, {
      id: a.id,
      baseVersion: a.version,
      authors: [
        { kind: 'guest', id: freelancer.id },
        { kind: 'staff', id: reporter.actor.id },
        { kind: 'guest', id: agency.id },
      ],
    });
    expect(saved.authors).toEqual([
      { userId: null, guestAuthorId: freelancer.id, name: 'Fran Lancer', slug: freelancer.slug },
      { userId: reporter.actor.id, guestAuthorId: null, name: 'Rae Porter', slug: expect.any(String) },
      { userId: null, guestAuthorId: agency.id, name: 'Wire Agency', slug: agency.slug },
    ]);

    const reordered = await t.articles.update(editor, {
      id: a.id,
      baseVersion: saved.version,
      authors: [
        { kind: 'staff', id: reporter.actor.id },
        { kind: 'guest', id: freelancer.id },
      ],
    });
    expect(reordered.authors.map((x) => x.name)).toEqual(['Rae Porter', 'Fran Lancer']);
    expect((await t.articles.get(reporter, a.id)).authors.map((x) => x.name)).toEqual(['Rae Porter', 'Fran Lancer']);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'before', 'after'])
      .where('entity_id', '=', a.id)
      .where('action', '=', 'article.authors_changed')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'article.authors_changed',
        actor_id: editor.actor.id,
        before: { authors: [{ kind: 'staff', id: reporter.actor.id, name: 'Rae Porter' }] },
        after: {
          authors: [
            { kind: 'guest', id: freelancer.id, name: 'Fran Lancer' },
            { kind: 'staff', id: reporter.actor.id, name: 'Rae Porter' },
            { kind: 'guest', id: agency.id, name: 'Wire Agency' },
          ],
        },
      },
      {
        action: 'article.authors_changed',
        actor_id: editor.actor.id,
        before: { authors: expect.arrayContaining([expect.objectContaining({ name: 'Wire Agency' })]) },
        after: {
          authors: [
            { kind: 'staff', id: reporter.actor.id, name: 'Rae Porter' },
            { kind: 'guest', id: freelancer.id, name: 'Fran Lancer' },
          ],
        },
      },
    ]);

    const revisions = await t.revisions.list(editor, { articleId: a.id, limit: 10 });
    expect(revisions.items.map((r) => r.note)).toEqual(['Byline: Rae Porter and Fran Lancer', 'Byline: Fran Lancer, Rae Porter and Wire Agency', '']);
  });

  it('sending the same byline again changes nothing about it and is not audited', async () => {
    const editor = await t.staff('editor');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Steady Stringer' });
    const a = await t.articles.create(editor, { headline: 'Same byline', dek: '', sectionId: null });
    const byline = [
      { kind: 'staff' as const, id: editor.actor.id },
      { kind: 'guest' as const, id: guest.id },
    ];
    const first = await t.articles.update(editor, { id: a.id, baseVersion: a.version, authors: byline });
    await t.articles.update(editor, { id: a.id, baseVersion: first.version, authors: byline, headline: 'Same byline, new headline' });
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', a.id).where('action', '=', 'article.authors_changed').execute();
    expect(audits).toHaveLength(1);
    expect((await t.revisions.list(editor, { articleId: a.id, limit: 10 })).items[0]!.note).toBe('');
  });

  it('an autosave that changes the byline always keeps a revision naming it', async () => {
    const editor = await t.staff('editor');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Auto Saver' });
    const a = await t.articles.create(editor, { headline: 'Autosaved byline', dek: '', sectionId: null });
    const typed = await t.articles.update(editor, { id: a.id, baseVersion: a.version, dek: 'typed', autosave: true });
    const withGuest = await t.articles.update(editor, {
      id: a.id,
      baseVersion: typed.version,
      authors: [{ kind: 'staff', id: editor.actor.id }, { kind: 'guest', id: guest.id }],
      autosave: true,
    });
    const revisions = (await t.revisions.list(editor, { articleId: a.id, limit: 10 })).items;
    expect(revisions[0]).toMatchObject({ kind: 'autosave', version: withGuest.version, note: `Byline: ${editor.actor.name} and Auto Saver` });
  });

  it('still accepts the older staff-only authorIds', async () => {
    const editor = await t.staff('editor', 'Old Shape');
    const colleague = await t.staff('author', 'Co Writer');
    const a = await t.articles.create(editor, { headline: 'Old shape', dek: '', sectionId: null });
    const saved = await t.articles.update(editor, { id: a.id, baseVersion: a.version, authorIds: [colleague.actor.id, editor.actor.id] });
    expect(saved.authors.map((x) => [x.userId, x.name])).toEqual([
      [colleague.actor.id, 'Co Writer'],
      [editor.actor.id, 'Old Shape'],
    ]);
  });

  it('refuses unknown people, repeats, an empty or oversized byline and both shapes at once, writing nothing', async () => {
    const editor = await t.staff('editor');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Real Guest' });
    const a = await t.articles.create(editor, { headline: 'Refusals', dek: '', sectionId: null });
    const me = { kind: 'staff' as const, id: editor.actor.id };
    const update = (input: Record<string, unknown>) => t.articles.update(editor, { id: a.id, baseVersion: a.version, ...input });

    await expect(update({ authors: [me, { kind: 'guest', id: MISSING }] })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authors.1', message: 'No such guest author for the byline.' });
    await expect(update({ authors: [{ kind: 'staff', id: MISSING }, me] })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authors.0', message: 'No such staff member for the byline.' });
    // A guest's id is not a staff id, nor the other way round.
    await expect(update({ authors: [{ kind: 'staff', id: guest.id }] })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authors.0' });
    await expect(update({ authorIds: [editor.actor.id, MISSING] })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authorIds.1' });
    await expect(update({ authors: [me, { kind: 'guest', id: guest.id }, { kind: 'guest', id: guest.id }] })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      field: 'authors.2',
      message: 'The byline names the same author twice.',
    });
    await expect(update({ authorIds: [editor.actor.id, editor.actor.id] })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authorIds.1' });
    await expect(update({ authors: [] })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authors', message: 'The byline needs at least one author.' });
    const eleven = await Promise.all(Array.from({ length: 11 }, (_, i) => t.profiles.createGuestAuthor(editor, { name: `Crowd ${i}` })));
    await expect(update({ authors: eleven.map((g) => ({ kind: 'guest', id: g.id })) })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authors' });
    await expect(update({ authors: [me], authorIds: [editor.actor.id] })).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'authors' });

    const after = await t.articles.get(editor, a.id);
    expect(after.version).toBe(a.version);
    expect(after.authors.map((x) => x.userId)).toEqual([editor.actor.id]);
  });
});

describe('who may set a byline with guests', () => {
  it('a contributor adds an existing guest to their own article but cannot leave themselves off', async () => {
    const editor = await t.staff('editor');
    const contributor = await t.staff('contributor', 'Cam Tributor');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Pat Photographer' });
    const a = await t.articles.create(contributor, { headline: 'Own story', dek: '', sectionId: null });

    await expect(t.articles.update(contributor, { id: a.id, baseVersion: a.version, authors: [{ kind: 'guest', id: guest.id }] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      field: 'authors',
    });
    const saved = await t.articles.update(contributor, {
      id: a.id,
      baseVersion: a.version,
      authors: [{ kind: 'guest', id: guest.id }, { kind: 'staff', id: contributor.actor.id }],
    });
    expect(saved.authors.map((x) => x.name)).toEqual(['Pat Photographer', 'Cam Tributor']);
    // Still theirs: a guest on the byline takes nothing away from the staff author.
    expect((await t.articles.get(contributor, a.id)).id).toBe(a.id);
    // Making a new guest author is for those who may invite staff.
    await expect(t.profiles.createGuestAuthor(contributor, { name: 'Not Allowed' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("nobody sets the byline of an article they may not edit", async () => {
    const editor = await t.staff('editor');
    const author = await t.staff('author');
    const other = await t.staff('author');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Outside Voice' });
    const theirs = await t.articles.create(other, { headline: 'Not yours to credit', dek: '', sectionId: null });
    await expect(
      t.articles.update(author, { id: theirs.id, baseVersion: theirs.version, authors: [{ kind: 'staff', id: author.actor.id }, { kind: 'guest', id: guest.id }] }),
    ).rejects.toMatchObject({ code: 'ARTICLE_NOT_FOUND' });
  });
});

describe('guest bylines on the public site', () => {
  it('show in order, linking to the guest author page, which lists the article', async () => {
    const editor = await t.staff('editor', 'Ed Itor');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Gus Guest', bio: 'Writes from the coast.' });
    const a = await t.articles.create(editor, { headline: 'Coastal storm', dek: '', sectionId: null, body: doc('Waves.') });
    const saved = await t.articles.update(editor, {
      id: a.id,
      baseVersion: a.version,
      authors: [{ kind: 'staff', id: editor.actor.id }, { kind: 'guest', id: guest.id }],
    });
    const published = await t.articles.transition(editor, { id: a.id, baseVersion: saved.version, to: 'published' });

    const page = await t.reader.article(published.slug);
    expect(page?.authors).toEqual([
      { name: 'Ed Itor', slug: saved.authors[0]!.slug, url: `/author/${saved.authors[0]!.slug}` },
      { name: 'Gus Guest', slug: guest.slug, url: `/author/${guest.slug}` },
    ]);
    const authorPage = await t.listings.author(guest.slug, 1);
    expect(authorPage?.author).toMatchObject({ name: 'Gus Guest', bio: 'Writes from the coast.' });
    expect(authorPage?.articles.map((x) => x.headline)).toEqual(['Coastal storm']);

    // A byline change on a published article reaches the public site at once.
    const before = t.changes.length;
    await t.articles.update(editor, { id: a.id, baseVersion: published.version, authors: [{ kind: 'guest', id: guest.id }] });
    expect(t.changes.slice(before)).toContainEqual({ kind: 'article', articleId: a.id });
    expect((await t.reader.article(published.slug))?.authors.map((x) => x.name)).toEqual(['Gus Guest']);
  });
});
