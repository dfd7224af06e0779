import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

it('gives pg clients a connection to the same database', async () => {
  const url = await t.connectionString();
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await clients[0]!.query('CREATE TABLE shared_probe (n integer)');
    // A write from Kysely issued while a socket client's transaction is open must not join that
    // transaction and vanish with its rollback.
    await clients[0]!.query('BEGIN');
    await clients[0]!.query('INSERT INTO shared_probe VALUES (1)');
    const viaKysely = sql`INSERT INTO shared_probe VALUES (2)`.execute(t.db);
    const viaOther = clients[1]!.query('INSERT INTO shared_probe VALUES (3)');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await clients[0]!.query('ROLLBACK');
    await Promise.all([viaKysely, viaOther]);
    const { rows } = await sql<{ n: number }>`SELECT n FROM shared_probe ORDER BY n`.execute(t.db);
    expect(rows.map((r) => r.n)).toEqual([2, 3]);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
});
