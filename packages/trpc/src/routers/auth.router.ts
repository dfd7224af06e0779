import {
  AcceptInviteInputSchema,
  ChangePasswordInputSchema,
  InviteDetailsInputSchema,
  LoginInputSchema,
  PERMISSIONS,
  RequestPasswordResetInputSchema,
  ResetPasswordInputSchema,
  assignableRoles,
} from '@newsroom/domain';
import { publicProcedure, router, staffProcedure } from '../trpc.ts';

export const authRouter = router({
  login: publicProcedure.input(LoginInputSchema).mutation(async ({ ctx, input }) => {
    const result = await ctx.services.auth.login(input, ctx.meta);
    ctx.setSessionCookie(result.token, result.expiresAt);
    return { user: result.user };
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.services.auth.logout(ctx.sessionToken);
    ctx.clearSessionCookie();
    return { ok: true as const };
  }),

  /** The signed-in staff member and what their role allows, or null. The dashboard shapes itself on this. */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.session) return null;
    const { actor } = ctx.session;
    return {
      user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role, slug: actor.slug },
      permissions: PERMISSIONS[actor.role],
      assignableRoles: assignableRoles(actor),
    };
  }),

  changePassword: staffProcedure
    .meta({ permission: 'signed-in' })
    .input(ChangePasswordInputSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await ctx.services.auth.changePassword(ctx.staff, input);
      ctx.setSessionCookie(session.token, session.expiresAt);
      return { ok: true as const };
    }),

  /**
   * Who an invite link is for; refused once used or expired. Public: the invitee has no session yet. A
   * mutation although it changes nothing, so the token travels in the body rather than in a logged URL.
   */
  inviteDetails: publicProcedure.input(InviteDetailsInputSchema).mutation(({ ctx, input }) => ctx.services.accounts.inviteDetails(input)),

  /** Sets name and password from an invite link, uses it up and signs the new colleague in. */
  acceptInvite: publicProcedure.input(AcceptInviteInputSchema).mutation(async ({ ctx, input }) => {
    const result = await ctx.services.accounts.acceptInvite(input, ctx.meta);
    ctx.setSessionCookie(result.token, result.expiresAt);
    return { user: result.user };
  }),

  /** Emails a reset link when the address is a staff member's; answers the same either way. Rate-limited. */
  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInputSchema)
    .mutation(({ ctx, input }) => ctx.services.accounts.requestPasswordReset(input, ctx.meta)),

  /** Sets a new password from a reset link; the link is used up and every session of the account ends. */
  resetPassword: publicProcedure
    .input(ResetPasswordInputSchema)
    .mutation(({ ctx, input }) => ctx.services.accounts.resetPassword(input, ctx.meta)),
});
