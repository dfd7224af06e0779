import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createDb } from '@newsroom/db';
import { createPublicChangeBus, createServices, forgetCachedSettings, type PublicChange, type PublicChangeBus } from '@newsroom/services';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { createRequestListener } from './app.ts';
import { loadReaderAssets } from './http/reader.route.ts';
import { createRenderCache, type RenderCache } from './http/render-cache.ts';

export interface TestApp {
  t: TestServices;
  url: string;
  server: Server;
  /** This app's rendered reader pages; absent with `readerCache: false`. */
  renderCache: RenderCache | undefined;
  close(): Promise<void>;
}

/**
 * The whole HTTP app on a free port over a fresh seeded database, with the reader page cache and public
 * change announcements wired as server.ts wires them. With `sameDatabaseAs`, a second app over that app's
 * database, as a second process would be: its own services, cache and LISTEN (on a Postgres server, its own
 * pool too; embedded PGlite belongs to one process, so there the handle is shared). Close it first.
 */
export async function startTestApp(options: { trustProxy?: boolean | number; readerCache?: boolean; sameDatabaseAs?: TestApp; /** false: an empty database, no demo publication. */ seed?: boolean } = {}): Promise<TestApp> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));

  const url = `http://127.0.0.1:${port}`;
  // Services announce through the bus, which needs their database: made right after them.
  let bus: PublicChangeBus | undefined = undefined;
  const t = options.sameDatabaseAs
    ? await servicesOverSameDatabase(options.sameDatabaseAs.t, (change) => bus?.publish(change))
    : await createTestServices({ seed: options.seed ?? true, publicUrl: url, onPublicChange: (change) => bus?.publish(change) });
  bus = createPublicChangeBus(t.database);
  const renderCache = options.readerCache === false ? undefined : createRenderCache({ clock: t.clock });
  const unsubscribe = await bus.subscribe(() => {
    forgetCachedSettings(t.database.db);
    renderCache?.clear();
  });
  const listener = createRequestListener({
    services: t,
    database: t.database,
    mediaStore: t.deps.mediaStore,
    logger: pino({ level: 'silent' }),
    publicUrl: url,
    trustProxy: options.trustProxy ?? false,
    readerAssets: await loadReaderAssets(),
    renderCache,
  });
  const server = createServer(listener);
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    t,
    url,
    server,
    renderCache,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await unsubscribe?.();
      await t.close();
    },
  };
}

async function servicesOverSameDatabase(first: TestServices, onPublicChange: (change: PublicChange) => unknown): Promise<TestServices> {
  const own = first.database.kind === 'postgres' ? await createDb({ kind: 'postgres', databaseUrl: await first.database.connectionString(), poolSize: 3 }) : undefined;
  const database = own ?? first.database;
  const changes: PublicChange[] = [];
  const services = createServices({
    ...first.deps,
    db: database.db,
    onPublicChange: async (change) => {
      changes.push(change);
      await onPublicChange(change);
    },
  });
  // Closing this one must leave the first app's database alone.
  const close = async () => void (await own?.close());
  return { ...first, ...services, changes, database: { ...database, drop: close }, close };
}

/** The superjson envelope tRPC answers with over HTTP. */
export interface TrpcResponseBody {
  result?: { data: { json: unknown } };
  error?: { json: { message: string; code: number; data: { code: string; httpStatus: number; fieldErrors: Array<{ field: string; message: string }>; domainCode?: string } } };
}

/** Calls a tRPC mutation over HTTP the way the dashboard does (superjson envelope). */
export async function trpcPost(base: string, path: string, input: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify({ json: input }),
  });
  const text = await response.text();
  let body: TrpcResponseBody;
  try {
    body = JSON.parse(text);
  } catch {
    body = {};
  }
  return { status: response.status, body, text, headers: response.headers };
}
