import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.ts';

/**
 * A query built and compiled once per database, then run with new values: what a page runs on every
 * request. Kysely builds and compiles a query anew on each call (for the article page about 0.16 ms of
 * CPU and much garbage), and a statement with a text of its own is named, so on a PostgreSQL server each
 * connection plans it once rather than on every page (0.6 ms of the server's time for the article page;
 * the embedded driver keeps every statement prepared already).
 *
 * `build` receives stand-ins for the values: pass them to Kysely as values and nothing else. Reading or
 * branching on one at build time would fix the query to the stand-in; putting one into the SQL text
 * (`sql.lit`, `sql.raw`, `sql.ref`) is refused when the query is first compiled.
 *
 *   const byAuthor = preparedQuery((db, v: { authorId: string; now: Date }) =>
 *     db.selectFrom('articles').select('id').where('author_id', '=', v.authorId).where('published_at', '<=', v.now));
 *   const rows = await byAuthor.execute(db, { authorId, now: new Date() });
 */
export interface PreparedQuery<V, O> {
  execute(db: Kysely<Database>, values: V): Promise<O[]>;
  executeTakeFirst(db: Kysely<Database>, values: V): Promise<O | undefined>;
}

/** Stands in for a value while the query is built; its text marks it if it ever reaches the SQL text. */
class Placeholder {
  constructor(readonly key: string) {}
  toString(): string {
    return `\u0000placeholder:${this.key}\u0000`;
  }
}

interface Template {
  compiled: CompiledQuery;
  /** For each parameter: the key of the value it takes, or undefined when it is a constant of the query. */
  slots: Array<string | undefined>;
}

export function preparedQuery<V extends Record<string, unknown>, O>(
  build: (db: Kysely<Database>, values: V) => Compilable<O>,
): PreparedQuery<V, O> {
  // One text for every database and transaction: all of ours compile for Postgres.
  let kept: Template | undefined;

  function template(db: Kysely<Database>): Template {
    if (kept) return kept;
    const placeholders = new Map<string, Placeholder>();
    const standIns = new Proxy({} as V, {
      get(_, key) {
        if (typeof key !== 'string') return undefined;
        let placeholder = placeholders.get(key);
        if (!placeholder) placeholders.set(key, (placeholder = new Placeholder(key)));
        return placeholder;
      },
    });
    const compiled = build(db, standIns).compile();
    if (compiled.sql.includes('\u0000placeholder:')) {
      throw new Error(`preparedQuery: a value was written into the SQL text, not passed as a parameter:\n${compiled.sql}`);
    }
    const slots = compiled.parameters.map((p) => (p instanceof Placeholder ? p.key : undefined));
    if (!namedStatements.has(compiled.sql)) namedStatements.set(compiled.sql, `newsroom_q${namedStatements.size + 1}`);
    kept = { compiled, slots };
    return kept;
  }

  async function execute(db: Kysely<Database>, values: V): Promise<O[]> {
    const { compiled, slots } = template(db);
    const parameters = compiled.parameters.map((constant, i) => {
      const key = slots[i];
      return key === undefined ? constant : values[key];
    });
    // The same text object every time, so the drivers' lookups by text need not hash it again.
    const result: QueryResult<O> = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<O>);
    return result.rows;
  }

  return {
    execute,
    async executeTakeFirst(db, values) {
      return (await execute(db, values))[0];
    },
  };
}

/** Statement names of prepared queries, by their SQL text: the PostgreSQL connection prepares these by name. */
const namedStatements = new Map<string, string>();

export function statementNameOf(sqlText: string): string | undefined {
  return namedStatements.get(sqlText);
}

/**
 * Postgres refusing a kept statement: "cached plan must not change result type" after a schema change, or
 * "prepared statement does not exist". Both drivers then run the query afresh.
 */
export const STALE_STATEMENT: ReadonlySet<string> = new Set(['0A000', '26000']);
