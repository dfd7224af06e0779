import { sql, type Kysely } from 'kysely';

// Frozen: this migration describes the schema as it was on 2026-11-30. Change the schema with a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE media (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      storage_key text NOT NULL UNIQUE,
      original_filename text NOT NULL DEFAULT '',
      mime_type text NOT NULL,
      bytes integer NOT NULL CHECK (bytes >= 0),
      width integer,
      height integer,
      alt_text text NOT NULL DEFAULT '',
      caption text NOT NULL DEFAULT '',
      creator text,
      credit text,
      copyright_holder text,
      license_code text,
      license_url text,
      license_expires_at timestamptz,
      usage_notes text NOT NULL DEFAULT '',
      variants jsonb NOT NULL DEFAULT '[]',
      uploaded_by uuid,
      withdrawn_at timestamptz,
      withdrawn_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      search tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(alt_text, '') || ' ' || coalesce(caption, '') || ' ' || coalesce(credit, '') || ' ' || coalesce(original_filename, ''))
      ) STORED
    )`.execute(db);
  await sql`CREATE INDEX media_created_at_idx ON media (created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX media_search_idx ON media USING gin (search)`.execute(db);
  await sql`CREATE INDEX media_license_expires_idx ON media (license_expires_at) WHERE license_expires_at IS NOT NULL AND withdrawn_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      name text NOT NULL,
      slug text NOT NULL UNIQUE,
      role text NOT NULL CHECK (role IN ('contributor', 'author', 'editor', 'administrator', 'owner')),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'invited')),
      password_hash text,
      bio text NOT NULL DEFAULT '',
      photo_media_id uuid REFERENCES media (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz,
      password_changed_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`.execute(db);
  // There is exactly one owner; the database holds that line even if a bug in the code does not.
  await sql`CREATE UNIQUE INDEX users_single_owner ON users ((role)) WHERE role = 'owner'`.execute(db);
  await sql`ALTER TABLE media ADD CONSTRAINT media_uploaded_by_fkey FOREIGN KEY (uploaded_by) REFERENCES users (id) ON DELETE SET NULL`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`.execute(db);

  await sql`
    CREATE TABLE user_tokens (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL CHECK (purpose IN ('invite', 'password_reset')),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX user_tokens_user_idx ON user_tokens (user_id)`.execute(db);

  await sql`
    CREATE TABLE rate_limits (
      key text PRIMARY KEY,
      window_started_at timestamptz NOT NULL,
      hits integer NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE publication_settings (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      logo_media_id uuid REFERENCES media (id) ON DELETE SET NULL,
      logo_alt text NOT NULL DEFAULT '',
      icon_media_id uuid REFERENCES media (id) ON DELETE SET NULL,
      accent_color text NOT NULL,
      navigation jsonb NOT NULL DEFAULT '{"header": [], "footer": []}',
      copyright_template text NOT NULL,
      default_license jsonb NOT NULL,
      time_zone text NOT NULL DEFAULT 'UTC',
      language text NOT NULL DEFAULT 'en',
      social jsonb NOT NULL DEFAULT '{}',
      rights_enforcement text NOT NULL DEFAULT 'warn' CHECK (rights_enforcement IN ('block', 'warn')),
      default_share_media_id uuid REFERENCES media (id) ON DELETE SET NULL,
      integrations jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users (id) ON DELETE SET NULL
    )`.execute(db);

  await sql`
    CREATE TABLE sections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      slug text NOT NULL UNIQUE,
      description text NOT NULL DEFAULT '',
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE tags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      slug text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE guest_authors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      slug text NOT NULL UNIQUE,
      bio text NOT NULL DEFAULT '',
      photo_media_id uuid REFERENCES media (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE articles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE,
      headline text NOT NULL,
      dek text NOT NULL DEFAULT '',
      body jsonb NOT NULL,
      body_text text NOT NULL DEFAULT '',
      word_count integer NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'unpublished', 'archived')),
      section_id uuid REFERENCES sections (id) ON DELETE SET NULL,
      featured_media_id uuid REFERENCES media (id) ON DELETE SET NULL,
      social_media_id uuid REFERENCES media (id) ON DELETE SET NULL,
      seo_title text,
      seo_description text,
      canonical_url text,
      copyright_holder text,
      copyright_year integer,
      license_code text,
      syndication_allowed boolean NOT NULL DEFAULT false,
      rights_notes text NOT NULL DEFAULT '',
      version integer NOT NULL DEFAULT 1,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      first_published_at timestamptz,
      scheduled_at timestamptz,
      unpublished_at timestamptz,
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(dek, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body_text, '')), 'C')
      ) STORED
    )`.execute(db);
  await sql`CREATE INDEX articles_search_idx ON articles USING gin (search)`.execute(db);
  await sql`CREATE INDEX articles_updated_idx ON articles (updated_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX articles_status_updated_idx ON articles (status, updated_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX articles_published_idx ON articles (published_at DESC, id DESC) WHERE status = 'published'`.execute(db);
  await sql`CREATE INDEX articles_section_published_idx ON articles (section_id, published_at DESC, id DESC) WHERE status = 'published'`.execute(db);
  await sql`CREATE INDEX articles_scheduled_idx ON articles (scheduled_at) WHERE status = 'scheduled'`.execute(db);

  await sql`
    CREATE TABLE article_authors (
      article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      position smallint NOT NULL,
      user_id uuid REFERENCES users (id) ON DELETE RESTRICT,
      guest_author_id uuid REFERENCES guest_authors (id) ON DELETE RESTRICT,
      PRIMARY KEY (article_id, position),
      CHECK ((user_id IS NULL) <> (guest_author_id IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX article_authors_user_idx ON article_authors (user_id, article_id)`.execute(db);
  await sql`CREATE INDEX article_authors_guest_idx ON article_authors (guest_author_id, article_id)`.execute(db);

  await sql`
    CREATE TABLE article_tags (
      article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      position smallint NOT NULL DEFAULT 0,
      PRIMARY KEY (article_id, tag_id)
    )`.execute(db);
  await sql`CREATE INDEX article_tags_tag_idx ON article_tags (tag_id, article_id)`.execute(db);

  await sql`
    CREATE TABLE revisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      article_version integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('autosave', 'save', 'status', 'restore', 'conflict')),
      headline text NOT NULL,
      dek text NOT NULL,
      body jsonb NOT NULL,
      status text NOT NULL,
      note text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX revisions_article_idx ON revisions (article_id, created_at DESC)`.execute(db);

  await sql`
    CREATE TABLE corrections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('correction', 'update')),
      text text NOT NULL,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX corrections_article_idx ON corrections (article_id, created_at)`.execute(db);
  await sql`CREATE INDEX corrections_created_idx ON corrections (created_at DESC)`.execute(db);

  await sql`
    CREATE TABLE redirects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      from_path text NOT NULL UNIQUE,
      to_path text NOT NULL,
      status_code smallint NOT NULL DEFAULT 301 CHECK (status_code IN (301, 302, 307, 308)),
      article_id uuid REFERENCES articles (id) ON DELETE CASCADE,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
      actor_label text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      before jsonb,
      after jsonb,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC)`.execute(db);

  await sql`
    CREATE TABLE article_presence (
      article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      seen_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (article_id, user_id)
    )`.execute(db);

  await sql`
    CREATE TABLE provider_snapshots (
      provider text NOT NULL,
      key text NOT NULL,
      data jsonb NOT NULL,
      observed_at timestamptz NOT NULL,
      fetched_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (provider, key)
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'provider_snapshots',
    'article_presence',
    'audit_log',
    'redirects',
    'corrections',
    'revisions',
    'article_tags',
    'article_authors',
    'articles',
    'guest_authors',
    'tags',
    'sections',
    'publication_settings',
    'rate_limits',
    'user_tokens',
    'sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`ALTER TABLE media DROP CONSTRAINT media_uploaded_by_fkey`.execute(db);
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('media').execute();
}
