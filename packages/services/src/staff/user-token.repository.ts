import type { Database, Kysely } from '@newsroom/db';

export type TokenPurpose = 'invite' | 'password_reset';

export async function insertUserToken(
  db: Kysely<Database>,
  token: { tokenHash: string; userId: string; purpose: TokenPurpose; createdBy: string | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_tokens')
    .values({
      token_hash: token.tokenHash,
      user_id: token.userId,
      purpose: token.purpose,
      created_by: token.createdBy,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
    })
    .execute();
}

/** The unused, unexpired token with this hash and purpose, with its user, or undefined. */
export function findUsableToken(db: Kysely<Database>, tokenHash: string, purpose: TokenPurpose, now: Date) {
  return db
    .selectFrom('user_tokens')
    .innerJoin('users', 'users.id', 'user_tokens.user_id')
    .select(['user_tokens.token_hash', 'user_tokens.user_id', 'user_tokens.expires_at', 'users.email', 'users.name', 'users.role', 'users.status'])
    .where('user_tokens.token_hash', '=', tokenHash)
    .where('user_tokens.purpose', '=', purpose)
    .where('user_tokens.used_at', 'is', null)
    .where('user_tokens.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Marks a token used, if it still is usable, and returns its user id. One statement, so two requests with
 * the same link cannot both get through.
 */
export async function consumeToken(db: Kysely<Database>, tokenHash: string, purpose: TokenPurpose, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Retires every outstanding token of a user for a purpose: a new link replaces the old ones. */
export async function retireUserTokens(db: Kysely<Database>, userId: string, purpose: TokenPurpose, now: Date): Promise<void> {
  await db.updateTable('user_tokens').set({ used_at: now }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}
