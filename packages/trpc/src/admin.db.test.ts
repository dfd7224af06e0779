import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { ROLES, type Role } from '@newsroom/domain';
import { INVITE_TTL_MS, PASSWORD_RESET_TTL_MS, type StaffContext } from '@newsroom/services';
import { createTestServices, TEST_PASSWORD, type TestServices } from '@newsroom/services/testing';
import { callerFor } from './testing.ts';

let t: TestServices;
const staff = {} as Record<Role, StaffContext>;
beforeAll(async () => {
  t = await createTestServices({ seed: true, publicUrl: 'https://news.example.org' });
  for (const role of ROLES) staff[role] = await t.staff(role);
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

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const meta = { ip: '198.51.100.1', userAgent: 'vitest' };
let counter = 0;
const email = (label: string) => `${label}.${++counter}@example.test`;

/** Each new procedure, called with valid input by every role: who gets through. */
describe('every new procedure, for every role', () => {
  const matrix: Array<[string, (who: StaffContext) => Promise<unknown>, Role[]]> = [
    ['staff.invite (an author)', (who) => callerFor(t, who).staff.invite({ email: email('invitee'), role: 'author' }), ['editor', 'administrator', 'owner']],
    ['staff.invite (an editor)', (who) => callerFor(t, who).staff.invite({ email: email('invitee'), role: 'editor' }), ['administrator', 'owner']],
    ['staff.invite (an administrator)', (who) => callerFor(t, who).staff.invite({ email: email('invitee'), role: 'administrator' }), ['owner']],
    ['staff.invite (an owner)', (who) => callerFor(t, who).staff.invite({ email: email('invitee'), role: 'owner' }), []],
    [
      'staff.createPasswordReset (an author)',
      async (who) => callerFor(t, who).staff.createPasswordReset({ userId: (await t.staff('author')).actor.id }),
      ['editor', 'administrator', 'owner'],
    ],
    [
      'staff.createPasswordReset (an administrator)',
      async (who) => callerFor(t, who).staff.createPasswordReset({ userId: (await t.staff('administrator')).actor.id }),
      ['owner'],
    ],
    ['staff.createPasswordReset (the owner)', (who) => callerFor(t, who).staff.createPasswordReset({ userId: staff.owner.actor.id }), []],
    ['staff.updateProfile (own)', (who) => callerFor(t, who).staff.updateProfile({ userId: who.actor.id, bio: 'Hello.' }), [...ROLES]],
    [
      'staff.updateProfile (a contributor)',
      async (who) => callerFor(t, who).staff.updateProfile({ userId: (await t.staff('contributor')).actor.id, bio: 'Edited.' }),
      ['editor', 'administrator', 'owner'],
    ],
    ['staff.updateProfile (the owner)', (who) => callerFor(t, who).staff.updateProfile({ userId: staff.owner.actor.id, bio: 'Edited.' }), ['owner']],
    ['staff.createGuestAuthor', (who) => callerFor(t, who).staff.createGuestAuthor({ name: `Guest ${who.actor.role}` }), ['editor', 'administrator', 'owner']],
    ['staff.guestAuthors', (who) => callerFor(t, who).staff.guestAuthors(), [...ROLES]],
    ['audit.list', (who) => callerFor(t, who).audit.list({ limit: 5 }), ['administrator', 'owner']],
    ['audit.facets', (who) => callerFor(t, who).audit.facets(), ['administrator', 'owner']],
    ['audit.exportCsv', (who) => callerFor(t, who).audit.exportCsv({ entityType: 'settings' }), ['administrator', 'owner']],
    ['redirects.list', (who) => callerFor(t, who).redirects.list({}), ['editor', 'administrator', 'owner']],
    [
      'redirects.create',
      (who) => callerFor(t, who).redirects.create({ fromPath: `/from-${who.actor.role}-${++counter}`, toPath: '/about', statusCode: 301 }),
      ['editor', 'administrator', 'owner'],
    ],
    [
      'redirects.remove',
      async (who) => {
        const made = await t.redirects.create(staff.owner, { fromPath: `/to-remove-${++counter}`, toPath: '/about' });
        return callerFor(t, who).redirects.remove({ id: made.id });
      },
      ['editor', 'administrator', 'owner'],
    ],
    [
      'settings.generateIcons',
      async (who) => callerFor(t, who).settings.generateIcons({ mediaId: (await t.settings.get(staff.owner)).logoMediaId! }),
      ['administrator', 'owner'],
    ],
  ];

  for (const [label, call, allowed] of matrix) {
    for (const role of ROLES) {
      const ok = allowed.includes(role);
      it(`${label} by ${role}: ${ok ? 'allowed' : 'FORBIDDEN'}`, async () => {
        expect(await codeOf(call(staff[role]))).toBe(ok ? 'OK' : 'FORBIDDEN');
      });
    }
  }
});

describe('record-level rules', () => {
  it('an editor cannot invite an administrator, and the refusal names the role field', async () => {
    const error = await failure(callerFor(t, staff.editor).staff.invite({ email: email('admin-hopeful'), role: 'administrator' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('may not invite a administrator');
    expect(await t.database.db.selectFrom('users').select('id').where('email', 'like', 'admin-hopeful%').execute()).toEqual([]);
  });

  it('nobody raises (or changes) their own role', async () => {
    for (const role of ROLES) {
      for (const next of ROLES) {
        if (next === role) continue;
        expect(await codeOf(callerFor(t, staff[role]).staff.changeRole({ userId: staff[role].actor.id, role: next })), `${role} -> ${next}`).toBe('FORBIDDEN');
      }
    }
    const roles = await t.database.db.selectFrom('users').select(['id', 'role']).where('id', 'in', ROLES.map((r) => staff[r].actor.id)).execute();
    for (const row of roles) expect(row.role).toBe(ROLES.find((r) => staff[r].actor.id === row.id));
  });

  it('an invite is accepted once: it signs the invitee in (session cookie) and the link is used up', async () => {
    const { link, user } = await callerFor(t, staff.administrator).staff.invite({ email: email('joiner'), role: 'author' });
    expect(link.url.startsWith('https://news.example.org/admin/accept-invite?token=')).toBe(true);
    const token = tokenOf(link.url);
    expect(await callerFor(t, null).auth.inviteDetails({ token })).toMatchObject({ email: user.email, role: 'author' });
    const cookies: string[] = [];
    const accepted = await callerFor(t, null, { set: cookies }).auth.acceptInvite({ token, name: 'Joiner Person', password: 'a sturdy password' });
    expect(accepted.user).toMatchObject({ id: user.id, name: 'Joiner Person', role: 'author' });
    expect(cookies).toHaveLength(1);
    expect((await t.auth.resolveSession(cookies[0]))?.actor).toMatchObject({ id: user.id, role: 'author' });

    const again = await failure(callerFor(t, null).auth.acceptInvite({ token, name: 'Someone Else', password: 'a sturdy password' }));
    expect(again.code).toBe('BAD_REQUEST');
    expect(again.message).toContain('expired or has already been used');
    expect((await failure(callerFor(t, null).auth.inviteDetails({ token }))).code).toBe('BAD_REQUEST');
  });

  it('invite links expire after 7 days (test clock)', async () => {
    const { link } = await callerFor(t, staff.owner).staff.invite({ email: email('slow'), role: 'editor' });
    t.clock.advance(INVITE_TTL_MS + 1);
    try {
      expect(await codeOf(callerFor(t, null).auth.acceptInvite({ token: tokenOf(link.url), name: 'Slow', password: 'a sturdy password' }))).toBe('BAD_REQUEST');
    } finally {
      t.clock.advance(-(INVITE_TTL_MS + 1));
    }
  });

  it('a reset link is single-use, ends every session, and expires after an hour', async () => {
    const editor = await t.staff('editor');
    const session = await t.auth.login({ email: editor.actor.email, password: TEST_PASSWORD }, meta);
    const link = await callerFor(t, staff.administrator).staff.createPasswordReset({ userId: editor.actor.id });
    expect(link.url.startsWith('https://news.example.org/admin/reset-password?token=')).toBe(true);
    expect(await callerFor(t, null).auth.resetPassword({ token: tokenOf(link.url), newPassword: 'the new password' })).toEqual({ ok: true });
    expect(await t.auth.resolveSession(session.token)).toBeNull();
    expect(await codeOf(callerFor(t, null).auth.resetPassword({ token: tokenOf(link.url), newPassword: 'another password' }))).toBe('BAD_REQUEST');

    const later = await callerFor(t, staff.administrator).staff.createPasswordReset({ userId: editor.actor.id });
    t.clock.advance(PASSWORD_RESET_TTL_MS + 1);
    try {
      expect(await codeOf(callerFor(t, null).auth.resetPassword({ token: tokenOf(later.url), newPassword: 'another password' }))).toBe('BAD_REQUEST');
    } finally {
      t.clock.advance(-(PASSWORD_RESET_TTL_MS + 1));
    }
  });

  it('self-service reset answers the same for a staff email and an unknown one', async () => {
    const known = await callerFor(t, null).auth.requestPasswordReset({ email: staff.author.actor.email });
    const unknown = await callerFor(t, null).auth.requestPasswordReset({ email: 'stranger@example.test' });
    expect(known).toEqual(unknown);
  });

  it("a suspended colleague's sessions end at once", async () => {
    const author = await t.staff('author');
    const a = await t.auth.login({ email: author.actor.email, password: TEST_PASSWORD }, meta);
    const b = await t.auth.login({ email: author.actor.email, password: TEST_PASSWORD }, meta);
    await callerFor(t, staff.editor).staff.setSuspended({ userId: author.actor.id, suspended: true });
    expect(await t.auth.resolveSession(a.token)).toBeNull();
    expect(await t.auth.resolveSession(b.token)).toBeNull();
    const audit = await t.audit.list(staff.owner, { action: 'user.suspended', limit: 5 });
    expect(audit.items[0]).toMatchObject({ entityId: author.actor.id, actorId: staff.editor.actor.id, before: { status: 'active' }, after: { status: 'suspended' } });
  });

  it('role changes, invites, resets and ownership transfers all land in the audit log', async () => {
    const owner = await t.staff('owner');
    const target = await t.staff('author');
    await callerFor(t, owner).staff.changeRole({ userId: target.actor.id, role: 'editor' });
    const admin = await t.staff('administrator');
    await callerFor(t, owner).staff.transferOwnership({ userId: admin.actor.id });
    const actions = (await t.audit.list(admin, { limit: 200 })).items.map((i) => i.action);
    for (const action of ['user.role_changed', 'ownership.transferred', 'user.invited', 'user.invite_accepted', 'user.password_reset_created', 'user.password_reset', 'user.suspended']) {
      expect(actions, action).toContain(action);
    }
    // Hand ownership back so the rest of the file sees the same owner.
    await callerFor(t, { ...admin, actor: { ...admin.actor, role: 'owner' } }).staff.transferOwnership({ userId: owner.actor.id });
  });
});
