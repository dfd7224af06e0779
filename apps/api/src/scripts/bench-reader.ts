import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { createDb, type Database, type DbConfig, type Kysely } from '@newsroom/db';
import { createEmptyServerDatabase } from '@newsroom/db/testing';
import type { CreateArticleInput } from '@newsroom/domain';
import {
  createServices,
  defaultServiceConfig,
  LocalDiskMediaStore,
  type StaffContext,
} from '@newsroom/services';
import { repoRoot } from '../env.ts';
import { scriptArgv } from './script-argv.ts';

/**
 * How fast the built server answers reader pages, with and without the render cache, next to a bare Node
 * http server sending the article page's html; plus the article page's weight. Needs `pnpm build` first
 * (`pnpm bench:reader` at the root builds what is stale). Runs the server the way `pnpm start` does, on an
 * embedded database in a temporary folder (or, with --postgres, a new database on the PostgreSQL server
 * DATABASE_URL names, dropped at the end): the demo seed plus `--extra` published articles made through the
 * article service. Prints figures; asserts nothing (the machine is shared and noisy).
 *
 *   pnpm bench:reader [--duration 10] [--warmup 12] [--connections 50] [--extra 200] [--data-dir DIR] [--postgres]
 *
 * --data-dir keeps the seeded folder for the next run (which then skips seeding); by default a temporary
 * folder is used and removed.
 */
const { values: args } = parseArgs({
  args: scriptArgv,
  options: {
    duration: { type: 'string', default: '10' },
    // V8 compiles the server's code for the first ~10 s of load: an uncached article page's CPU, in 5 s
    // windows from a fresh start, measured 5,600, 3,000, 2,500 µs, then ~2,300. A server that runs for days
    // is measured, not its first seconds.
    warmup: { type: 'string', default: '12' },
    connections: { type: 'string', default: '50' },
    extra: { type: 'string', default: '200' },
    'data-dir': { type: 'string' },
    postgres: { type: 'boolean', default: false },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const extra = Number(args.extra);

const serverJs = resolve(repoRoot, 'apps/api/dist/server.js');
if (!existsSync(serverJs)) {
  process.stderr.write(
    'apps/api/dist/server.js is missing: run `pnpm build` first (or `pnpm bench:reader` at the repository root).\n',
  );
  process.exit(1);
}

const keptDir = args['data-dir'] ? resolve(args['data-dir']) : undefined;
const dataDir = keptDir ?? (await mkdtemp(join(tmpdir(), 'newsroom-bench-reader-')));
const server = args.postgres ? await createEmptyServerDatabase() : undefined;
if (args.postgres && !server) {
  process.stderr.write('--postgres needs DATABASE_URL naming a PostgreSQL server the bench may create a database on.\n');
  process.exit(1);
}
const dbConfig: DbConfig = server
  ? { kind: 'postgres', databaseUrl: server.url, poolSize: 2 }
  : { kind: 'pglite', dataDir: join(dataDir, 'pglite') };
const reuse = !server && keptDir !== undefined && existsSync(join(keptDir, 'pglite'));
const port = 3900 + Math.floor(Math.random() * 90);
const origin = `http://127.0.0.1:${port}`;
const ownerEmail = 'owner@bench.example';
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Running {
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Every server child still running. A bench that throws would otherwise leave them behind, holding their
 * ports and any pipe the bench's output went into; 'exit' also fires after an uncaught error.
 */
const children = new Set<ChildProcess>();
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
process.once('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});
process.once('SIGINT', () => process.exit(130));

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (performance.now() - started > 120_000) throw new Error(`no answer from ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `pnpm start` runs this script (its Node flags and allocator settings), so the server measured is the one started. */
const startScript = resolve(repoRoot, 'apps/api/start.sh');

async function startServer(extraEnv: Record<string, string>): Promise<Running> {
  // The script ends in `exec node`, so the child's pid is the server's (its memory is read from /proc).
  const child = track(spawn('sh', [startScript], {
    cwd: dirname(dirname(serverJs)),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: origin,
      DATABASE_URL: server?.url ?? '',
      LOG_LEVEL: 'warn',
      OWNER_EMAIL: ownerEmail,
      OWNER_PASSWORD: 'bench password 1',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  }));
  await waitFor(`${origin}/healthz`, child);
  return {
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * A plain http server in its own process, answering every request with `page` as text/html. The article's
 * own html rather than filler of its size: autocannon turns every response body into a string, and html
 * with typographic quotes and dashes cost it ~12% more per response than ASCII filler of the same length
 * (a raw socket server sending the one and the other), a cost the ratio would otherwise charge to our server.
 */
async function startBare(page: Buffer, barePort: number): Promise<Running & { target: Target }> {
  const folder = await mkdtemp(join(tmpdir(), 'newsroom-bench-bare-'));
  const file = join(folder, 'page.html');
  await writeFile(file, page);
  const code = `
    const body = require('node:fs').readFileSync(${JSON.stringify(file)});
    require('node:http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      res.end(body);
    }).listen(${barePort}, '127.0.0.1');`;
  const child = track(spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'inherit'] }));
  const url = `http://127.0.0.1:${barePort}/`;
  await waitFor(url, child);
  return {
    child,
    target: { url, pid: child.pid! },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** CPU seconds the process has used (user + system), from /proc; Linux counts in 1/100 s. */
async function cpuSeconds(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function memory(pid: number): Promise<{ peakMb: number; rssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

/** A server under measurement: where to send requests and whose CPU time to read. */
interface Target {
  url: string;
  pid: number;
}

/** Requests, time and CPU summed over a target's slices. */
class Tally {
  requests = 0;
  seconds = 0;
  cpuSeconds = 0;
  non2xx = 0;
  errors = 0;
  p50s: number[] = [];
  p99s: number[] = [];
  /** The most resident memory seen while measured (VmRSS every 50 ms), without start-up's peak. */
  maxRssMb = 0;

  constructor(readonly target: Target) {}

  async run(seconds: number): Promise<void> {
    // Unmeasured first: after idling through the other's slice a server answers its first burst slowly
    // (seen: the first request on each of 50 new connections took up to 1.2 s on the embedded database).
    await autocannon({ url: this.target.url, connections, duration: 1 });
    const cpuBefore = await cpuSeconds(this.target.pid);
    const sampler = setInterval(() => {
      memory(this.target.pid).then(
        ({ rssMb }) => (this.maxRssMb = Math.max(this.maxRssMb, rssMb)),
        () => {},
      );
    }, 50);
    let result: autocannon.Result;
    try {
      result = await autocannon({ url: this.target.url, connections, duration: seconds });
    } finally {
      clearInterval(sampler);
    }
    this.cpuSeconds += (await cpuSeconds(this.target.pid)) - cpuBefore;
    this.requests += result.requests.total;
    this.seconds += result.duration;
    this.non2xx += result.non2xx;
    this.errors += result.errors;
    this.p50s.push(result.latency.p50);
    this.p99s.push(result.latency.p99);
  }

  get rps(): number {
    return this.requests / this.seconds;
  }

  /** Server CPU time per response: unlike req/s, barely moved by other work on the machine. */
  get cpuUs(): number {
    return (this.cpuSeconds * 1e6) / Math.max(1, this.requests);
  }
}

interface Measured {
  label: string;
  ours: Tally;
  bare: Tally;
  peakMb: number | null;
}

/** Slices per measurement: ours and the bare server's alternate, ABBA, so a trend in the machine's speed hits both alike. */
const SLICES = 2;

/**
 * A target and the bare server measured in alternating slices of the same total length. On this shared
 * machine the speed of everything moves by a third within a minute; measured minutes apart, the ratio
 * moved with it (one run gave the cached page 46% of the bare server, the next 83%).
 */
async function measurePaired(label: string, target: Target, bare: Target): Promise<Measured> {
  if (warmup > 0) await autocannon({ url: target.url, connections, duration: warmup });
  const ours = new Tally(target);
  const theirs = new Tally(bare);
  for (let slice = 0; slice < SLICES; slice++) {
    for (const tally of slice % 2 === 0 ? [ours, theirs] : [theirs, ours]) await tally.run(duration / SLICES);
  }
  return { label, ours, bare: theirs, peakMb: null };
}

/** GET without decompression: the bytes on the wire and the headers. */
function getRaw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** The demo's owner and a service set over the stopped server's embedded database. */
async function seedExtraArticles(count: number): Promise<void> {
  const database = await createDb(dbConfig);
  try {
    const db: Kysely<Database> = database.db;
    const owner = await db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    const ctx: StaffContext = {
      actor: { id: owner.id, role: 'owner', name: owner.name, email: owner.email },
      meta: { ip: '127.0.0.1', userAgent: 'bench' },
    };
    const sections = await db.selectFrom('sections').select('id').execute();
    const bodies = await db
      .selectFrom('articles')
      .select(['body', 'dek'])
      .where('status', '=', 'published')
      .execute();
    const base = Date.now() - 60_000;
    let now = new Date(base);
    const services = createServices({
      db,
      mediaStore: new LocalDiskMediaStore(join(dataDir, 'media')),
      // Only articles are made here; nothing signed with the secret outlives this script.
      config: defaultServiceConfig(origin, randomBytes(32).toString('hex')),
      clock: () => now,
    });
    for (let i = 0; i < count; i++) {
      // Spread over the past days, newest first, in every section, with the demo's bodies.
      now = new Date(base - i * 17 * 60_000);
      const source = bodies[i % bodies.length]!;
      const draft = await services.articles.create(ctx, {
        headline: `Bench report ${i + 1}: regional council weighs the ${['harbour', 'tram', 'library', 'market', 'bridge'][i % 5]} budget`,
        dek: source.dek,
        sectionId: sections[i % sections.length]?.id ?? null,
        body: source.body as CreateArticleInput['body'],
      });
      await services.articles.transition(ctx, { id: draft.id, baseVersion: draft.version, to: 'published' });
    }
  } finally {
    await database.close();
  }
}

function resourceUrls(html: string): { scripts: string[]; styles: string[]; all: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="[^"]*"[^>]*>/g)].map((m) => attr(m[0], 'src')!);
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => ({
    rel: attr(m[0], 'rel') ?? '',
    href: attr(m[0], 'href') ?? '',
  }));
  const styles = links.filter((l) => l.rel === 'stylesheet').map((l) => l.href);
  const preloads = links.filter((l) => l.rel === 'modulepreload').map((l) => l.href);
  // Everything the browser fetches by itself: not canonical/alternate links, which are only addresses.
  const fetched = links
    .filter((l) => /^(stylesheet|modulepreload|preload|icon|manifest|preconnect|dns-prefetch)$/.test(l.rel))
    .map((l) => l.href);
  const media = [...html.matchAll(/<(?:img|iframe|source|video|audio|embed)\b[^>]*>/g)].flatMap((m) => [
    ...[attr(m[0], 'src'), attr(m[0], 'poster')].filter((u): u is string => !!u),
    ...(attr(m[0], 'srcset') ?? '')
      .split(',')
      .map((s) => s.trim().split(/\s+/)[0]!)
      .filter(Boolean),
  ]);
  return { scripts: [...scripts, ...preloads], styles, all: [...scripts, ...fetched, ...media] };
}

const isThirdParty = (url: string) => /^(https?:)?\/\//.test(url) && new URL(url, origin).origin !== origin;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// 1. A seeded data folder: first start migrates and seeds the demo, then more articles through the services.
log(`data: ${server ? `PostgreSQL, ${new URL(server.url).pathname.slice(1)}; media in ${dataDir}` : dataDir}${reuse ? ' (seeded by an earlier run)' : ''}`);
/** The longest demo article (the extras link to none of the demo's, so the page is the demo's own). */
async function longestDemoArticle(): Promise<string> {
  const database = await createDb(dbConfig);
  try {
    const row = await database.db
      .selectFrom('articles')
      .select('slug')
      .where('status', '=', 'published')
      .where('headline', 'not like', 'Bench report %')
      .orderBy('word_count', 'desc')
      .orderBy('slug')
      .executeTakeFirstOrThrow();
    return `/article/${row.slug}`;
  } finally {
    await database.close();
  }
}
if (!reuse) {
  const seeding = await startServer({});
  await seeding.stop();
  const seedStarted = performance.now();
  await seedExtraArticles(extra);
  log(
    `seeded ${extra} extra published articles through the article service in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
}
const longest = await longestDemoArticle();
log(`article page measured: ${longest}`);

const results: Measured[] = [];
let articlePage: Buffer = Buffer.alloc(0);
let bareServer: Awaited<ReturnType<typeof startBare>> | undefined;
const startRss = { cached: 0, uncached: 0 };
let weight = '';

/** Each page of our running server against the bare one, with the server's peak memory after it. */
async function measureServer(server: Running, pages: ReadonlyArray<readonly [label: string, path: string]>, bare: Target): Promise<void> {
  const pid = server.child.pid!;
  for (const [label, path] of pages) {
    const measured = await measurePaired(label, { url: `${origin}${path}`, pid }, bare);
    results.push({ ...measured, peakMb: (await memory(pid)).peakMb });
  }
}

// 2. Cached: the server as it runs by default.
{
  const server = await startServer({});
  startRss.cached = (await memory(server.child.pid!)).rssMb;
  log(`server as pnpm start runs it (apps/api/start.sh): ${(await readFile(`/proc/${server.child.pid!}/cmdline`, 'utf8')).split('\0').join(' ').trim()}`);
  const page = await getRaw(`${origin}${longest}`);
  articlePage = page.body;
  const gz = await getRaw(`${origin}${longest}`, { 'accept-encoding': 'gzip' });
  const urls = resourceUrls(page.body.toString('utf8'));
  const sizeOf = async (list: string[]) => {
    let total = 0;
    for (const u of list) {
      const raw = await getRaw(new URL(u, origin).toString(), { 'accept-encoding': 'gzip' });
      total += raw.headers['content-encoding'] === 'gzip' ? raw.body.length : gzipSync(raw.body).length;
    }
    return total;
  };
  const manifest = JSON.parse(
    await readFile(resolve(repoRoot, 'apps/reader/dist/client/.vite/manifest.json'), 'utf8'),
  ) as Record<string, { file: string; isDynamicEntry?: boolean }>;
  const lazy = Object.values(manifest).filter((e) => e.isDynamicEntry && e.file.endsWith('.js'));
  const lazyBytes = (
    await Promise.all(
      lazy.map(
        async (e) => gzipSync(await readFile(resolve(repoRoot, 'apps/reader/dist/client', e.file))).length,
      ),
    )
  ).reduce((a, b) => a + b, 0);
  const thirdParty = [...new Set(urls.all.filter(isThirdParty))];
  const cssText = (
    await Promise.all(
      urls.styles.map(async (u) => (await getRaw(new URL(u, origin).toString())).body.toString('utf8')),
    )
  ).join('\n');
  const cssThirdParty = [
    ...cssText.matchAll(/(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?\/\/[^'")\s]+)/g),
  ].map((m) => m[1]!);
  weight = [
    `page weight of ${longest}:`,
    `  HTML ${kb(articlePage.length)} (${kb(gz.body.length)} gzipped as served)`,
    `  JS ${kb(await sizeOf(urls.scripts))} gzipped in ${urls.scripts.length} file(s) linked${lazy.length ? `; plus ${kb(lazyBytes)} gzipped loaded on demand (${lazy.length} chunk(s))` : ''}`,
    `  CSS ${kb(await sizeOf(urls.styles))} gzipped in ${urls.styles.length} file(s)`,
    `  third-party requests: ${thirdParty.length + cssThirdParty.length}${thirdParty.length + cssThirdParty.length ? ` (${[...thirdParty, ...cssThirdParty].join(', ')})` : ''}`,
  ].join('\n');

  // 3. The ceiling: bare Node http sending the article page's html, up beside ours (each idles while the
  // other is measured).
  bareServer = await startBare(articlePage, port + 1);
  await autocannon({ url: bareServer.target.url, connections, duration: 1 });
  await measureServer(server, [['article, cached', longest], ['home, cached', '/']], bareServer.target);
  await server.stop();
}

// 4. Uncached: every request renders (READER_CACHE=off).
{
  const server = await startServer({ READER_CACHE: 'off' });
  startRss.uncached = (await memory(server.child.pid!)).rssMb;
  await measureServer(server, [['article, uncached', longest], ['home, uncached', '/']], bareServer!.target);
  await server.stop();
}

// 5. For comparison only: a bare server sending ASCII filler of the page's length (see startBare).
{
  const filler = await startBare(Buffer.alloc(articlePage.length, 'x'), port + 2);
  results.push(await measurePaired(`bare, ${kb(articlePage.length)} of 'x'`, filler.target, bareServer!.target));
  await filler.stop();
}
await bareServer!.stop();

if (!keptDir) await rm(dataDir, { recursive: true, force: true });
await server?.drop();
log(
  `\n${connections} connections; each row ${duration} s of the server and ${duration} s of the bare one, after ${warmup} s of warm-up; Node ${process.version}; database: ${server ? "PostgreSQL" : "embedded PGlite"}\n`,
);
log(
  [
    'what'.padEnd(26),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'p99 max'.padStart(8),
    'bare req/s'.padStart(11),
    'of bare'.padStart(9),
    'CPU µs/req'.padStart(12),
    'bare µs'.padStart(9),
    'of bare'.padStart(9),
    'peak RSS'.padStart(10),
    'under load'.padStart(11),
    'non-2xx'.padStart(8),
    'errors'.padStart(7),
  ].join(''),
);
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
for (const { label, ours, bare: theirs, peakMb } of results) {
  log(
    [
      label.padEnd(26),
      ours.rps.toFixed(0).padStart(8),
      mean(ours.p50s).toFixed(1).padStart(8),
      median(ours.p99s).toFixed(1).padStart(8),
      Math.max(...ours.p99s).toFixed(1).padStart(8),
      theirs.rps.toFixed(0).padStart(11),
      `${((ours.rps / theirs.rps) * 100).toFixed(1)}%`.padStart(9),
      ours.cpuUs.toFixed(0).padStart(12),
      theirs.cpuUs.toFixed(0).padStart(9),
      `${((theirs.cpuUs / ours.cpuUs) * 100).toFixed(1)}%`.padStart(9),
      (peakMb === null ? '' : `${peakMb.toFixed(0)} MB`).padStart(10),
      (peakMb === null ? '' : `${ours.maxRssMb.toFixed(0)} MB`).padStart(11),
      String(ours.non2xx).padStart(8),
      String(ours.errors).padStart(7),
    ].join(''),
  );
}
log(
  [
    `(Each row: ${SLICES} slices of ${(duration / SLICES).toFixed(1)} s alternating with the bare server, which sends the article`,
    " page's html. First 'of bare': requests/s against the bare server's in the same slices; second: the bare",
    " server's CPU time per response against this one's, which other load on the machine moves much less. p50 is",
    " the mean of the slices', p99 their median, p99 max the highest; each slice follows 1 s of unmeasured load.",
    ` Peak RSS: the server's VmHWM so far, start-up included; under load: the most RSS seen while the row was`,
    ` measured (sampled every 50 ms). Just after starting, the cached server used ${startRss.cached.toFixed(0)} MB, the`,
    ` uncached one ${startRss.uncached.toFixed(0)} MB. The last row is a bare server sending as many 'x' bytes, not used elsewhere:`,
    ' autocannon decodes each body to a string, which costs it more for real html than for ASCII.)\n',
  ].join('\n'),
);
log(weight);
