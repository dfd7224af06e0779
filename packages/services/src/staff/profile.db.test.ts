import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
});
afterAll(async () => {
  await t.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THREW';
  }
}

describe('profiles', () => {
  it('anyone changes their own; managers change those they manage; audited', async () => {
    const author = await t.staff('author');
    const updated = await t.profiles.updateProfile(author, { userId: author.actor.id, name: 'Grace Hopper', bio: 'Writes about <b>ships</b>.', slug: 'grace-hopper' });
    expect(updated).toMatchObject({ name: 'Grace Hopper', bio: 'Writes about <b>ships</b>.', slug: 'grace-hopper' });
    const editor = await t.staff('editor');
    expect(await codeOf(t.profiles.updateProfile(editor, { userId: author.actor.id, bio: 'Edited by the desk.' }))).toBe('OK');
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', author.actor.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'user.profile_updated', actor_id: author.actor.id },
      { action: 'user.profile_updated', actor_id: editor.actor.id },
    ]);
    expect(t.changes.at(-1)).toEqual({ kind: 'all' });
  });

  it('nobody changes the profile of someone they do not manage', async () => {
    const editor = await t.staff('editor');
    const admin = await t.staff('administrator');
    const owner = await t.staff('owner');
    const other = await t.staff('author');
    expect(await codeOf(t.profiles.updateProfile(editor, { userId: admin.actor.id, name: 'Hacked' }))).toBe('FORBIDDEN');
    expect(await codeOf(t.profiles.updateProfile(admin, { userId: owner.actor.id, name: 'Hacked' }))).toBe('FORBIDDEN');
    const author = await t.staff('author');
    expect(await codeOf(t.profiles.updateProfile(author, { userId: other.actor.id, name: 'Hacked' }))).toBe('FORBIDDEN');
  });

  it('slugs are unique and well-formed; the photo must be in the library', async () => {
    const a = await t.staff('author');
    const b = await t.staff('author');
    await t.profiles.updateProfile(a, { userId: a.actor.id, slug: 'unique-slug' });
    await expect(t.profiles.updateProfile(b, { userId: b.actor.id, slug: 'unique-slug' })).rejects.toMatchObject({ code: 'SLUG_TAKEN', field: 'slug' });
    await expect(t.profiles.updateProfile(b, { userId: b.actor.id, slug: 'Not A Slug' })).rejects.toThrow();
    await expect(t.profiles.updateProfile(b, { userId: b.actor.id, photoMediaId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ field: 'photoMediaId' });
  });
});

describe('guest authors', () => {
  it('are made by those who may invite, listed for all staff, with slugs unique among staff too', async () => {
    const editor = await t.staff('editor', 'Jo Bloggs');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Jo Bloggs', bio: 'Freelance.' });
    expect(guest).toMatchObject({ name: 'Jo Bloggs', slug: 'jo-bloggs-2', bio: 'Freelance.' });
    const again = await t.profiles.createGuestAuthor(editor, { name: 'Jo Bloggs' });
    expect(again.slug).toBe('jo-bloggs-3');
    const contributor = await t.staff('contributor');
    expect(await codeOf(t.profiles.createGuestAuthor(contributor, { name: 'Nope' }))).toBe('FORBIDDEN');
    expect((await t.profiles.guestAuthors(contributor)).map((g) => g.slug)).toEqual(expect.arrayContaining(['jo-bloggs-2', 'jo-bloggs-3']));
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', guest.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['guest_author.created']);
  });

  it('keep their address: no staff member takes it by a profile change, a new account or an invite', async () => {
    const editor = await t.staff('editor');
    const guest = await t.profiles.createGuestAuthor(editor, { name: 'Ada Freelance' });
    expect(guest.slug).toBe('ada-freelance');
    const author = await t.staff('author');
    await expect(t.profiles.updateProfile(author, { userId: author.actor.id, slug: 'ada-freelance' })).rejects.toMatchObject({
      code: 'SLUG_TAKEN',
      field: 'slug',
    });
    const account = await t.users.createAccount({ email: 'ada.staff@example.test', name: 'Ada Freelance', role: 'author', password: 'a long enough password' });
    expect(account.slug).toBe('ada-freelance-2');
    const admin = await t.staff('administrator');
    const { link } = await t.accounts.invite(admin, { email: 'ada.invited@example.test', role: 'author' });
    const token = new URL(link.url).searchParams.get('token')!;
    const joined = await t.accounts.acceptInvite({ token, name: 'Ada Freelance', password: 'a long enough password' }, { ip: '127.0.0.1', userAgent: 'test' });
    const row = await t.database.db.selectFrom('users').select('slug').where('id', '=', joined.user.id).executeTakeFirstOrThrow();
    expect(row.slug).toBe('ada-freelance-3');
  });
});
