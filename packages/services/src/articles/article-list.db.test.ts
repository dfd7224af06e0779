import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@newsroom/db';
import type { ArticleListInput } from '@newsroom/domain';
import { createTestServices, type TestServices } from '../testing.ts';
import type { StaffContext } from '../context.ts';

let t: TestServices;
let editor: StaffContext;

/**
 * Times that a JavaScript Date cannot tell apart (same millisecond) but Postgres can (microseconds), exact
 * ties, and empty published_at: each row is [headline, created_at, updated_at, published_at].
 */
const ms = '2026-11-30 10:00:00.123';
const ROWS: Array<[string, string, string, string | null]> = [
  ['Budget vote', `${ms}456+00`, `${ms}789+00`, `${ms}001+00`],
  ['Budget vote', `${ms}789+00`, `${ms}456+00`, null],
  ['budget Vote', `${ms}001+00`, `${ms}456+00`, `${ms}999+00`],
  ['Harbour strike', `${ms}999+00`, `${ms}001+00`, `${ms}500+00`],
  ['Harbour strike ends', `${ms}500+00`, `${ms}999+00`, null],
  ['Älvsborg bridge', `${ms}500+00`, `${ms}500+00`, `${ms}500+00`],
  ['Zoning rules', `${ms}123+00`, `${ms}123+00`, null],
  [
    'Zoning rules',
    '2026-11-30 10:00:00.124000+00',
    '2026-11-30 10:00:00.122999+00',
    '2026-11-30 10:00:00.122999+00',
  ],
];
const SORTS: Array<ArticleListInput['sort']> = ['updated_at', 'published_at', 'created_at', 'headline'];

beforeAll(async () => {
  t = await createTestServices();
  editor = await t.staff('editor');
  for (const [i, [headline, createdAt, updatedAt, publishedAt]] of ROWS.entries()) {
    await t.database.db
      .insertInto('articles')
      .values({
        slug: `keyset-${i}`,
        headline,
        body: JSON.stringify({ root: { type: 'root', children: [] } }),
        status: publishedAt ? 'published' : 'draft',
        created_by: editor.actor.id,
        // As text the database parses: a Date would round them to milliseconds.
        created_at: sql<Date>`${createdAt}::timestamptz`,
        updated_at: sql<Date>`${updatedAt}::timestamptz`,
        published_at: publishedAt === null ? null : sql<Date>`${publishedAt}::timestamptz`,
      })
      .execute();
  }
});
afterAll(async () => {
  await t.close();
});

/** The order the database itself gives, all at once: what paging must reproduce. */
async function databaseOrder(sort: ArticleListInput['sort'], direction: 'asc' | 'desc'): Promise<string[]> {
  const dir = sql.raw(direction === 'desc' ? 'DESC' : 'ASC');
  const { rows } = await sql<{
    id: string;
  }>`SELECT id FROM articles ORDER BY ${sql.ref(sort)} ${dir} NULLS LAST, id ${dir}`.execute(t.database.db);
  return rows.map((r) => r.id);
}

async function pageThrough(
  input: Omit<ArticleListInput, 'cursor'>,
  as: StaffContext = editor,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages <= ROWS.length; pages++) {
    const page = await t.articles.list(as, { ...input, cursor });
    seen.push(...page.items.map((a) => a.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('keyset list paging', () => {
  it('holds rows that differ only in microseconds', async () => {
    // The premise of the test: Dates collapse these, the database does not.
    const { rows } = await sql<{ n: number }>`
      SELECT count(DISTINCT updated_at)::int AS n FROM articles WHERE date_trunc('milliseconds', updated_at) = ${`${ms}+00`}::timestamptz`.execute(
      t.database.db,
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(4);
    const all = await t.articles.list(editor, { sort: 'updated_at', direction: 'desc', limit: 100 });
    expect(new Set(all.items.map((a) => a.updatedAt.getTime())).size).toBeLessThan(ROWS.length);
  });

  for (const sort of SORTS) {
    for (const direction of ['desc', 'asc'] as const) {
      it(`returns every row exactly once, in order, by ${sort} ${direction}`, async () => {
        const expected = await databaseOrder(sort, direction);
        expect(expected).toHaveLength(ROWS.length);
        for (const limit of [1, 2, 3]) {
          expect(await pageThrough({ sort, direction, limit })).toEqual(expected);
        }
        const whole = await t.articles.list(editor, { sort, direction, limit: 100 });
        expect(whole.items.map((a) => a.id)).toEqual(expected);
        expect(whole.nextCursor).toBeNull();
      });
    }
  }

  it('pages a filtered list the same way', async () => {
    const drafts = (await databaseOrder('published_at', 'asc')).slice(-3);
    expect(await pageThrough({ sort: 'published_at', direction: 'asc', limit: 1, status: 'draft' })).toEqual(
      drafts,
    );
    const published = await pageThrough({
      sort: 'published_at',
      direction: 'desc',
      limit: 1,
      status: 'published',
    });
    expect(published).toEqual((await databaseOrder('published_at', 'desc')).slice(0, ROWS.length - 3));
  });

  it("pages through only a contributor's own articles, bylined or created, and filters by byline", async () => {
    const contributor = await t.staff('contributor');
    const id = async (slug: string) =>
      (
        await t.database.db
          .selectFrom('articles')
          .select('id')
          .where('slug', '=', slug)
          .executeTakeFirstOrThrow()
      ).id;
    const [bylined, bylinedUndated, created, both] = await Promise.all(
      ['keyset-0', 'keyset-4', 'keyset-1', 'keyset-3'].map(id),
    );
    for (const articleId of [bylined!, bylinedUndated!, both!]) {
      await t.database.db
        .insertInto('article_authors')
        .values({ article_id: articleId, position: 5, user_id: contributor.actor.id, guest_author_id: null })
        .execute();
    }
    await t.database.db
      .updateTable('articles')
      .set({ created_by: contributor.actor.id })
      .where('id', 'in', [created!, both!])
      .execute();

    const owned = new Set([bylined, bylinedUndated, created, both]);
    const byline = new Set([bylined, bylinedUndated, both]);
    for (const sort of SORTS) {
      for (const direction of ['desc', 'asc'] as const) {
        const order = await databaseOrder(sort, direction);
        expect(await pageThrough({ sort, direction, limit: 1 }, contributor)).toEqual(
          order.filter((i) => owned.has(i)),
        );
        expect(await pageThrough({ sort, direction, limit: 1, authorId: contributor.actor.id })).toEqual(
          order.filter((i) => byline.has(i)),
        );
      }
    }
  });

  it('refuses a cursor made for another order or altered by hand', async () => {
    const first = await t.articles.list(editor, { sort: 'updated_at', direction: 'desc', limit: 1 });
    const cursor = first.nextCursor!;
    await expect(
      t.articles.list(editor, { sort: 'created_at', direction: 'desc', limit: 1, cursor }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'cursor' });
    await expect(
      t.articles.list(editor, { sort: 'updated_at', direction: 'asc', limit: 1, cursor }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'cursor' });
    const [sort, direction, , id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    for (const value of [
      'not a time',
      '2026-11-30 10:00:00',
      '2026-02-30T10:00:00.000000Z',
      '2026-11-30T24:00:00.000000Z',
      null,
    ]) {
      const forged = Buffer.from(JSON.stringify([sort, direction, value, id])).toString('base64url');
      await expect(
        t.articles.list(editor, { sort: 'updated_at', direction: 'desc', limit: 1, cursor: forged }),
      ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'cursor' });
    }
    const nul = Buffer.from(JSON.stringify(['headline', 'asc', 'Budget\u0000', id])).toString('base64url');
    await expect(
      t.articles.list(editor, { sort: 'headline', direction: 'asc', limit: 1, cursor: nul }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', field: 'cursor' });
  });
});
