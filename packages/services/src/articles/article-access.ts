import type { ArticleRow, Database, Kysely } from '@newsroom/db';
import { DomainError, assertCan, can, type Action } from '@newsroom/domain';
import type { StaffContext } from '../context.ts';
import { findArticleById, findArticleOwnerIds } from './article.repository.ts';

/**
 * The article `id` if the actor may do `action` on it. Someone who may not even read it learns nothing
 * about it, not even that it exists: they get ARTICLE_NOT_FOUND, as for a missing one.
 */
export async function loadArticleFor(
  db: Kysely<Database>,
  ctx: StaffContext,
  id: string,
  action: Action,
): Promise<ArticleRow> {
  const row = await findArticleById(db, id);
  if (!row) throw new DomainError('ARTICLE_NOT_FOUND', 'No such article.', { field: 'id' });
  const owners = await findArticleOwnerIds(db, row.id, row.created_by);
  if (!can(ctx.actor, 'article.read', owners))
    throw new DomainError('ARTICLE_NOT_FOUND', 'No such article.', { field: 'id' });
  assertCan(ctx.actor, action, owners);
  return row;
}

/** Does the actor hold `action` on every article, not just their own? */
export function canOnAny(ctx: StaffContext, action: Action): boolean {
  return can(ctx.actor, action, []);
}
