import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import {
  CompiledQuery,
  createDb,
  migrateToLatest,
  sql,
  type Database,
  type DbHandle,
  type Kysely,
} from '@newsroom/db';
import type { ArticleListInput } from '@newsroom/domain';
import {
  createServices,
  defaultServiceConfig,
  LocalDiskMediaStore,
  type StaffContext,
} from '@newsroom/services';
import { readEnv } from '../env.ts';
import { scriptArgv } from './script-argv.ts';

/**
 * Server time of the dashboard's article list on a large newsroom: makes a fresh database (embedded PGlite in
 * a temporary folder, or with DATABASE_URL a new database on that server, dropped afterwards), migrates it,
 * seeds `--articles` articles in SQL (statuses, sections, tags, bylines, body text with a realistic spread of
 * words), ANALYZEs, then times `services.articles.list` in process with an editor's context (what the
 * server does for one dashboard request, minus HTTP) for the pages the dashboard asks for. Prints the median
 * and p95 of `--runs` runs of each next to a `SELECT 1` round trip measured in the same run, and the
 * EXPLAIN (ANALYZE, BUFFERS) of the slowest page's query. Asserts nothing (the machine is shared and noisy).
 *
 *   pnpm bench:articles [--articles 100000] [--runs 30] [--words 250] [--explain slowest|all|none]
 *                       [--keep] [--reuse DIR_OR_DATABASE]
 *
 * --keep leaves the seeded database (the folder, or the database on the server) and prints its name;
 * --reuse measures one kept earlier (pending migrations run; nothing is seeded).
 */
const { values: args } = parseArgs({
  args: scriptArgv,
  options: {
    articles: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '30' },
    words: { type: 'string', default: '250' },
    explain: { type: 'string', default: 'slowest' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const articleCount = Number(args.articles);
const runs = Number(args.runs);
const bodyWords = Number(args.words);
const TARGET_MS = 50;
const log = (line = '') => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------------------
// A fresh database

interface BenchDatabase {
  handle: DbHandle;
  label: string;
  reused: boolean;
  dispose(): Promise<void>;
}

async function openDatabase(): Promise<BenchDatabase> {
  const env = readEnv();
  if (env.database.kind === 'pglite') {
    const reuse = args.reuse ? resolve(args.reuse) : undefined;
    if (reuse && !existsSync(join(reuse, 'pglite')))
      throw new Error(`--reuse ${reuse}: no pglite/ folder there`);
    const dir = reuse ?? (await mkdtemp(join(tmpdir(), 'newsroom-bench-articles-')));
    const handle = await createDb({ kind: 'pglite', dataDir: join(dir, 'pglite') });
    return {
      handle,
      label: `embedded PGlite in ${dir}`,
      reused: reuse !== undefined,
      async dispose() {
        await handle.close();
        if (args.keep || reuse) log(`kept: --reuse ${dir}`);
        else await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = env.database.databaseUrl;
  const name = args.reuse ?? `newsroom_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`--reuse ${name}: not a database name this script makes`);
  const admin = async (statement: string) => {
    const server = await createDb({ kind: 'postgres', databaseUrl: serverUrl, poolSize: 1 });
    await sql
      .raw(statement)
      .execute(server.db)
      .finally(() => server.close());
  };
  if (!args.reuse) await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ kind: 'postgres', databaseUrl: url.toString(), poolSize: 4 });
  return {
    handle,
    label: `PostgreSQL, database ${name} on ${url.host}`,
    reused: args.reuse !== undefined,
    async dispose() {
      await handle.close();
      if (args.keep || args.reuse) log(`kept: --reuse ${name}`);
      else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Seeding, in SQL

/**
 * Content words of news copy, roughly most used first. Body text draws from the front far more often than
 * from the back (a Zipf-like spread), so the first words are in almost every article and the last in few.
 */
const VOCABULARY = `
government council city minister police report people year week school health budget court state police
election vote party leader public plan housing water service hospital company market price energy climate
local community family children home road transport train bus station worker union strike pay tax money
bank business jobs economy growth trade farmers food weather storm flood fire emergency safety crime judge
trial law policy parliament committee mayor officials residents neighbourhood district region county
province national international foreign president prime election campaign candidate poll debate reform
spending cuts funding grant project construction bridge tunnel airport port harbour shipping river coast
beach park library museum festival music theatre film artist book author season team match game player
coach league cup final goal victory defeat record championship stadium fans club university college
student teacher research study scientists data technology internet phone software digital network cyber
attack security military army defence war peace talks agreement treaty border migrants refugees asylum
visa court ruling appeal sentence prison lawyer evidence investigation inquiry scandal resignation protest
march rally demonstration petition charity volunteers donation church mosque temple faith tradition
history anniversary memorial heritage building demolition planning permission developer landlord tenant
rent mortgage inflation interest rates unemployment wages pension benefits welfare care nurses doctors
patients vaccine virus disease outbreak cancer treatment surgery ambulance waiting lists mental
wellbeing drugs alcohol smoking obesity sport exercise diet farming harvest crops drought heatwave rainfall
temperatures snow wind power solar turbines nuclear gas oil petrol electricity bills consumers shoppers
retail shops high street online delivery warehouse factory manufacturing exports imports tariffs currency
shares investors profits losses chief executive board shareholders merger takeover startup entrepreneur
innovation science space satellite telescope discovery fossils wildlife conservation forest trees birds
fish ocean pollution plastic recycling waste emissions carbon targets electric vehicles cycling walking
pedestrians traffic congestion parking speed cameras accident collision injuries victims witnesses
suspect arrest charged robbery burglary fraud theft assault murder manslaughter detectives forensic
coroner inquest verdict jury sentencing bail custody release parole magistrates tribunal regulator
watchdog ombudsman complaint compensation refund insurance claims payout settlement lawsuit damages
`
  .trim()
  .split(/\s+/);
/** Appears in about one article in 2,500: the "rare word" search. */
const RARE_WORD = 'zeppelin';
/** The front of the vocabulary: in nearly every article. */
const COMMON_WORD = VOCABULARY[0]!;

const SECTIONS = [
  'News',
  'Politics',
  'Business',
  'World',
  'Sport',
  'Culture',
  'Science',
  'Opinion',
  'Health',
  'Travel',
  'Food',
  'Climate',
];
const STAFF = 60;
const TAGS = 400;
const BATCH = 5_000;
const SENTENCES = 5_000;

async function seed(db: Kysely<Database>, concurrency: number): Promise<void> {
  const started = performance.now();
  await sql`
    INSERT INTO sections (name, slug, position)
    SELECT name, 'bench-' || lower(name), ord FROM unnest(string_to_array(${SECTIONS.join(',')}, ',')) WITH ORDINALITY AS s(name, ord)
    ON CONFLICT (slug) DO NOTHING`.execute(db);
  await sql`
    INSERT INTO tags (name, slug)
    SELECT initcap(w) || ' ' || n, 'bench-' || w || '-' || n
    FROM (SELECT n, (string_to_array(${VOCABULARY.join(' ')}, ' '))[1 + (n * 7) % ${VOCABULARY.length}] AS w FROM generate_series(1, ${TAGS}) n) t`.execute(
    db,
  );
  // Staff: mostly authors and contributors; the bench's own accounts are made below.
  await sql`
    INSERT INTO users (email, name, slug, role, status)
    SELECT 'staff' || n || '@bench.example', 'Staff Writer ' || n, 'bench-staff-' || n,
           (ARRAY['author', 'author', 'contributor', 'editor'])[1 + n % 4], 'active'
    FROM generate_series(1, ${STAFF}) n`.execute(db);

  const vocabulary = VOCABULARY.join(' ');
  // Bodies are strung from a pool of generated sentences: far cheaper than drawing every word per article,
  // and the spread of words over articles stays the same.
  await sql`CREATE TABLE bench_sentences (i integer PRIMARY KEY, text text NOT NULL)`.execute(db);
  await sql`
    WITH vocab AS MATERIALIZED (SELECT string_to_array(${vocabulary}, ' ') AS words, ${VOCABULARY.length}::int AS n)
    INSERT INTO bench_sentences (i, text)
    SELECT i, (SELECT string_agg(vocab.words[1 + floor(power(random(), 3) * vocab.n)::int], ' ') FROM generate_series(1, 15 + i % 21), vocab)
    FROM generate_series(1, ${SENTENCES}) i`.execute(db);
  await sql`ANALYZE bench_sentences`.execute(db);
  const batch = async (from: number, to: number, trx: Kysely<Database>) => {
    // One statement per batch: the articles, then their tags and bylines from the same generated rows.
    await sql`
      WITH vocab AS MATERIALIZED (
        SELECT string_to_array(${vocabulary}, ' ') AS words, ${VOCABULARY.length}::int AS n
      ),
      staff AS MATERIALIZED (
        SELECT array_agg(id ORDER BY slug) AS ids, count(*)::int AS n FROM users WHERE slug LIKE 'bench-staff-%'
      ),
      sect AS MATERIALIZED (
        SELECT array_agg(id ORDER BY position) AS ids, count(*)::int AS n FROM sections WHERE slug LIKE 'bench-%'
      ),
      tg AS MATERIALIZED (
        SELECT array_agg(id ORDER BY slug) AS ids, count(*)::int AS n FROM tags WHERE slug LIKE 'bench-%'
      ),
      src AS MATERIALIZED (
        SELECT g, gen_random_uuid() AS id, random() AS r_status, random() AS r_section,
               1 + floor(power(random(), 2) * staff.n)::int AS author_ix,
               CASE WHEN random() < 0.2 THEN 1 + floor(random() * staff.n)::int END AS coauthor_ix,
               floor(random() * 5)::int AS tag_count, floor(power(random(), 2) * tg.n)::int AS tag_base,
               ${bodyWords / 2}::int + floor(random() * ${bodyWords})::int AS words,
               5 + floor(random() * 6)::int AS headline_words,
               -- Microsecond times over three years; one row in a hundred shares a bulk-import instant.
               CASE WHEN g % 100 = 0 THEN timestamptz '2025-06-01 09:00:00+00'
                    ELSE now() - random() * interval '1095 days' END AS created_at,
               random() AS r_updated, random() AS r_published
        FROM generate_series(${from}::int, ${to}::int) g, staff, tg
      ),
      rows AS MATERIALIZED (
        SELECT src.*,
               CASE WHEN r_status < 0.60 THEN 'published' WHEN r_status < 0.75 THEN 'draft' WHEN r_status < 0.83 THEN 'in_review'
                    WHEN r_status < 0.85 THEN 'scheduled' WHEN r_status < 0.90 THEN 'unpublished' ELSE 'archived' END AS status,
               (SELECT initcap(string_agg(vocab.words[1 + floor(power(random(), 1.5) * vocab.n)::int], ' '))
                  FROM generate_series(1, src.headline_words), vocab) AS headline,
               (SELECT text FROM bench_sentences WHERE i = 1 + (src.g * 7919) % ${SENTENCES}) AS dek,
               (SELECT string_agg(s.text, ' ')
                  FROM (SELECT 1 + floor(random() * ${SENTENCES})::int AS i FROM generate_series(1, greatest(1, src.words / 25))) pick
                  JOIN bench_sentences s USING (i)) || CASE WHEN src.g % 2500 = 0 THEN ' ' || ${RARE_WORD} ELSE '' END AS body_text
        FROM src
      ),
      timed AS MATERIALIZED (
        SELECT rows.*, created_at + r_updated * (now() - created_at) AS updated_at
        FROM rows
      ),
      ins AS (
        INSERT INTO articles (id, slug, headline, dek, body, body_text, word_count, status, section_id, created_by, updated_by,
                              created_at, updated_at, published_at, first_published_at, version)
        SELECT t.id, 'bench-' || t.g, t.headline, t.dek,
               jsonb_build_object('root', jsonb_build_object('type', 'root', 'children', jsonb_build_array(
                 jsonb_build_object('type', 'paragraph', 'children', jsonb_build_array(
                   jsonb_build_object('type', 'text', 'text', t.body_text, 'format', 0)))))),
               t.body_text, array_length(string_to_array(t.body_text, ' '), 1), t.status,
               CASE WHEN t.r_section < 0.03 THEN NULL ELSE sect.ids[1 + floor(power(t.r_section, 1.5) * sect.n)::int] END,
               staff.ids[t.author_ix], staff.ids[t.author_ix], t.created_at, t.updated_at,
               CASE WHEN t.status IN ('published', 'unpublished', 'archived')
                    THEN t.created_at + t.r_published * (t.updated_at - t.created_at) END,
               CASE WHEN t.status IN ('published', 'unpublished', 'archived')
                    THEN t.created_at + t.r_published * (t.updated_at - t.created_at) END,
               1 + (t.g % 7)
        FROM timed t, staff, sect
      ),
      -- Foreign keys are checked at the end of the statement, when the articles above exist.
      tagged AS (
        INSERT INTO article_tags (article_id, tag_id, position)
        SELECT src.id, tg.ids[1 + (src.tag_base + j * 97) % tg.n], j
        FROM src, tg, generate_series(0, src.tag_count - 1) j
      )
      INSERT INTO article_authors (article_id, position, user_id)
      SELECT src.id, 0, staff.ids[src.author_ix] FROM src, staff
      UNION ALL
      SELECT src.id, 1, staff.ids[src.coauthor_ix] FROM src, staff
      WHERE src.coauthor_ix IS NOT NULL AND src.coauthor_ix <> src.author_ix`.execute(trx);
  };
  // Batches in parallel where the server has the cores for it (PGlite runs one statement at a time).
  const starts = Array.from({ length: Math.ceil(articleCount / BATCH) }, (_, i) => 1 + i * BATCH);
  let done = 0;
  const worker = async () => {
    for (let from = starts.shift(); from !== undefined; from = starts.shift()) {
      const to = Math.min(articleCount, from + BATCH - 1);
      await db.transaction().execute(async (trx) => {
        // The generating statement looks costly to the planner, which would spend seconds compiling it.
        await sql`SET LOCAL jit = off`.execute(trx);
        await batch(from, to, trx);
      });
      done += to - from + 1;
      if (done % 20_000 < BATCH || done === articleCount)
        log(
          `  seeded ${done.toLocaleString('en')} articles (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await sql`DROP TABLE bench_sentences`.execute(db);
}

/** The bench's accounts: an editor (sees everything), a contributor with three articles, the most prolific writer. */
async function benchAccounts(db: Kysely<Database>): Promise<{
  editor: StaffContext;
  contributor: StaffContext;
  prolific: StaffContext;
  prolificArticles: number;
}> {
  const meta = { ip: '127.0.0.1', userAgent: 'bench' };
  const account = async (role: 'editor' | 'contributor', n: string) => {
    const email = `${n}@bench.example`;
    const existing = await db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('email', '=', email)
      .executeTakeFirst();
    const row =
      existing ??
      (await db
        .insertInto('users')
        .values({ email, name: `Bench ${role}`, slug: `bench-${n}`, role, status: 'active' })
        .returning(['id', 'name', 'email'])
        .executeTakeFirstOrThrow());
    return { actor: { id: row.id, role, name: row.name, email: row.email }, meta } satisfies StaffContext;
  };
  const editor = await account('editor', 'bench-editor');
  const contributor = await account('contributor', 'bench-contributor');
  const owned = await db
    .selectFrom('article_authors')
    .select('article_id')
    .where('user_id', '=', contributor.actor.id)
    .execute();
  if (owned.length === 0) {
    const picks = await db
      .selectFrom('articles')
      .select('id')
      .where('slug', 'in', ['bench-17', 'bench-40017', 'bench-80017'])
      .execute();
    for (const { id } of picks) {
      await db
        .updateTable('articles')
        .set({ created_by: contributor.actor.id })
        .where('id', '=', id)
        .execute();
      await db
        .insertInto('article_authors')
        .values({ article_id: id, position: 9, user_id: contributor.actor.id, guest_author_id: null })
        .execute();
    }
  }
  // The most prolific byline: the author filter, and (an author reads only their own) their own list.
  const top = await db
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['users.id', 'users.name', 'users.email', 'users.role'])
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const prolific: StaffContext = {
    actor: { id: top.id, role: top.role, name: top.name, email: top.email },
    meta,
  };
  return { editor, contributor, prolific, prolificArticles: Number(top.n) };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring

/** Records the queries a call runs, so the slowest page's can be EXPLAINed as it ran. */
class CapturePlugin implements KyselyPlugin {
  capturing = false;
  #nodes = new Map<PluginTransformQueryArgs['queryId'], PluginTransformQueryArgs>();
  /** The statements run while capturing, in order (subqueries pass through transformQuery too, but never run). */
  captured: PluginTransformQueryArgs[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.capturing) this.#nodes.set(args.queryId, args);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const ran = this.#nodes.get(args.queryId);
    if (this.capturing && ran) this.captured.push(ran);
    return Promise.resolve(args.result);
  }
  start(): void {
    this.#nodes.clear();
    this.captured = [];
    this.capturing = true;
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn(); // warm: plans, caches, hint bits
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

const database = await openDatabase();
try {
  const db = database.handle.db;
  const version = await sql<{ version: string }>`SELECT version()`.execute(db);
  log(`database: ${database.label}`);
  log(
    `server: ${version.rows[0]!.version.split(' on ')[0]}; node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  );
  const applied = await migrateToLatest(db);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);

  if (!database.reused) {
    log(
      `seeding ${articleCount.toLocaleString('en')} articles (${bodyWords / 2}–${(bodyWords * 3) / 2} words of body each), ${STAFF} staff, ${TAGS} tags, ${SECTIONS.length} sections…`,
    );
    const started = performance.now();
    await seed(db, database.handle.kind === 'postgres' ? Math.max(1, Math.min(4, cpus().length)) : 1);
    const analyzed = performance.now();
    await sql`ANALYZE`.execute(db);
    log(
      `seeded in ${((analyzed - started) / 1000).toFixed(1)} s, ANALYZE ${((performance.now() - analyzed) / 1000).toFixed(1)} s`,
    );
  } else {
    await sql`ANALYZE`.execute(db);
  }
  const { editor, contributor, prolific, prolificArticles } = await benchAccounts(db);
  const counts = await sql<{ articles: number; tags: number; authors: number }>`
    SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM article_tags)::int AS tags,
           (SELECT count(*) FROM article_authors)::int AS authors`.execute(db);
  const c = counts.rows[0]!;
  log(
    `rows: ${c.articles.toLocaleString('en')} articles, ${c.tags.toLocaleString('en')} article_tags, ${c.authors.toLocaleString('en')} article_authors`,
  );

  const capture = new CapturePlugin();
  const services = createServices({
    db: db.withPlugin(capture),
    mediaStore: new LocalDiskMediaStore(join(tmpdir(), 'newsroom-bench-articles-media')),
    // Nothing signed with this secret outlives the script.
    config: defaultServiceConfig('http://localhost:3000', randomBytes(32).toString('hex')),
    clock: () => new Date(),
  });
  const list = (ctx: StaffContext, input: Partial<ArticleListInput>) =>
    services.articles.list(ctx, { sort: 'updated_at', direction: 'desc', limit: 25, ...input });

  // Inputs the dashboard sends; a section and a tag as common as most.
  const section = await db
    .selectFrom('sections')
    .select('id')
    .where('slug', '=', 'bench-business')
    .executeTakeFirstOrThrow();
  const tags = await db
    .selectFrom('article_tags')
    .select(['tag_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('tag_id')
    .orderBy('n', 'desc')
    .execute();
  // The most used tag, one as common as most, and a rare one.
  const [bigTag, tag, smallTag] = [tags[0]!, tags[20]!, tags[Math.floor(tags.length * 0.9)]!];
  let deepCursor: string | undefined;
  for (let i = 0; i < 50; i++)
    deepCursor = (await list(editor, { cursor: deepCursor })).nextCursor ?? undefined;
  let deepPublishedCursor: string | undefined;
  for (let i = 0; i < 50; i++)
    deepPublishedCursor =
      (await list(editor, { sort: 'published_at', cursor: deepPublishedCursor })).nextCursor ?? undefined;

  const cases: Array<{ label: string; run: () => Promise<unknown> }> = [
    { label: 'first page, default sort (updated, newest first)', run: () => list(editor, {}) },
    { label: 'page 51 (after following 50 cursors)', run: () => list(editor, { cursor: deepCursor }) },
    {
      label: 'filtered: status published + section',
      run: () => list(editor, { status: 'published', sectionId: section.id }),
    },
    { label: `full-text, common word "${COMMON_WORD}"`, run: () => list(editor, { query: COMMON_WORD }) },
    { label: `full-text, rare word "${RARE_WORD}"`, run: () => list(editor, { query: RARE_WORD }) },
    { label: 'sort: published, newest first', run: () => list(editor, { sort: 'published_at' }) },
    {
      label: 'sort: published, page 51',
      run: () => list(editor, { sort: 'published_at', cursor: deepPublishedCursor }),
    },
    {
      label: 'sort: published, oldest first',
      run: () => list(editor, { sort: 'published_at', direction: 'asc' }),
    },
    {
      label: 'sort: published, status published',
      run: () => list(editor, { sort: 'published_at', status: 'published' }),
    },
    {
      label: 'sort: published, status draft (no dates)',
      run: () => list(editor, { sort: 'published_at', status: 'draft' }),
    },
    { label: 'sort: created, newest first', run: () => list(editor, { sort: 'created_at' }) },
    { label: 'sort: headline, A to Z', run: () => list(editor, { sort: 'headline', direction: 'asc' }) },
    { label: `filtered: tag (${bigTag.n} articles)`, run: () => list(editor, { tagId: bigTag.tag_id }) },
    { label: `filtered: tag (${tag.n} articles)`, run: () => list(editor, { tagId: tag.tag_id }) },
    { label: `filtered: tag (${smallTag.n} articles)`, run: () => list(editor, { tagId: smallTag.tag_id }) },
    {
      label: `filtered: author (most prolific, ${prolificArticles} articles)`,
      run: () => list(editor, { authorId: prolific.actor.id }),
    },
    {
      label: 'filtered: status scheduled, sort created',
      run: () => list(editor, { status: 'scheduled', sort: 'created_at' }),
    },
    { label: "contributor's own list (3 articles)", run: () => list(contributor, {}) },
    {
      label: `${prolific.actor.role}'s own list (${prolificArticles} articles)`,
      run: () => list(prolific, {}),
    },
    {
      label: `${prolific.actor.role}'s own list, sort published`,
      run: () => list(prolific, { sort: 'published_at' }),
    },
  ];

  const baseline = await time(() => sql`SELECT 1`.execute(db));
  log();
  log(`${runs} runs each, milliseconds of server time (services.articles.list, 25 a page, in process):`);
  const width = Math.max(...cases.map((x) => x.label.length));
  const row = (label: string, m: { median: number; p95: number }, note = '') =>
    log(
      `  ${label.padEnd(width)}  median ${m.median.toFixed(2).padStart(7)}  p95 ${m.p95.toFixed(2).padStart(7)}  ${note}`,
    );
  row('baseline: SELECT 1 round trip', baseline);
  const results: Array<{ label: string; run: () => Promise<unknown>; median: number; p95: number }> = [];
  for (const x of cases) {
    const m = await time(x.run);
    results.push({ ...x, ...m });
    row(
      x.label,
      m,
      `×${(m.median / baseline.median).toFixed(0)} baseline${m.p95 > TARGET_MS ? `  MISSES ${TARGET_MS} ms` : ''}`,
    );
  }

  const explained =
    args.explain === 'all'
      ? results
      : args.explain === 'none'
        ? []
        : [results.reduce((a, b) => (b.median > a.median ? b : a))];
  for (const x of explained) {
    capture.start();
    await x.run();
    capture.capturing = false;
    log();
    log(`EXPLAIN (ANALYZE, BUFFERS) ${args.explain === 'all' ? '' : 'of the slowest page, '}${x.label}:`);
    for (const [i, q] of capture.captured.entries()) {
      const compiled = db.getExecutor().compileQuery(q.node, q.queryId);
      const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql}`, [...compiled.parameters]),
      );
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const shown = i === 0 ? 18 : 3;
      log(`  query ${i + 1} of ${capture.captured.length}:`);
      for (const line of lines.slice(0, shown)) log(`    ${line}`);
      if (lines.length > shown)
        log(
          `    … ${lines.length - shown} more lines; ${lines.filter((l) => /^(Planning|Execution) Time/.test(l)).join(', ')}`,
        );
    }
  }
} finally {
  await database.dispose();
}
