import { DomainError } from './errors.ts';
import { ROLES, type Role } from './roles.ts';

/**
 * Everything a signed-in staff member can ask the server to do. Every editorial procedure names one of
 * these; the server checks it with `assertCan` and the dashboard hides what `can` refuses.
 */
export const ACTIONS = [
  'article.create',
  'article.read',
  'article.update',
  'article.delete',
  'article.submitForReview',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.archive',
  'media.upload',
  'media.read',
  'media.update',
  'media.delete',
  'tag.create',
  'section.manage',
  'staff.list',
  'staff.invite',
  'staff.changeRole',
  'staff.suspend',
  'ownership.transfer',
  'settings.read',
  'settings.update',
  'audit.read',
  'redirect.manage',
  'data.export',
  'data.import',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * `any`: on every record. `own`: only on records the actor owns (an article they author, media they
 * uploaded). `none`: refused.
 */
export type Grant = 'any' | 'own' | 'none';

const contributor: Record<Action, Grant> = {
  'article.create': 'any',
  'article.read': 'own',
  'article.update': 'own',
  'article.delete': 'own',
  'article.submitForReview': 'own',
  'article.publish': 'none',
  'article.schedule': 'none',
  'article.unpublish': 'none',
  'article.archive': 'none',
  'media.upload': 'any',
  'media.read': 'any',
  'media.update': 'own',
  'media.delete': 'own',
  'tag.create': 'none',
  'section.manage': 'none',
  'staff.list': 'any',
  'staff.invite': 'none',
  'staff.changeRole': 'none',
  'staff.suspend': 'none',
  'ownership.transfer': 'none',
  'settings.read': 'none',
  'settings.update': 'none',
  'audit.read': 'none',
  'redirect.manage': 'none',
  'data.export': 'none',
  'data.import': 'none',
};

const author: Record<Action, Grant> = {
  ...contributor,
  'article.publish': 'own',
  'article.schedule': 'own',
  'article.unpublish': 'own',
  'article.archive': 'own',
  'tag.create': 'any',
};

const editor: Record<Action, Grant> = {
  ...author,
  'article.read': 'any',
  'article.update': 'any',
  'article.delete': 'any',
  'article.submitForReview': 'any',
  'article.publish': 'any',
  'article.schedule': 'any',
  'article.unpublish': 'any',
  'article.archive': 'any',
  'media.update': 'any',
  'media.delete': 'any',
  'section.manage': 'any',
  'staff.invite': 'any',
  'staff.changeRole': 'any',
  'staff.suspend': 'any',
  'redirect.manage': 'any',
};

const administrator: Record<Action, Grant> = {
  ...editor,
  'settings.read': 'any',
  'settings.update': 'any',
  'audit.read': 'any',
  'data.export': 'any',
  'data.import': 'any',
};

const owner: Record<Action, Grant> = { ...administrator, 'ownership.transfer': 'any' };

/** The permission matrix: the one place that says who may do what. */
export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<Action, Grant>>>> = {
  contributor,
  author,
  editor,
  administrator,
  owner,
};

export interface Actor {
  id: string;
  role: Role;
}

/**
 * May `actor` do `action`? Pass `ownerIds` (the users who own the record: an article's authors, an image's
 * uploader) when the action is on an existing record; leave it out to ask "on at least their own records".
 */
export function can(actor: Actor, action: Action, ownerIds?: readonly string[]): boolean {
  const grant = PERMISSIONS[actor.role][action];
  if (grant === 'any') return true;
  if (grant === 'none') return false;
  return ownerIds === undefined || ownerIds.includes(actor.id);
}

export function assertCan(actor: Actor, action: Action, ownerIds?: readonly string[]): void {
  if (!can(actor, action, ownerIds)) {
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) may not ${action}.`);
  }
}

/**
 * Which roles `actor` may give to someone, or take someone out of. Editors manage authors and
 * contributors; administrators manage everyone below the owner; only the owner can make administrators
 * and hand over ownership (through `ownership.transfer`, not a role change).
 */
export function assignableRoles(actor: Actor): Role[] {
  if (!can(actor, 'staff.changeRole')) return [];
  switch (actor.role) {
    case 'editor':
      return ['contributor', 'author'];
    case 'administrator':
      return ['contributor', 'author', 'editor'];
    case 'owner':
      return ['contributor', 'author', 'editor', 'administrator'];
    default:
      return [];
  }
}

/** May `actor` change `target` from its current role to `nextRole`? Nobody changes their own role. */
export function canChangeRole(actor: Actor, target: Actor, nextRole: Role): boolean {
  if (actor.id === target.id) return false;
  if (target.role === 'owner' || nextRole === 'owner') return false;
  const allowed = assignableRoles(actor);
  return allowed.includes(target.role) && allowed.includes(nextRole);
}

/** May `actor` suspend, restore or otherwise manage the account `target`? */
export function canManageUser(actor: Actor, target: Actor): boolean {
  if (actor.id === target.id || target.role === 'owner') return false;
  if (!can(actor, 'staff.suspend')) return false;
  return assignableRoles(actor).includes(target.role);
}

export { ROLES };
