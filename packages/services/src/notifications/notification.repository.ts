import { sql, type Database, type Kysely } from '@newsroom/db';
import { ROLES, roleRank, type Role } from '@newsroom/domain';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  entityType: string | null;
  entityId: string | null;
  /** The least role that sees it. */
  audienceRole: Role;
  createdAt: Date;
}

/** Writes one notification. Pass the transaction making the change it tells of. */
export function insertNotification(db: Kysely<Database>, n: NewNotification) {
  return db
    .insertInto('notifications')
    .values({
      kind: n.kind,
      title: n.title,
      body: n.body,
      entity_type: n.entityType,
      entity_id: n.entityId,
      audience_role: n.audienceRole,
      created_at: n.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The audience roles a member of `role` belongs to: theirs and every one ranked below it. */
function audiencesOf(role: Role): Role[] {
  return ROLES.filter((r) => roleRank(r) <= roleRank(role));
}

/** Newest first, each with whether `userId` has read it. */
export function listNotificationsFor(db: Kysely<Database>, user: { id: string; role: Role }, limit: number) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) => join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', user.id))
    .select(['n.id', 'n.created_at', 'n.kind', 'n.title', 'n.body', 'n.entity_type', 'n.entity_id', sql<boolean>`r.user_id IS NOT NULL`.as('read')])
    .where('n.audience_role', 'in', audiencesOf(user.role))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnreadFor(db: Kysely<Database>, user: { id: string; role: Role }): Promise<number> {
  const row = await db
    .selectFrom('notifications as n')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('n.audience_role', 'in', audiencesOf(user.role))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('notification_reads as r').select('r.user_id').whereRef('r.notification_id', '=', 'n.id').where('r.user_id', '=', user.id))),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one notification read for `user`, if they may see it; false when there is no such one for them. */
export async function markNotificationRead(db: Kysely<Database>, id: string, user: { id: string; role: Role }, at: Date): Promise<boolean> {
  const visible = await db.selectFrom('notifications').select('id').where('id', '=', id).where('audience_role', 'in', audiencesOf(user.role)).executeTakeFirst();
  if (!visible) return false;
  await db
    .insertInto('notification_reads')
    .values({ notification_id: id, user_id: user.id, read_at: at })
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
  return true;
}

/** Marks every notification `user` can see read. */
export async function markAllNotificationsRead(db: Kysely<Database>, user: { id: string; role: Role }, at: Date): Promise<void> {
  await db
    .insertInto('notification_reads')
    .columns(['notification_id', 'user_id', 'read_at'])
    .expression((eb) =>
      eb
        .selectFrom('notifications')
        .select(['id', sql<string>`${user.id}::uuid`.as('user_id'), sql<Date>`${at}::timestamptz`.as('read_at')])
        .where('audience_role', 'in', audiencesOf(user.role)),
    )
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .execute();
}
