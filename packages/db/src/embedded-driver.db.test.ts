import { sql, type Generated, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './create-db.ts';

// The embedded driver keeps statements prepared; these run on an in-memory PGlite whatever DATABASE_URL says.
interface TestTables {
  item: { id: Generated<number>; name: string; at: Date | null; tags: string[] | null; data: unknown; extra?: string };
}
let handle: DbHandle;
let db: Kysely<TestTables>;
beforeAll(async () => {
  handle = await createDb({ kind: 'pglite', dataDir: undefined });
  db = handle.db as unknown as Kysely<TestTables>;
  await sql`CREATE TABLE item (id serial PRIMARY KEY, name text UNIQUE NOT NULL, at timestamptz, tags text[], data jsonb)`.execute(db);
});
afterAll(async () => {
  await handle.close();
});

async function preparedCount(text: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = ${text}`.execute(db);
  return rows[0]!.n;
}

describe('the embedded driver', () => {
  it('prepares a statement once and runs it again with other values', async () => {
    for (const name of ['a', 'b', 'c']) await db.insertInto('item').values({ name }).execute();
    const byName = (name: string) => db.selectFrom('item').select('name').where('name', '=', name);
    const text = byName('a').compile().sql;
    expect(await byName('a').execute()).toEqual([{ name: 'a' }]);
    expect(await byName('c').execute()).toEqual([{ name: 'c' }]);
    expect(await byName('nobody').execute()).toEqual([]);
    expect(await preparedCount(text)).toBe(1);
  });

  it('sends and reads values of every kind the services use', async () => {
    const at = new Date('2026-11-30T09:45:00.000Z');
    const inserted = await db
      .insertInto('item')
      .values({ name: 'typed', at, tags: ['x', 'y, z'], data: JSON.stringify({ nested: [1, 'two', null] }) })
      .returning(['id', 'at', 'tags', 'data'])
      .executeTakeFirstOrThrow();
    expect(inserted.at).toEqual(at);
    expect(inserted.tags).toEqual(['x', 'y, z']);
    expect(inserted.data).toEqual({ nested: [1, 'two', null] });
    const found = await db.selectFrom('item').select('name').where('at', '=', at).where('tags', '@>', sql<string[]>`${['y, z']}`).where('data', 'is not', null).execute();
    expect(found).toEqual([{ name: 'typed' }]);
    const updated = await db.updateTable('item').set({ at: null }).where('name', 'in', ['a', 'b']).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
  });

  it('reads answers longer than one of PGlite\'s output buffers, multi-byte text across their seams included', async () => {
    // ~300 KB in one value and 2,000 rows: PGlite hands its answer out in pieces.
    const long = 'é€😀 '.repeat(30_000);
    const { rows } = await sql<{ n: number; text: string | null }>`SELECT n, CASE WHEN n = 1 THEN ${long}::text WHEN n % 7 = 0 THEN NULL ELSE 'row ' || n END AS text FROM generate_series(1, 2000) AS n`.execute(db);
    expect(rows).toHaveLength(2000);
    expect(rows[0]).toEqual({ n: 1, text: long });
    expect(rows[6]).toEqual({ n: 7, text: null });
    expect(rows[1999]).toEqual({ n: 2000, text: 'row 2000' });
  });

  it('counts the rows an insert, update or delete touched', async () => {
    const inserted = await db.insertInto('item').values([{ name: 'count 1' }, { name: 'count 2' }, { name: 'count 3' }]).executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(3n);
    const deleted = await db.deleteFrom('item').where('name', 'like', 'count %').executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(3n);
  });

  it('reads an answer that carries a notice besides its rows, and gives an error its SQLSTATE', async () => {
    await sql`CREATE FUNCTION noisy(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'counting %', n; RETURN n * 2; END $$`.execute(db);
    const { rows } = await sql<{ doubled: number }>`SELECT noisy(${21}::int) AS doubled`.execute(db);
    expect(rows).toEqual([{ doubled: 42 }]);
    await expect(db.insertInto('item').values({ name: 'a' }).execute()).rejects.toMatchObject({ code: '23505' });
  });

  it('hands out a notification sent by a statement it ran, once to each listener', async () => {
    const heard: string[] = [];
    const stop = await handle.listen('driver_probe', (payload) => heard.push(payload));
    await sql`SELECT pg_notify('driver_probe', 'from a select')`.execute(db);
    await db.transaction().execute((trx) => sql`SELECT pg_notify('driver_probe', 'from a transaction')`.execute(trx));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual(['from a select', 'from a transaction']);
    await stop();
    await sql`SELECT pg_notify('driver_probe', 'after stopping')`.execute(db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual(['from a select', 'from a transaction']);
  });

  it('runs with the small buffer pool it is sized for (PGlite makes every buffer resident at start)', async () => {
    const { rows } = await sql<{ shared_buffers: string }>`SHOW shared_buffers`.execute(db);
    expect(rows[0]!.shared_buffers).toBe('8MB');
  });

  it('keeps working when a table a kept statement reads changes shape', async () => {
    const all = () => db.selectFrom('item').selectAll().where('name', '=', 'a').execute();
    expect(Object.keys((await all())[0]!)).not.toContain('extra');
    await sql`ALTER TABLE item ADD COLUMN extra text DEFAULT 'new'`.execute(db);
    // Postgres refuses to run the kept plan ("cached plan must not change result type"); it is prepared again.
    expect((await all())[0]).toMatchObject({ name: 'a', extra: 'new' });
  });

  it('reports a failing statement, keeps nothing of it, and stays usable in and out of transactions', async () => {
    await expect(sql`SELEC 1`.execute(db)).rejects.toThrow(/syntax error/);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ name: 'in the transaction' }).execute();
        await trx.insertInto('item').values({ name: 'a' }).execute();
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await db.selectFrom('item').select('name').where('name', '=', 'in the transaction').execute()).toEqual([]);
    expect(handle.pglite!.isInTransaction()).toBe(false);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ name: 'committed' }).execute();
    });
    expect(await db.selectFrom('item').select('name').where('name', '=', 'committed').execute()).toEqual([{ name: 'committed' }]);
  });
});

describe('maintain', () => {
  it('gives the planner statistics, which an embedded database otherwise never gathers', async () => {
    await sql`CREATE TABLE counted (n integer)`.execute(db);
    await sql`INSERT INTO counted SELECT generate_series(1, 500)`.execute(db);
    const reltuples = async () =>
      (await sql<{ n: number }>`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'counted'`.execute(db)).rows[0]!.n;
    // -1: never analysed, so every estimate is a guess.
    expect(await reltuples()).toBe(-1);
    await handle.maintain();
    expect(await reltuples()).toBe(500);
  });
});
