import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

it('keeps a query from one request out of another request\'s open transaction', async () => {
  await sql`CREATE TABLE counter (n integer)`.execute(t.db);
  let releaseTransaction!: () => void;
  const held = new Promise<void>((resolve) => (releaseTransaction = resolve));
  const transaction = t.db.transaction().execute(async (trx) => {
    await sql`INSERT INTO counter VALUES (1)`.execute(trx);
    await held;
    throw new Error('roll back');
  });
  // Issued while the transaction is open: it must not become part of it and vanish with its rollback.
  const outside = sql`INSERT INTO counter VALUES (2)`.execute(t.db);
  await new Promise((resolve) => setTimeout(resolve, 20));
  releaseTransaction();
  await expect(transaction).rejects.toThrow('roll back');
  await outside;
  const { rows } = await sql<{ n: number }>`SELECT n FROM counter`.execute(t.db);
  expect(rows).toEqual([{ n: 2 }]);
});
