import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { createApp } from './app.ts';
import { loadReaderAssets } from './http/reader.route.ts';

export interface TestApp {
  t: TestServices;
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The whole HTTP app on a free port over a fresh seeded database. */
export async function startTestApp(options: { trustProxy?: boolean | number } = {}): Promise<TestApp> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));

  const url = `http://127.0.0.1:${port}`;
  const t = await createTestServices({ seed: true, publicUrl: url });
  const app = createApp({
    services: t,
    database: t.database,
    mediaStore: t.deps.mediaStore,
    logger: pino({ level: 'silent' }),
    publicUrl: url,
    trustProxy: options.trustProxy ?? false,
    readerAssets: await loadReaderAssets(),
  });
  const server = createServer(app);
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    t,
    url,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    },
  };
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
