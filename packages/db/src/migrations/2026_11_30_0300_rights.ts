import { sql, type Kysely } from 'kysely';

// Frozen: this migration describes the schema change of 2026-11-30 for rights enforcement (licence expiry
// notifications for staff). Change the schema with a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Messages for staff from the system (a licence ran out, a scheduled publish was stopped). Each is for
  // every signed-in member whose role ranks at least `audience_role`.
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      entity_type text,
      entity_id text,
      audience_role text NOT NULL CHECK (audience_role IN ('contributor', 'author', 'editor', 'administrator', 'owner'))
    )`.execute(db);
  await sql`CREATE INDEX notifications_created_idx ON notifications (created_at DESC, id DESC)`.execute(db);

  // Who has read which; a row per reader, so one person reading does not mark it read for the others.
  await sql`
    CREATE TABLE notification_reads (
      notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notification_id, user_id)
    )`.execute(db);
  await sql`CREATE INDEX notification_reads_user_idx ON notification_reads (user_id, notification_id)`.execute(db);

  // The rights page lists withdrawn images, newest takedown first.
  await sql`CREATE INDEX media_withdrawn_idx ON media (withdrawn_at DESC, id DESC) WHERE withdrawn_at IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX media_withdrawn_idx`.execute(db);
  await sql`DROP TABLE notification_reads`.execute(db);
  await sql`DROP TABLE notifications`.execute(db);
}
