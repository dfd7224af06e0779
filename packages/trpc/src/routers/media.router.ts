import { MediaIdInputSchema, MediaListInputSchema, UpdateMediaInputSchema, WithdrawMediaInputSchema, WithdrawnMediaListInputSchema } from '@newsroom/domain';
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

  /** Takes an image off every public page at once (own or any image, by role), audited. */
  withdraw: staffProcedure
    .meta({ permission: 'media.update' })
    .input(WithdrawMediaInputSchema)
    .mutation(({ ctx, input }) => ctx.services.withdrawals.withdraw(ctx.staff, input)),

  /** Puts a withdrawn image back; refused while its licence has run out. */
  restore: staffProcedure
    .meta({ permission: 'media.update' })
    .input(MediaIdInputSchema)
    .mutation(({ ctx, input }) => ctx.services.withdrawals.restore(ctx.staff, input)),

  /** Withdrawn images, most recently withdrawn first. */
  withdrawn: staffProcedure
    .meta({ permission: 'media.read' })
    .input(WithdrawnMediaListInputSchema)
    .query(({ ctx, input }) => ctx.services.withdrawals.listWithdrawn(ctx.staff, input)),
});
