import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { PERMISSIONS, ROLES, type Role } from '@newsroom/domain';
import type { StaffContext } from '@newsroom/services';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { appRouter } from './app.router.ts';
import { callerFor } from './testing.ts';
import type { ProcedureMeta } from './trpc.ts';

/** Procedures anyone may call. Every other procedure must declare the permission it needs. */
const PUBLIC = new Set(['auth.login', 'auth.logout', 'auth.me', 'auth.inviteDetails', 'auth.acceptInvite', 'auth.requestPasswordReset', 'auth.resetPassword', 'settings.branding']);

type AnyProcedure = { _def: { meta?: ProcedureMeta; type: 'query' | 'mutation' } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).filter(([path]) => !path.startsWith('reader.'));

let t: TestServices;
const staff = {} as Record<Role, StaffContext>;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  for (const role of ROLES) staff[role] = await t.staff(role);
});
afterAll(async () => {
  await t.close();
});

function call(path: string, who: StaffContext | null, input: unknown): Promise<unknown> {
  let target: unknown = callerFor(t, who);
  for (const part of path.split('.')) target = (target as Record<string, unknown>)[part];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : 'THREW';
  }
}

describe('every editorial procedure', () => {
  it('declares its permission unless it is public', () => {
    for (const [path, procedure] of procedures) {
      if (PUBLIC.has(path)) continue;
      expect(procedure._def.meta?.permission, path).toBeDefined();
    }
  });

  for (const [path, procedure] of procedures) {
    if (PUBLIC.has(path)) continue;
    const permission = procedure._def.meta?.permission;

    it(`${path} refuses anonymous callers`, async () => {
      expect(await codeOf(call(path, null, undefined))).toBe('UNAUTHORIZED');
    });

    for (const role of ROLES) {
      const allowed = permission === 'signed-in' || PERMISSIONS[role][permission!] !== 'none';
      it(`${path} (${permission}) for ${role}: ${allowed ? 'allowed past the check' : 'FORBIDDEN'}`, async () => {
        // An empty input: refused roles are stopped before the input is read; allowed ones reach validation.
        const code = await codeOf(call(path, staff[role], {}));
        if (allowed) expect(code).not.toBe('FORBIDDEN');
        else expect(code).toBe('FORBIDDEN');
      });
    }
  }
});

describe('record-level permissions', () => {
  it('an author publishes their own article but not a colleague\'s', async () => {
    const own = await t.articles.create(staff.author, { headline: 'Mine', dek: '', sectionId: null });
    const other = await t.articles.create(staff.editor, { headline: 'Theirs', dek: '', sectionId: null });
    expect(await codeOf(call('article.transition', staff.author, { id: own.id, baseVersion: own.version, to: 'published' }))).toBe('OK');
    expect(await codeOf(call('article.transition', staff.author, { id: other.id, baseVersion: other.version, to: 'published' }))).toBe('NOT_FOUND');
    expect(await codeOf(call('article.transition', staff.contributor, { id: other.id, baseVersion: other.version, to: 'published' }))).toBe('NOT_FOUND');
  });

  it('an editor changes an author into a contributor but cannot touch an administrator', async () => {
    const author = await t.staff('author');
    expect(await codeOf(call('staff.changeRole', staff.editor, { userId: author.actor.id, role: 'contributor' }))).toBe('OK');
    expect(await codeOf(call('staff.changeRole', staff.editor, { userId: staff.administrator.actor.id, role: 'author' }))).toBe('FORBIDDEN');
    expect(await codeOf(call('staff.changeRole', staff.administrator, { userId: staff.administrator.actor.id, role: 'editor' }))).toBe('FORBIDDEN');
    expect(await codeOf(call('staff.setSuspended', staff.administrator, { userId: staff.owner.actor.id, suspended: true }))).toBe('FORBIDDEN');
  });
});
