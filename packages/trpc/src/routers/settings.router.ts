import { z } from 'zod';
import { UpdateSettingsInputSchema } from '@newsroom/domain';
import { publicProcedure, router, staffProcedure } from '../trpc.ts';

export const settingsRouter = router({
  get: staffProcedure.meta({ permission: 'settings.read' }).query(({ ctx }) => ctx.services.settings.get(ctx.staff)),

  update: staffProcedure
    .meta({ permission: 'settings.update' })
    .input(UpdateSettingsInputSchema)
    .mutation(({ ctx, input }) => ctx.services.settings.update(ctx.staff, input)),

  /** Favicons, apple-touch-icon and manifest icons made from one image, which becomes the icon. */
  generateIcons: staffProcedure
    .meta({ permission: 'settings.update' })
    .input(z.object({ mediaId: z.uuid() }))
    .mutation(({ ctx, input }) => ctx.services.settings.generateIcons(ctx.staff, input)),

  /** Name, logo and colours for the dashboard's own chrome and login page: public anyway on the site. */
  branding: publicProcedure.query(({ ctx }) => ctx.services.settings.branding()),
});
