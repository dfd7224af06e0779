import { z } from 'zod';
import { RoleSchema, StaffListInputSchema } from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

export const staffRouter = router({
  list: staffProcedure
    .meta({ permission: 'staff.list' })
    .input(StaffListInputSchema)
    .query(({ ctx, input }) => ctx.services.users.list(ctx.staff, input)),

  changeRole: staffProcedure
    .meta({ permission: 'staff.changeRole' })
    .input(z.object({ userId: z.uuid(), role: RoleSchema }))
    .mutation(({ ctx, input }) => ctx.services.users.changeRole(ctx.staff, input)),

  setSuspended: staffProcedure
    .meta({ permission: 'staff.suspend' })
    .input(z.object({ userId: z.uuid(), suspended: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.services.users.setSuspended(ctx.staff, input)),

  transferOwnership: staffProcedure
    .meta({ permission: 'ownership.transfer' })
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => ctx.services.users.transferOwnership(ctx.staff, input)),
});
