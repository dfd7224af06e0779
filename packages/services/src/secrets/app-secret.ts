import { randomBytes } from 'node:crypto';
import type { Database, Kysely } from '@newsroom/db';

const APP_SECRET_KEY = 'app';

/**
 * The signing secret when APP_SECRET is not set: made on the first start and kept in the database, so
 * every process sharing it signs and checks with the same one. Safe when several start at once: the
 * first insert wins and everyone reads that.
 */
export async function loadOrCreateSecret(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('app_secrets')
    .values({ key: APP_SECRET_KEY, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('app_secrets')
    .select('value')
    .where('key', '=', APP_SECRET_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}
