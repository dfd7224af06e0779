import { sql, type Kysely } from 'kysely';

// Frozen: this migration describes the schema change of 2026-11-30 for the editorial dashboard
// (scheduling jobs, same-session saves, shared secrets). Change the schema with a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // The queued `article.publish-scheduled` job, so rescheduling can cancel it (correctness never depends on that).
  await sql`ALTER TABLE articles ADD COLUMN publish_job_id text`.execute(db);
  // Who wrote the current version from which editor session, and the version that run of saves started from:
  // later saves of the same session may be based on any version of the run without a conflict.
  await sql`ALTER TABLE articles ADD COLUMN updated_client_id text`.execute(db);
  await sql`ALTER TABLE articles ADD COLUMN client_run_base_version integer`.execute(db);
  await sql`ALTER TABLE revisions ADD COLUMN client_id text`.execute(db);
  await sql`CREATE INDEX revisions_autosave_idx ON revisions (article_id, created_by, created_at DESC) WHERE kind = 'autosave'`.execute(
    db,
  );

  await sql`
    CREATE TABLE app_secrets (
      key text PRIMARY KEY,
      value text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`CREATE INDEX tags_name_idx ON tags (lower(name))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX tags_name_idx`.execute(db);
  await sql`DROP TABLE app_secrets`.execute(db);
  await sql`DROP INDEX revisions_autosave_idx`.execute(db);
  await sql`ALTER TABLE revisions DROP COLUMN client_id`.execute(db);
  await sql`ALTER TABLE articles DROP COLUMN client_run_base_version`.execute(db);
  await sql`ALTER TABLE articles DROP COLUMN updated_client_id`.execute(db);
  await sql`ALTER TABLE articles DROP COLUMN publish_job_id`.execute(db);
}
