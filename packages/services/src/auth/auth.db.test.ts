import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, TEST_PASSWORD, type TestServices } from '../testing.ts';
import { LOGIN_LIMITS } from './auth.service.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.close();
});

const meta = (ip = '10.0.0.1') => ({ ip, userAgent: 'vitest' });

async function loginError(email: string, password: string, ip?: string) {
  return t.auth.login({ email, password }, meta(ip)).then(
    () => null,
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );
}

describe('login', () => {
  it('starts a new session each time and resolves it from the cookie token', async () => {
    const editor = await t.staff('editor');
    const first = await t.auth.login({ email: editor.actor.email, password: TEST_PASSWORD }, meta());
    const second = await t.auth.login({ email: editor.actor.email.toUpperCase(), password: TEST_PASSWORD }, meta());
    expect(first.token).not.toBe(second.token);
    expect((await t.auth.resolveSession(first.token))?.actor).toMatchObject({ id: editor.actor.id, role: 'editor' });
    expect(await t.auth.resolveSession('forged-token')).toBeNull();
  });

  it('stores only a hash of the session token', async () => {
    const author = await t.staff('author');
    const { token } = await t.auth.login({ email: author.actor.email, password: TEST_PASSWORD }, meta());
    const rows = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows.some((r) => r.id_hash === token)).toBe(false);
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const author = await t.staff('author');
    const unknown = await loginError('nobody@example.test', 'whatever-password', '10.0.0.2');
    const wrong = await loginError(author.actor.email, 'wrong-password', '10.0.0.2');
    expect(unknown).toEqual({ code: 'INVALID_CREDENTIALS', message: 'The email or password is not right.' });
    expect(wrong).toEqual(unknown);
  });

  it('ends the session at logout', async () => {
    const author = await t.staff('author');
    const { token } = await t.auth.login({ email: author.actor.email, password: TEST_PASSWORD }, meta());
    await t.auth.logout(token);
    expect(await t.auth.resolveSession(token)).toBeNull();
  });

  it('expires sessions after their lifetime', async () => {
    const author = await t.staff('author');
    const { token } = await t.auth.login({ email: author.actor.email, password: TEST_PASSWORD }, meta());
    t.clock.advance(t.deps.config.sessionTtlMs + 1000);
    expect(await t.auth.resolveSession(token)).toBeNull();
    t.clock.advance(-(t.deps.config.sessionTtlMs + 1000));
  });

  it('limits tries per account, even with the right password, and per address', async () => {
    const victim = await t.staff('author');
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await loginError(victim.actor.email, 'wrong-password', `10.1.0.${i}`))?.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await loginError(victim.actor.email, TEST_PASSWORD, '10.1.1.1'))?.code).toBe('RATE_LIMITED');
    t.clock.advance(LOGIN_LIMITS.windowMs + 1);
    expect(await loginError(victim.actor.email, TEST_PASSWORD, '10.1.1.1')).toBeNull();

    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await loginError(`spray${i}@example.test`, 'x', '10.9.9.9');
    expect((await loginError(victim.actor.email, TEST_PASSWORD, '10.9.9.9'))?.code).toBe('RATE_LIMITED');
    expect(await loginError(victim.actor.email, TEST_PASSWORD, '10.9.9.10')).toBeNull();
  });
});

describe('sessions end', () => {
  it('on a password change, everywhere but the new session', async () => {
    const editor = await t.staff('editor');
    const a = await t.auth.login({ email: editor.actor.email, password: TEST_PASSWORD }, meta('10.2.0.1'));
    const b = await t.auth.login({ email: editor.actor.email, password: TEST_PASSWORD }, meta('10.2.0.2'));
    await expect(t.auth.changePassword(editor, { currentPassword: 'not it', newPassword: 'a new long password' })).rejects.toMatchObject({ field: 'currentPassword' });
    const fresh = await t.auth.changePassword(editor, { currentPassword: TEST_PASSWORD, newPassword: 'a new long password' });
    expect(await t.auth.resolveSession(a.token)).toBeNull();
    expect(await t.auth.resolveSession(b.token)).toBeNull();
    expect(await t.auth.resolveSession(fresh.token)).not.toBeNull();
    expect((await loginError(editor.actor.email, TEST_PASSWORD, '10.2.0.3'))?.code).toBe('INVALID_CREDENTIALS');
  });

  it('when the account is suspended, and it cannot sign in until restored', async () => {
    const admin = await t.staff('administrator');
    const author = await t.staff('author');
    const { token } = await t.auth.login({ email: author.actor.email, password: TEST_PASSWORD }, meta('10.3.0.1'));
    await t.users.setSuspended(admin, { userId: author.actor.id, suspended: true });
    expect(await t.auth.resolveSession(token)).toBeNull();
    expect((await loginError(author.actor.email, TEST_PASSWORD, '10.3.0.2'))?.code).toBe('ACCOUNT_SUSPENDED');
    await t.users.setSuspended(admin, { userId: author.actor.id, suspended: false });
    expect(await loginError(author.actor.email, TEST_PASSWORD, '10.3.0.3')).toBeNull();
  });
});
