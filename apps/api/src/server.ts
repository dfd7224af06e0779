import { createServer } from 'node:http';
import pino from 'pino';
import { createDb, migrateToLatest } from '@newsroom/db';
import { createJobQueue, createOwnerIfNoStaff, createPublicChangeBus, createServices, forgetCachedSettings, defaultServiceConfig, loadOrCreateSecret, LocalDiskMediaStore, seedDemoIfEmpty, startWorkers } from '@newsroom/services';
import { createRequestListener } from './app.ts';
import { readEnv } from './env.ts';
import { loadReaderAssets } from './http/reader.route.ts';
import { createRenderCache } from './http/render-cache.ts';

const startedAt = performance.now();
const env = readEnv();
const logger = pino({ level: env.logLevel, base: { service: 'newsroom' } });

const database = await createDb(env.database);
const applied = await migrateToLatest(database.db);
if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

const jobs = createJobQueue({
  database,
  onError: (err) => logger.error({ err }, 'job queue error'),
});
const mediaStore = new LocalDiskMediaStore(env.mediaDir);
// A change readers can see is announced to every process sharing the database (NOTIFY), each of which
// drops its rendered pages.
const publicChanges = createPublicChangeBus(database, { onError: (err) => logger.error({ err }, 'could not announce a public change') });
const secret = env.appSecret ?? (await loadOrCreateSecret(database.db));
const services = createServices({
  db: database.db,
  mediaStore,
  jobs,
  config: { ...defaultServiceConfig(env.publicUrl, secret), smtpUrl: env.smtpUrl, mailFrom: env.mailFrom, widgetAllowPrivateHosts: env.widgetAllowPrivateHosts },
  clock: () => new Date(),
  onPublicChange: (change) => publicChanges.publish(change),
});
const renderCache = env.readerCache ? createRenderCache({ clock: services.deps.clock }) : undefined;
await publicChanges.subscribe(() => {
  forgetCachedSettings(database.db);
  renderCache?.clear();
});

const owner = { ownerEmail: env.owner.email, ownerPassword: env.owner.password };
const seed = env.seedDemo ? await seedDemoIfEmpty(services.deps, { ...owner, images: true }) : await createOwnerIfNoStaff(services.deps, owner);
if (seed.seeded) {
  logger.info({ ownerEmail: seed.ownerEmail }, env.seedDemo ? 'seeded the demo publication Globe Echo' : 'created the owner account');
  if (seed.generatedPassword) {
    // Shown once, on the first start only: the hash is all that is kept.
    process.stdout.write(
      `\n  Owner account created. Sign in at ${env.publicUrl}/admin\n    email:    ${seed.ownerEmail}\n    password: ${seed.generatedPassword}\n  (set OWNER_EMAIL and OWNER_PASSWORD to choose them)\n\n`,
    );
  }
}

const listener = createRequestListener({
  services,
  database,
  mediaStore,
  logger,
  publicUrl: env.publicUrl,
  trustProxy: env.trustProxy,
  readerAssets: await loadReaderAssets(),
  renderCache,
});

const server = createServer(listener);
server.keepAliveTimeout = 65_000;
server.listen(env.port, env.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  logger.info({ port, database: database.kind, publicUrl: env.publicUrl, startupMs: Math.round(performance.now() - startedAt) }, `Newsroom listening on http://localhost:${port}`);
});

// Embedded, the statistics and cleanup autovacuum would keep: now (the seed or an import may have changed
// much) and every hour. Does nothing on a PostgreSQL server.
const MAINTENANCE_INTERVAL_MS = 60 * 60_000;
const maintain = () => {
  const started = performance.now();
  database.maintain().then(
    () => logger.debug({ ms: Math.round(performance.now() - started) }, 'database maintenance done'),
    (err: unknown) => logger.error({ err }, 'database maintenance failed'),
  );
};
maintain();
const maintenance = setInterval(maintain, MAINTENANCE_INTERVAL_MS);
maintenance.unref();

// Jobs start once the server already answers: a restart serves readers while the queue connects.
startWorkers(services, jobs).then(
  () => logger.info({ startupMs: Math.round(performance.now() - startedAt) }, 'job workers started'),
  (err: unknown) => {
    logger.fatal({ err }, 'job workers failed to start');
    process.exitCode = 1;
    void shutdown('workers');
  },
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(maintenance);
  logger.info({ signal }, 'shutting down: finishing open requests');
  const force = setTimeout(() => {
    logger.warn('requests still open after 10 s; closing anyway');
    server.closeAllConnections();
  }, 10_000);
  force.unref();
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await jobs.stop();
  await database.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
