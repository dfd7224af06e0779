import type { Presence } from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { loadArticleFor } from './article-access.ts';
import { findPresentUsers, removePresence, touchPresence } from './presence.repository.ts';

/** Someone counts as having the article open for this long after their last heartbeat. */
export const PRESENCE_WINDOW_MS = 60_000;

/** Who else has an article open: the editor sends a heartbeat while open, and leave when closed. */
export function createPresenceService(deps: ServiceDeps) {
  const { db, clock } = deps;
  return {
    async heartbeat(ctx: StaffContext, articleId: string): Promise<Presence> {
      const article = await loadArticleFor(db, ctx, articleId, 'article.read');
      const now = clock();
      await touchPresence(db, article.id, ctx.actor.id, now);
      const others = await findPresentUsers(
        db,
        article.id,
        ctx.actor.id,
        new Date(now.getTime() - PRESENCE_WINDOW_MS),
      );
      return {
        others: others.map((u) => ({ id: u.id, name: u.name, seenAt: u.seen_at })),
        version: article.version,
      };
    },

    /** Removes only the caller's own mark, so it needs no access check beyond being signed in. */
    async leave(ctx: StaffContext, articleId: string): Promise<void> {
      await removePresence(db, articleId, ctx.actor.id);
    },
  };
}

export type PresenceService = ReturnType<typeof createPresenceService>;
