import { z } from 'zod';

/** Roles from least to most powerful; the order is the rank. */
export const ROLES = ['contributor', 'author', 'editor', 'administrator', 'owner'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  contributor: 'Contributor',
  author: 'Author',
  editor: 'Editor',
  administrator: 'Administrator',
  owner: 'Owner',
};

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}
