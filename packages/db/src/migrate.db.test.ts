import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest, migrations } from './migrate.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function tableNames(): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%'
  `.execute(t.db);
  return rows.map((r) => r.table_name).sort();
}

describe('migrations', () => {
  it('have dated names in running order', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
  });

  it('create the whole model and run down to nothing and up again', async () => {
    expect(await tableNames()).toEqual(
      expect.arrayContaining(['articles', 'users', 'sessions', 'media', 'revisions', 'audit_log', 'redirects', 'publication_settings']),
    );
    for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(t.db);
    expect(await tableNames()).toEqual([]);
    await migrateToLatest(t.db);
    expect((await tableNames()).length).toBeGreaterThan(15);
  });

  it('rank full-text matches on the headline above matches in the body', async () => {
    await sql`INSERT INTO articles (slug, headline, body, body_text) VALUES
      ('a', 'Harbour reopens', '{}', 'The missile test was mentioned once.'),
      ('b', 'Missile launch condemned', '{}', 'Diplomats met.')`.execute(t.db);
    const { rows } = await sql<{ slug: string }>`
      SELECT slug FROM articles WHERE search @@ websearch_to_tsquery('english', 'missile')
      ORDER BY ts_rank(search, websearch_to_tsquery('english', 'missile')) DESC`.execute(t.db);
    expect(rows.map((r) => r.slug)).toEqual(['b', 'a']);
  });

  it('allow only one owner', async () => {
    await sql`INSERT INTO users (email, name, slug, role) VALUES ('a@x.test', 'A', 'a', 'owner')`.execute(t.db);
    await expect(
      sql`INSERT INTO users (email, name, slug, role) VALUES ('b@x.test', 'B', 'b', 'owner')`.execute(t.db),
    ).rejects.toThrow();
  });
});
