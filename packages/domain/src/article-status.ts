import { z } from 'zod';
import { DomainError } from './errors.ts';
import type { Action } from './permissions.ts';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished', 'archived'] as const;
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;

/** Each allowed move between states, and the permission that move needs. */
const TRANSITIONS: Record<ArticleStatus, Partial<Record<ArticleStatus, Action>>> = {
  draft: { in_review: 'article.submitForReview', scheduled: 'article.schedule', published: 'article.publish', archived: 'article.archive' },
  in_review: { draft: 'article.submitForReview', scheduled: 'article.schedule', published: 'article.publish', archived: 'article.archive' },
  scheduled: { draft: 'article.schedule', scheduled: 'article.schedule', published: 'article.publish' },
  published: { unpublished: 'article.unpublish', archived: 'article.archive' },
  unpublished: { draft: 'article.update', published: 'article.publish', archived: 'article.archive' },
  archived: { draft: 'article.archive' },
};

/** The permission a transition needs, or a DomainError when the move is not allowed at all. */
export function transitionAction(from: ArticleStatus, to: ArticleStatus): Action {
  const action = TRANSITIONS[from][to];
  if (!action) {
    throw new DomainError('INVALID_TRANSITION', `An article cannot move from ${from} to ${to}.`, { field: 'status' });
  }
  return action;
}

export function allowedTransitions(from: ArticleStatus): ArticleStatus[] {
  return Object.keys(TRANSITIONS[from]) as ArticleStatus[];
}

/** Statuses whose articles readers may see (scheduled ones only once their time has come and the job ran). */
export const PUBLIC_STATUSES: readonly ArticleStatus[] = ['published'];
