import { sql, type Kysely } from 'kysely';

// Frozen: this migration describes the schema change of 2026-11-30 for the editorial article list: every
// sort it offers, in both directions, read as one index range per page. Change the schema with a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Sort by created or by headline; each index is read forwards or backwards for the two directions.
  await sql`CREATE INDEX articles_created_idx ON articles (created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX articles_headline_idx ON articles (headline, id)`.execute(db);
  // Sort by published, over every status and within one. The list reads the rows with a date and those
  // without (drafts) as two ranges of the same index; with the status first, a status that has no dated
  // rows (or no undated ones) costs nothing, where the planner cannot know that from statistics.
  await sql`CREATE INDEX articles_published_at_idx ON articles (published_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX articles_status_published_at_idx ON articles (status, published_at DESC, id DESC)`.execute(
    db,
  );
  // "Their own articles" includes those the user created (the bylines have article_authors_user_idx).
  await sql`CREATE INDEX articles_created_by_idx ON articles (created_by)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX articles_created_by_idx`.execute(db);
  await sql`DROP INDEX articles_status_published_at_idx`.execute(db);
  await sql`DROP INDEX articles_published_at_idx`.execute(db);
  await sql`DROP INDEX articles_headline_idx`.execute(db);
  await sql`DROP INDEX articles_created_idx`.execute(db);
}
