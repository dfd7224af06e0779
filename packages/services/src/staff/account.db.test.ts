import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '../context.ts';
import { createTestServices, TEST_PASSWORD, type TestServices } from '../testing.ts';
import { createAccountService, INVITE_TTL_MS, PASSWORD_RESET_TTL_MS, RESET_LIMITS } from './account.service.ts';

let t: TestServices;
const sent: Array<{ to: string; subject: string; text: string }> = [];
const fakeMailer: Mailer = { send: async (message) => void sent.push(message) };
let accounts: ReturnType<typeof createAccountService>;

beforeAll(async () => {
  t = await createTestServices({ seed: true, publicUrl: 'https://news.example.org' });
  accounts = createAccountService({ ...t.deps, mailer: fakeMailer });
});
afterAll(async () => {
  await t.close();
});

const meta = (ip = '192.0.2.1') => ({ ip, userAgent: 'vitest' });
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THREW';
  }
}

describe('invites', () => {
  it('make an invited account and a 7-day link on the public URL, emailed, stored only as a hash', async () => {
    const admin = await t.staff('administrator');
    const before = sent.length;
    const { user, link } = await accounts.invite(admin, { email: 'New.Person@Example.test', role: 'editor' });
    expect(user).toMatchObject({ email: 'new.person@example.test', role: 'editor', status: 'invited', name: 'new.person' });
    expect(link.url).toMatch(/^https:\/\/news\.example\.org\/admin\/accept-invite\?token=[\w-]{43}$/);
    expect(link.expiresAt.getTime() - t.clock().getTime()).toBe(INVITE_TTL_MS);
    expect(link.emailed).toBe(true);
    expect(sent.length).toBe(before + 1);
    expect(sent.at(-1)).toMatchObject({ to: 'new.person@example.test' });
    expect(sent.at(-1)!.text).toContain(link.url);

    const rows = await t.database.db.selectFrom('user_tokens').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toBe(tokenOf(link.url));
    expect(JSON.stringify(rows)).not.toContain(tokenOf(link.url));
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['user.invited']);
    expect(JSON.stringify(audit)).not.toContain(tokenOf(link.url));
  });

  it('without a mailer only return the link', async () => {
    const admin = await t.staff('administrator');
    const { link } = await t.accounts.invite(admin, { email: 'no-mail@example.test', role: 'author' });
    expect(link.emailed).toBe(false);
    expect(link.url.startsWith('https://news.example.org/admin/accept-invite?token=')).toBe(true);
  });

  it('limit the role to what the inviter may give', async () => {
    const editor = await t.staff('editor');
    const admin = await t.staff('administrator');
    const author = await t.staff('author');
    expect(await codeOf(accounts.invite(editor, { email: 'would-be-admin@example.test', role: 'administrator' }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.invite(editor, { email: 'would-be-editor@example.test', role: 'editor' }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.invite(editor, { email: 'ok-author@example.test', role: 'author' }))).toBe('OK');
    expect(await codeOf(accounts.invite(admin, { email: 'would-be-admin2@example.test', role: 'administrator' }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.invite(admin, { email: 'would-be-owner@example.test', role: 'owner' }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.invite(author, { email: 'x@example.test', role: 'contributor' }))).toBe('FORBIDDEN');
    const owner = await t.staff('owner');
    expect(await codeOf(accounts.invite(owner, { email: 'new-admin@example.test', role: 'administrator' }))).toBe('OK');
  });

  it('refuse the email of an active colleague, and renew a pending invite (the old link dies)', async () => {
    const admin = await t.staff('administrator');
    const editor = await t.staff('editor');
    expect(await codeOf(accounts.invite(admin, { email: editor.actor.email, role: 'author' }))).toBe('EMAIL_TAKEN');
    const first = await accounts.invite(admin, { email: 'twice@example.test', role: 'author' });
    const second = await accounts.invite(admin, { email: 'twice@example.test', role: 'contributor' });
    expect(second.user.id).toBe(first.user.id);
    expect(second.user.role).toBe('contributor');
    expect(await codeOf(accounts.inviteDetails({ token: tokenOf(first.link.url) }))).toBe('LINK_INVALID');
    expect(await accounts.inviteDetails({ token: tokenOf(second.link.url) })).toMatchObject({ email: 'twice@example.test', role: 'contributor' });
  });

  it('are accepted once: the account is activated, named, signed in, and the link is used up', async () => {
    const admin = await t.staff('administrator');
    const { user, link } = await accounts.invite(admin, { email: 'accepting@example.test', role: 'author' });
    const token = tokenOf(link.url);
    const result = await accounts.acceptInvite({ token, name: 'Ada Lovelace', password: 'a long enough password' }, meta());
    expect(result.user).toMatchObject({ id: user.id, name: 'Ada Lovelace', slug: 'ada-lovelace', role: 'author' });
    expect((await t.auth.resolveSession(result.token))?.actor.id).toBe(user.id);
    expect((await t.users.get(admin, user.id)).status).toBe('active');
    expect((await t.auth.login({ email: 'accepting@example.test', password: 'a long enough password' }, meta())).user.id).toBe(user.id);

    expect(await codeOf(accounts.acceptInvite({ token, name: 'Someone Else', password: 'another long password' }, meta()))).toBe('LINK_INVALID');
    const used = await t.database.db.selectFrom('user_tokens').select('used_at').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(used.used_at).not.toBeNull();
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', user.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'user.invited', actor_id: admin.actor.id },
      { action: 'user.invite_accepted', actor_id: user.id },
    ]);
  });

  it('expire after 7 days', async () => {
    const admin = await t.staff('administrator');
    const { link } = await accounts.invite(admin, { email: 'late@example.test', role: 'author' });
    t.clock.advance(INVITE_TTL_MS + 1000);
    try {
      expect(await codeOf(accounts.acceptInvite({ token: tokenOf(link.url), name: 'Late', password: 'a long enough password' }, meta()))).toBe('LINK_INVALID');
    } finally {
      t.clock.advance(-(INVITE_TTL_MS + 1000));
    }
  });

  it('do not work for an invite later suspended, nor with a forged token', async () => {
    const admin = await t.staff('administrator');
    const { user, link } = await accounts.invite(admin, { email: 'suspended-invite@example.test', role: 'author' });
    await t.users.setSuspended(admin, { userId: user.id, suspended: true });
    expect(await codeOf(accounts.acceptInvite({ token: tokenOf(link.url), name: 'Nope', password: 'a long enough password' }, meta()))).toBe('LINK_INVALID');
    expect(await codeOf(accounts.acceptInvite({ token: 'A'.repeat(43), name: 'Nope', password: 'a long enough password' }, meta()))).toBe('LINK_INVALID');
  });

  it('only one of two simultaneous accepts of the same link gets through', async () => {
    const admin = await t.staff('administrator');
    const { link } = await accounts.invite(admin, { email: 'race@example.test', role: 'author' });
    const token = tokenOf(link.url);
    const results = await Promise.all([
      codeOf(accounts.acceptInvite({ token, name: 'First', password: 'a long enough password' }, meta())),
      codeOf(accounts.acceptInvite({ token, name: 'Second', password: 'a long enough password' }, meta())),
    ]);
    expect(results.sort()).toEqual(['LINK_INVALID', 'OK']);
  });
});

describe('password reset links', () => {
  it('made by a manager: 1 hour, on the public URL, single use; all sessions end; audited', async () => {
    const admin = await t.staff('administrator');
    const editor = await t.staff('editor');
    const { token: session } = await t.auth.login({ email: editor.actor.email, password: TEST_PASSWORD }, meta('192.0.2.10'));
    const link = await accounts.createPasswordReset(admin, { userId: editor.actor.id });
    expect(link.url).toMatch(/^https:\/\/news\.example\.org\/admin\/reset-password\?token=[\w-]{43}$/);
    expect(link.expiresAt.getTime() - t.clock().getTime()).toBe(PASSWORD_RESET_TTL_MS);
    expect(link.emailed).toBe(true);
    expect(sent.at(-1)).toMatchObject({ to: editor.actor.email });

    await accounts.resetPassword({ token: tokenOf(link.url), newPassword: 'brand new password' }, meta());
    expect(await t.auth.resolveSession(session)).toBeNull();
    expect((await t.auth.login({ email: editor.actor.email, password: 'brand new password' }, meta('192.0.2.11'))).user.id).toBe(editor.actor.id);
    expect(await codeOf(accounts.resetPassword({ token: tokenOf(link.url), newPassword: 'yet another password' }, meta()))).toBe('LINK_INVALID');
    const actions = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', editor.actor.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['user.password_reset_created', 'user.password_reset']);
  });

  it('expire after an hour, and a newer link retires the older', async () => {
    const admin = await t.staff('administrator');
    const author = await t.staff('author');
    const old = await accounts.createPasswordReset(admin, { userId: author.actor.id });
    const newer = await accounts.createPasswordReset(admin, { userId: author.actor.id });
    expect(await codeOf(accounts.resetPassword({ token: tokenOf(old.url), newPassword: 'brand new password' }, meta()))).toBe('LINK_INVALID');
    t.clock.advance(PASSWORD_RESET_TTL_MS + 1);
    try {
      expect(await codeOf(accounts.resetPassword({ token: tokenOf(newer.url), newPassword: 'brand new password' }, meta()))).toBe('LINK_INVALID');
    } finally {
      t.clock.advance(-(PASSWORD_RESET_TTL_MS + 1));
    }
  });

  it('only for those the actor manages', async () => {
    const editor = await t.staff('editor');
    const admin = await t.staff('administrator');
    const owner = await t.staff('owner');
    const author = await t.staff('author');
    expect(await codeOf(accounts.createPasswordReset(editor, { userId: admin.actor.id }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.createPasswordReset(editor, { userId: editor.actor.id }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.createPasswordReset(admin, { userId: owner.actor.id }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.createPasswordReset(author, { userId: author.actor.id }))).toBe('FORBIDDEN');
    expect(await codeOf(accounts.createPasswordReset(editor, { userId: author.actor.id }))).toBe('OK');
  });

  it('self-service answers the same for unknown emails, sends only to real ones, and is rate-limited', async () => {
    const author = await t.staff('author');
    const before = sent.length;
    expect(await accounts.requestPasswordReset({ email: 'nobody-here@example.test' }, meta('192.0.2.20'))).toEqual({ ok: true });
    expect(await accounts.requestPasswordReset({ email: author.actor.email }, meta('192.0.2.20'))).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.slice(before).map((m) => m.to)).toEqual([author.actor.email]);
    const url = /https:\S+/.exec(sent.at(-1)!.text)![0];
    expect(url).toMatch(/^https:\/\/news\.example\.org\/admin\/reset-password\?token=/);
    await accounts.resetPassword({ token: tokenOf(url), newPassword: 'my chosen password' }, meta());
    expect((await t.auth.login({ email: author.actor.email, password: 'my chosen password' }, meta('192.0.2.21'))).user.id).toBe(author.actor.id);

    for (let i = 1; i < RESET_LIMITS.perAccount; i++) await accounts.requestPasswordReset({ email: 'limit@example.test' }, meta(`192.0.2.3${i}`));
    expect(await codeOf(accounts.requestPasswordReset({ email: 'limit@example.test' }, meta('192.0.2.40')))).toBe('OK');
    expect(await codeOf(accounts.requestPasswordReset({ email: 'limit@example.test' }, meta('192.0.2.41')))).toBe('RATE_LIMITED');
  });

  it('suspended and invited accounts get no self-service link', async () => {
    const admin = await t.staff('administrator');
    const author = await t.staff('author');
    await t.users.setSuspended(admin, { userId: author.actor.id, suspended: true });
    const { user } = await accounts.invite(admin, { email: 'pending-reset@example.test', role: 'author' });
    const before = sent.length;
    await accounts.requestPasswordReset({ email: author.actor.email }, meta('192.0.2.50'));
    await accounts.requestPasswordReset({ email: user.email }, meta('192.0.2.50'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.length).toBe(before);
  });
});

describe('mail over SMTP', () => {
  /** Just enough of an SMTP server on loopback to receive one message. */
  async function smtpSink(): Promise<{ server: Server; port: number; messages: string[] }> {
    const messages: string[] = [];
    const server = createServer((socket) => {
      let data = false;
      let buffer = '';
      socket.write('220 sink ESMTP\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        for (;;) {
          if (data) {
            const end = buffer.indexOf('\r\n.\r\n');
            if (end < 0) return;
            messages.push(buffer.slice(0, end));
            buffer = buffer.slice(end + 5);
            data = false;
            socket.write('250 queued\r\n');
            continue;
          }
          const eol = buffer.indexOf('\r\n');
          if (eol < 0) return;
          const line = buffer.slice(0, eol).toUpperCase();
          buffer = buffer.slice(eol + 2);
          if (line.startsWith('EHLO')) socket.write('250-sink\r\n250 8BITMIME\r\n');
          else if (line.startsWith('DATA')) {
            data = true;
            socket.write('354 go on\r\n');
          } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { server, port: (server.address() as AddressInfo).port, messages };
  }

  it('sends the invite through the server named by smtpUrl, from mailFrom', async () => {
    const sink = await smtpSink();
    try {
      const smtp = createAccountService({ ...t.deps, config: { ...t.deps.config, smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailFrom: 'Globe Echo <desk@globe-echo.example>' } });
      const admin = await t.staff('administrator');
      const { link } = await smtp.invite(admin, { email: 'smtp-invitee@example.test', role: 'author' });
      expect(link.emailed).toBe(true);
      expect(sink.messages).toHaveLength(1);
      const message = sink.messages[0]!.replace(/=\r\n/g, '');
      expect(message).toContain('From: Globe Echo <desk@globe-echo.example>');
      expect(message).toContain('To: smtp-invitee@example.test');
      expect(message).toContain(tokenOf(link.url));
    } finally {
      sink.server.close();
    }
  });

  it('a mail server that is down does not lose the invite: the link is still returned', async () => {
    const smtp = createAccountService({ ...t.deps, config: { ...t.deps.config, smtpUrl: 'smtp://127.0.0.1:1' } });
    const admin = await t.staff('administrator');
    const { link, user } = await smtp.invite(admin, { email: 'smtp-down@example.test', role: 'author' });
    expect(link.emailed).toBe(false);
    expect(user.status).toBe('invited');
  });
});
