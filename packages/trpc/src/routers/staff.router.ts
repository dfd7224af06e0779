import { z } from 'zod';
import {
  CreateGuestAuthorInputSchema,
  CreatePasswordResetInputSchema,
  InviteStaffInputSchema,
  RoleSchema,
  StaffListInputSchema,
  UpdateProfileInputSchema,
} from '@newsroom/domain';
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

  /** Makes an invited account and its single-use link (7 days), emailed when SMTP is set up. */
  invite: staffProcedure
    .meta({ permission: 'staff.invite' })
    .input(InviteStaffInputSchema)
    .mutation(({ ctx, input }) => ctx.services.accounts.invite(ctx.staff, input)),

  /** A single-use password-reset link (1 hour) for someone the caller manages. */
  createPasswordReset: staffProcedure
    .meta({ permission: 'staff.suspend' })
    .input(CreatePasswordResetInputSchema)
    .mutation(({ ctx, input }) => ctx.services.accounts.createPasswordReset(ctx.staff, input)),

  /** One's own profile, or that of someone one manages (checked in the service). */
  updateProfile: staffProcedure
    .meta({ permission: 'signed-in' })
    .input(UpdateProfileInputSchema)
    .mutation(({ ctx, input }) => ctx.services.profiles.updateProfile(ctx.staff, input)),

  createGuestAuthor: staffProcedure
    .meta({ permission: 'staff.invite' })
    .input(CreateGuestAuthorInputSchema)
    .mutation(({ ctx, input }) => ctx.services.profiles.createGuestAuthor(ctx.staff, input)),

  guestAuthors: staffProcedure.meta({ permission: 'staff.list' }).query(({ ctx }) => ctx.services.profiles.guestAuthors(ctx.staff)),
});
