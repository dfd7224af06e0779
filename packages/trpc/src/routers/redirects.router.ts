import { z } from 'zod';
import { CreateRedirectInputSchema, RedirectListInputSchema } from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

export const redirectsRouter = router({
  list: staffProcedure
    .meta({ permission: 'redirect.manage' })
    .input(RedirectListInputSchema)
    .query(({ ctx, input }) => ctx.services.redirects.list(ctx.staff, input)),

  create: staffProcedure
    .meta({ permission: 'redirect.manage' })
    .input(CreateRedirectInputSchema)
    .mutation(({ ctx, input }) => ctx.services.redirects.create(ctx.staff, input)),

  remove: staffProcedure
    .meta({ permission: 'redirect.manage' })
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => ctx.services.redirects.remove(ctx.staff, input)),
});
