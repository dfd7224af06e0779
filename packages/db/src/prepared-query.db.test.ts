import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedQuery } from './prepared-query.ts';
import type { Database } from './schema.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

// Runs on PostgreSQL when DATABASE_URL is set, else on PGlite: the two drivers keep statements differently.
interface Item {
  id: number;
  name: string;
  at: Date;
}
let database: TestDatabase;
let db: Kysely<Database>;
const items = (database: Kysely<Database>) => database as unknown as Kysely<{ prepared_item: Item }>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await sql`CREATE TABLE prepared_item (id int PRIMARY KEY, name text NOT NULL, at timestamptz NOT NULL)`.execute(db);
  await sql`INSERT INTO prepared_item VALUES (1, 'one', '2026-11-01Z'), (2, 'two', '2026-11-02Z'), (3, 'three', '2026-11-03Z'), (4, 'four', '2026-11-04Z')`.execute(db);
});
afterAll(async () => {
  await database.drop();
});

const upTo = preparedQuery((db, v: { at: Date; except: string }) =>
  items(db)
    .selectFrom('prepared_item')
    .select(['id', 'name'])
    .where('at', '<=', v.at)
    .where('name', '!=', v.except)
    // The same value twice, and a constant of the query.
    .where((eb) => eb.or([eb('at', '<=', v.at), eb('name', '=', 'never')]))
    .orderBy('id')
    .limit(3),
);

describe('preparedQuery', () => {
  it('runs its one text with the values of each call, keeping the constants', async () => {
    expect(await upTo.execute(db, { at: new Date('2026-11-02Z'), except: 'x' })).toEqual([
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
    expect(await upTo.execute(db, { at: new Date('2026-12-01Z'), except: 'one' })).toEqual([
      { id: 2, name: 'two' },
      { id: 3, name: 'three' },
      { id: 4, name: 'four' },
    ]);
    expect(await upTo.executeTakeFirst(db, { at: new Date('2026-10-01Z'), except: 'x' })).toBeUndefined();
  });

  it('is prepared by name on the connection that runs it', async () => {
    await db.transaction().execute(async (trx) => {
      // Twice on the one connection a transaction holds: parsed once, then run by name.
      await upTo.execute(trx, { at: new Date('2026-11-03Z'), except: 'x' });
      expect(await upTo.execute(trx, { at: new Date('2026-11-03Z'), except: 'two' })).toHaveLength(2);
      const { rows } = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE 'select "id", "name" from "prepared_item"%'`.execute(trx);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.name).toMatch(/^newsroom_/);
    });
  });

  it('keeps working when the table changes shape under a kept statement', async () => {
    const everything = preparedQuery((db, v: { id: number }) => items(db).selectFrom('prepared_item').selectAll().where('id', '=', v.id));
    await db.transaction().execute(async (trx) => {
      expect(Object.keys((await everything.executeTakeFirst(trx, { id: 1 }))!)).toEqual(['id', 'name', 'at']);
    });
    await sql`ALTER TABLE prepared_item ADD COLUMN extra text NOT NULL DEFAULT 'added'`.execute(db);
    // Postgres refuses the kept plan ("cached plan must not change result type"); the query runs again.
    for (let i = 0; i < 6; i++) expect(await everything.executeTakeFirst(db, { id: 1 })).toMatchObject({ id: 1, extra: 'added' });
  });

  it('refuses a value written into the SQL text rather than passed as a parameter', async () => {
    const inlined = preparedQuery((db, v: { name: string }) => items(db).selectFrom('prepared_item').select('id').where('name', '=', sql.raw<string>(v.name)));
    await expect(inlined.execute(db, { name: 'one' })).rejects.toThrow(/written into the SQL text/);
  });
});
