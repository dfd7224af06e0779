import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, assignableRoles, can, canChangeRole, canManageUser, type Action, type Grant } from './permissions.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * The whole matrix, written out by hand from the product rules, so a change to permissions.ts that
 * is not also made here fails. Columns: contributor, author, editor, administrator, owner.
 */
const EXPECTED: Record<Action, [Grant, Grant, Grant, Grant, Grant]> = {
  'article.create': ['any', 'any', 'any', 'any', 'any'],
  'article.read': ['own', 'own', 'any', 'any', 'any'],
  'article.update': ['own', 'own', 'any', 'any', 'any'],
  'article.delete': ['own', 'own', 'any', 'any', 'any'],
  'article.submitForReview': ['own', 'own', 'any', 'any', 'any'],
  'article.publish': ['none', 'own', 'any', 'any', 'any'],
  'article.schedule': ['none', 'own', 'any', 'any', 'any'],
  'article.unpublish': ['none', 'own', 'any', 'any', 'any'],
  'article.archive': ['none', 'own', 'any', 'any', 'any'],
  'media.upload': ['any', 'any', 'any', 'any', 'any'],
  'media.read': ['any', 'any', 'any', 'any', 'any'],
  'media.update': ['own', 'own', 'any', 'any', 'any'],
  'media.delete': ['own', 'own', 'any', 'any', 'any'],
  'tag.create': ['none', 'any', 'any', 'any', 'any'],
  'section.manage': ['none', 'none', 'any', 'any', 'any'],
  'staff.list': ['any', 'any', 'any', 'any', 'any'],
  'staff.invite': ['none', 'none', 'any', 'any', 'any'],
  'staff.changeRole': ['none', 'none', 'any', 'any', 'any'],
  'staff.suspend': ['none', 'none', 'any', 'any', 'any'],
  'ownership.transfer': ['none', 'none', 'none', 'none', 'any'],
  'settings.read': ['none', 'none', 'none', 'any', 'any'],
  'settings.update': ['none', 'none', 'none', 'any', 'any'],
  'audit.read': ['none', 'none', 'none', 'any', 'any'],
  'redirect.manage': ['none', 'none', 'any', 'any', 'any'],
  'data.export': ['none', 'none', 'none', 'any', 'any'],
  'data.import': ['none', 'none', 'none', 'any', 'any'],
};

const actor = (role: Role, id = `${role}-id`) => ({ id, role });

describe('permission matrix', () => {
  it('lists every action exactly once', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    ROLES.forEach((role, column) => {
      const grant = EXPECTED[action][column]!;
      it(`${role} → ${action}: ${grant}`, () => {
        expect(PERMISSIONS[role][action]).toBe(grant);
        const me = actor(role);
        expect(can(me, action, [me.id])).toBe(grant !== 'none');
        expect(can(me, action, ['someone-else'])).toBe(grant === 'any');
      });
    });
  }
});

describe('managing staff', () => {
  it('lets editors manage only authors and contributors', () => {
    expect(assignableRoles(actor('editor'))).toEqual(['contributor', 'author']);
    expect(canChangeRole(actor('editor'), actor('contributor'), 'author')).toBe(true);
    expect(canChangeRole(actor('editor'), actor('author'), 'editor')).toBe(false);
    expect(canManageUser(actor('editor'), actor('administrator'))).toBe(false);
  });

  it('never lets anyone change their own role or the owner', () => {
    for (const role of ROLES) {
      const me = actor(role, 'me');
      for (const next of ROLES) expect(canChangeRole(me, me, next)).toBe(false);
      expect(canChangeRole(me, actor('owner'), 'administrator')).toBe(false);
      expect(canManageUser(me, actor('owner'))).toBe(false);
    }
  });

  it('lets only the owner make administrators; nobody makes an owner by role change', () => {
    expect(canChangeRole(actor('owner'), actor('editor'), 'administrator')).toBe(true);
    expect(canChangeRole(actor('administrator'), actor('editor'), 'administrator')).toBe(false);
    expect(canChangeRole(actor('owner'), actor('administrator'), 'owner')).toBe(false);
  });

  it('gives contributors and authors no staff powers', () => {
    expect(assignableRoles(actor('contributor'))).toEqual([]);
    expect(assignableRoles(actor('author'))).toEqual([]);
  });
});
