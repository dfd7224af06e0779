import { z } from 'zod';

/** Kinds of message the system leaves for staff. */
export const NOTIFICATION_KINDS = ['media.licence_expired', 'article.publish_blocked'] as const;

/** A message for staff, as the signed-in member sees it. Text is plain: escape it wherever it is shown. */
export const StaffNotificationSchema = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Whether this member has read it. */
  read: z.boolean(),
});
export type StaffNotification = z.infer<typeof StaffNotificationSchema>;

export const NotificationListSchema = z.object({
  /** Newest first, at most NOTIFICATION_LIST_MAX. */
  items: z.array(StaffNotificationSchema),
  /** Unread messages for this member, counted over all of them, not only those listed. */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NOTIFICATION_LIST_MAX = 50;

export const MarkNotificationReadInputSchema = z.object({ id: z.uuid() });
export type MarkNotificationReadInput = z.infer<typeof MarkNotificationReadInputSchema>;
