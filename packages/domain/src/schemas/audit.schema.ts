import { z } from 'zod';

/** Audit actions and entity types are dotted lower-case words (`user.role_changed`, `settings`). */
const AuditWordSchema = z
  .string()
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/, 'must be lower-case words joined by dots or underscores');

/** The filters the audit log accepts: only these, checked, never passed to SQL as names. */
export const AuditFilterSchema = z
  .object({
    action: AuditWordSchema.optional(),
    entityType: AuditWordSchema.optional(),
    actorId: z.uuid().optional(),
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .refine((f) => !(f.from && f.to && f.from > f.to), { message: 'must not be before from', path: ['to'] });
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AUDIT_PAGE_MAX = 200;

export const AuditListInputSchema = z
  .object({
    action: AuditWordSchema.optional(),
    entityType: AuditWordSchema.optional(),
    actorId: z.uuid().optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    /** Opaque: the `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1, 'must be at least 1').max(AUDIT_PAGE_MAX, `must be at most ${AUDIT_PAGE_MAX}`).default(50),
  })
  .refine((f) => !(f.from && f.to && f.from > f.to), { message: 'must not be before from', path: ['to'] });
export type AuditListInput = z.input<typeof AuditListInputSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
