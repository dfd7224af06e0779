import { AuditFilterSchema, AuditListInputSchema } from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

export const auditRouter = router({
  /** Newest first, in keyset pages; filters are checked values on fixed columns. */
  list: staffProcedure
    .meta({ permission: 'audit.read' })
    .input(AuditListInputSchema)
    .query(({ ctx, input }) => ctx.services.audit.list(ctx.staff, input)),

  facets: staffProcedure.meta({ permission: 'audit.read' }).query(({ ctx }) => ctx.services.audit.facets(ctx.staff)),

  /** The filtered log as CSV text, formulas neutralised, for the dashboard to offer as a download. */
  exportCsv: staffProcedure
    .meta({ permission: 'audit.read' })
    .input(AuditFilterSchema)
    .query(({ ctx, input }) => ctx.services.audit.exportCsv(ctx.staff, input)),
});
