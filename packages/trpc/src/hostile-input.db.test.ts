import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { StaffContext } from '@newsroom/services';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { callerFor } from './testing.ts';

let t: TestServices;
let admin: StaffContext;
let editor: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  admin = await t.staff('administrator');
  editor = await t.staff('editor');
});
afterAll(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('bad input is refused with the field and the reason, and changes nothing', () => {
  it.each([
    ['a javascript: navigation link', { navigation: { header: [{ label: 'X', url: 'javascript:alert(1)' }], footer: [] } }, 'navigation.header.0.url'],
    ['a data: navigation link', { navigation: { header: [{ label: 'X', url: 'data:text/html,hi' }], footer: [] } }, 'navigation.header.0.url'],
    ['a protocol-relative link', { navigation: { header: [], footer: [{ label: 'X', url: '//evil.example' }] } }, 'navigation.footer.0.url'],
    ['CSS in the accent colour', { accentColor: 'red;}body{display:none' }, 'accentColor'],
    ['an empty publication name', { name: '   ' }, 'name'],
    ['an unknown time zone', { timeZone: 'Nowhere/Land' }, 'timeZone'],
  ])('settings with %s', async (_label, input, field) => {
    const before = await t.settings.get(admin);
    const error = await failure(callerFor(t, admin).settings.update(input as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(field);
    expect(await t.settings.get(admin)).toEqual(before);
  });

  it('keeps hostile text as text: script tags in names are stored and escaped on output, not run', async () => {
    await callerFor(t, admin).settings.update({ name: '<script>alert(1)</script>' });
    expect((await t.settings.branding()).name).toBe('<script>alert(1)</script>');
  });

  it('refuses unknown sort keys and oversized limits on lists', async () => {
    const caller = callerFor(t, editor);
    expect((await failure(caller.article.list({ sort: 'password_hash' as never }))).message).toContain('sort');
    expect((await failure(caller.article.list({ limit: 10_000 }))).message).toContain('limit');
  });

  it('names the field in structured errors', async () => {
    const error = await failure(callerFor(t, editor).article.create({ headline: 'x'.repeat(301) }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^headline: /);
  });

  it('returns 404 for an article that does not exist', async () => {
    const error = await failure(callerFor(t, editor).article.get({ id: '00000000-0000-4000-8000-000000000000' }));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('secrets never leave through the API', () => {
  it('staff lists hold no password hashes or tokens', async () => {
    const list = await callerFor(t, admin).staff.list({});
    const json = JSON.stringify(list);
    expect(list.length).toBeGreaterThan(3);
    expect(json).not.toMatch(/password|argon2|hash|token/i);
  });
});
