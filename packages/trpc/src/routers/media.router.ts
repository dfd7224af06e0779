import { MediaIdInputSchema, MediaListInputSchema, UpdateMediaInputSchema } from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

/** The media library. Uploads come as raw bytes to POST /api/media (apps/api), not through tRPC. */
export const mediaRouter = router({
  list: staffProcedure
    .meta({ permission: 'media.read' })
    .input(MediaListInputSchema)
    .query(({ ctx, input }) => ctx.services.media.list(ctx.staff, input)),

  get: staffProcedure
    .meta({ permission: 'media.read' })
    .input(MediaIdInputSchema)
    .query(({ ctx, input }) => ctx.services.media.get(ctx.staff, input.id)),

  usage: staffProcedure
    .meta({ permission: 'media.read' })
    .input(MediaIdInputSchema)
    .query(({ ctx, input }) => ctx.services.media.usage(ctx.staff, input.id)),

  /** Own or any image, by role; the service checks the uploader. */
  update: staffProcedure
    .meta({ permission: 'media.update' })
    .input(UpdateMediaInputSchema)
    .mutation(({ ctx, input }) => ctx.services.media.update(ctx.staff, input)),

  delete: staffProcedure
    .meta({ permission: 'media.delete' })
    .input(MediaIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.media.delete(ctx.staff, input.id)),

  /** Licences running out in the next 30 days, or already run out, with where each image is used. */
  rightsReport: staffProcedure.meta({ permission: 'media.read' }).query(({ ctx }) => ctx.services.media.rightsReport(ctx.staff)),
});
