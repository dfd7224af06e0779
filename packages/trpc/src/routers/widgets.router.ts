import {
  UpdateWidgetsConfigInputSchema,
  WidgetsAdminViewSchema,
  WidgetsConfigSchema,
} from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

/** Weather and Live Markets, for administrators: what to fetch and from where. Readers see `reader.widgets`. */
export const widgetsRouter = router({
  getConfig: staffProcedure
    .meta({ permission: 'settings.read' })
    .output(WidgetsAdminViewSchema)
    .query(({ ctx }) => ctx.services.widgets.getConfig(ctx.staff)),

  updateConfig: staffProcedure
    .meta({ permission: 'settings.update' })
    .input(UpdateWidgetsConfigInputSchema)
    .output(WidgetsConfigSchema)
    .mutation(({ ctx, input }) => ctx.services.widgets.updateConfig(ctx.staff, input)),

  /** Fetches from both providers now and says what was stored and what failed. */
  refreshNow: staffProcedure
    .meta({ permission: 'settings.update' })
    .mutation(({ ctx }) => ctx.services.widgets.refreshNow(ctx.staff)),
});
