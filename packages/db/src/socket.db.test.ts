import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`CREATE TABLE shared_probe (n integer)`.execute(t.db);
});
afterAll(async () => {
  await t.drop();
});

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: await t.connectionString() });
  await c.connect();
  return c;
}

it('keeps other clients out of an open transaction, so a rollback loses only its own writes', async () => {
  const [a, b] = [await client(), await client()];
  try {
    await sql`DELETE FROM shared_probe`.execute(t.db);
    await a.query('BEGIN');
    await a.query('INSERT INTO shared_probe VALUES ($1)', [1]);
    const viaKysely = sql`INSERT INTO shared_probe VALUES (2)`.execute(t.db);
    const viaOther = b.query('INSERT INTO shared_probe VALUES ($1)', [3]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await a.query('ROLLBACK');
    await Promise.all([viaKysely, viaOther]);
    const { rows } = await sql<{ n: number }>`SELECT n FROM shared_probe ORDER BY n`.execute(t.db);
    expect(rows.map((r) => r.n)).toEqual([2, 3]);
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
});

it('never mixes the messages of concurrent parameterised queries', async () => {
  const [a, b] = [await client(), await client()];
  try {
    // Each query has a different number of parameters: interleaved Parse/Bind messages would fail with
    // "bind message supplies N parameters" or return another query's rows.
    const work = Array.from({ length: 60 }, (_, i) => {
      const n = i % 3;
      if (n === 0) return a.query('SELECT $1::int + $2::int AS v', [i, 1]).then((r) => expect(r.rows[0].v).toBe(i + 1));
      if (n === 1) return b.query('SELECT $1::int * 2 AS v', [i]).then((r) => expect(r.rows[0].v).toBe(i * 2));
      return sql<{ v: number }>`SELECT ${i}::int - ${1}::int - ${1}::int AS v`.execute(t.db).then((r) => expect(r.rows[0]!.v).toBe(i - 2));
    });
    await Promise.all(work);
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
});
