import { ChangePasswordInputSchema, LoginInputSchema, PERMISSIONS, assignableRoles } from '@newsroom/domain';
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
});
