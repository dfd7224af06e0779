import { MarkNotificationReadInputSchema } from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

/** The signed-in member's own notifications: each sees those meant for their role and the roles below. */
export const notificationsRouter = router({
  list: staffProcedure.meta({ permission: 'signed-in' }).query(({ ctx }) => ctx.services.notifications.list(ctx.staff)),

  markRead: staffProcedure
    .meta({ permission: 'signed-in' })
    .input(MarkNotificationReadInputSchema)
    .mutation(({ ctx, input }) => ctx.services.notifications.markRead(ctx.staff, input)),

  markAllRead: staffProcedure.meta({ permission: 'signed-in' }).mutation(({ ctx }) => ctx.services.notifications.markAllRead(ctx.staff)),
});
