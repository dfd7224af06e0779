import { DomainError, MarkNotificationReadInputSchema, NOTIFICATION_LIST_MAX, type MarkNotificationReadInput, type NotificationList } from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { countUnreadFor, listNotificationsFor, markAllNotificationsRead, markNotificationRead } from './notification.repository.ts';

/**
 * Messages the system leaves for staff (a licence ran out, a scheduled publish was stopped). Each is for a
 * least role and everyone above it; each member reads and marks their own. Writing them is
 * `insertNotification`, in the transaction of the change they tell of.
 */
export function createNotificationService(deps: ServiceDeps) {
  const { db, clock } = deps;

  return {
    /** The signed-in member's notifications, newest first, and how many they have not read. */
    async list(ctx: StaffContext): Promise<NotificationList> {
      const [rows, unread] = await Promise.all([listNotificationsFor(db, ctx.actor, NOTIFICATION_LIST_MAX), countUnreadFor(db, ctx.actor)]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          createdAt: r.created_at,
          kind: r.kind,
          title: r.title,
          body: r.body,
          entityType: r.entity_type,
          entityId: r.entity_id,
          read: Boolean(r.read),
        })),
        unread,
      };
    },

    async markRead(ctx: StaffContext, input: MarkNotificationReadInput): Promise<{ id: string }> {
      const { id } = MarkNotificationReadInputSchema.parse(input);
      if (!(await markNotificationRead(db, id, ctx.actor, clock()))) {
        throw new DomainError('NOT_FOUND', 'No such notification.', { field: 'id' });
      }
      return { id };
    },

    async markAllRead(ctx: StaffContext): Promise<{ ok: true }> {
      await markAllNotificationsRead(db, ctx.actor, clock());
      return { ok: true };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
