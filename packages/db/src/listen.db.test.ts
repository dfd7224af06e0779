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

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

it('hears a NOTIFY sent through the Kysely pool, inside or outside a transaction, until unsubscribed', async () => {
  const heard: string[] = [];
  const stop = await t.listen('listen_probe', (payload) => heard.push(payload));
  await sql`SELECT pg_notify('listen_probe', 'one')`.execute(t.db);
  await t.db.transaction().execute((trx) => sql`NOTIFY listen_probe, 'two'`.execute(trx));
  await until(() => heard.length >= 2);
  expect(heard).toEqual(['one', 'two']);

  await stop();
  await sql`SELECT pg_notify('listen_probe', 'three')`.execute(t.db);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(heard).toEqual(['one', 'two']);
});

it('gives every listener on a channel each notification, and nothing from other channels', async () => {
  const a: string[] = [];
  const b: string[] = [];
  await t.listen('listen_probe_a', (payload) => a.push(payload));
  await t.listen('listen_probe_a', (payload) => b.push(payload));
  await sql`SELECT pg_notify('listen_probe_other', 'x')`.execute(t.db);
  await sql`SELECT pg_notify('listen_probe_a', 'y')`.execute(t.db);
  await until(() => a.length >= 1 && b.length >= 1);
  expect(a).toEqual(['y']);
  expect(b).toEqual(['y']);
});
