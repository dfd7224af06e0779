import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@newsroom/db';
import { createJobQueue, createServices, type JobQueue, type Services } from '../index.ts';
import { createTestServices, type TestServices } from '../testing.ts';
import { startTestProvider, type TestProvider } from './provider-server.testing.ts';
import { registerWidgetJobs } from './widgets.jobs.ts';
import { WIDGET_JOBS } from './widgets.service.ts';

let t: TestServices;
let provider: TestProvider;
let queue: JobQueue;
let services: Services;

beforeAll(async () => {
  t = await createTestServices({ seed: true });
  provider = await startTestProvider();
  queue = await createJobQueue({
    database: t.database,
    pollingIntervalSeconds: 0.5,
    schedules: false,
  });
  services = createServices({
    ...t.deps,
    jobs: queue,
    config: { ...t.deps.config, widgetAllowPrivateHosts: ['127.0.0.1:*'] },
  });
  await registerWidgetJobs(services, queue);
});
afterAll(async () => {
  await queue.stop();
  await provider.close();
  await t.close();
});

async function within<T>(read: () => Promise<T>, ok: (value: T) => boolean, limitMs = 15_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('widget jobs', () => {
  it('are scheduled every minute', async () => {
    const { rows } = await sql<{
      name: string;
      cron: string;
    }>`SELECT name, cron FROM pgboss.schedule ORDER BY name`.execute(t.database.db);
    expect(rows).toEqual([
      { name: WIDGET_JOBS.markets, cron: '* * * * *' },
      { name: WIDGET_JOBS.weather, cron: '* * * * *' },
    ]);
  });

  it('fetch as soon as an administrator turns a widget on, through the queue', async () => {
    const admin = await t.staff('administrator');
    await services.widgets.updateConfig(admin, {
      weather: {
        enabled: true,
        forecastUrl: provider.forecastUrl,
        locations: [{ name: 'Rome', latitude: 41.9, longitude: 12.5 }],
      },
      markets: { enabled: true, quotesUrl: provider.quotesUrl, symbols: ['AAPL'] },
    });
    const snapshot = await within(
      () => services.widgets.snapshot(),
      (s) => s.weather.locations.length === 1 && s.markets.quotes.length === 1,
    );
    expect(snapshot.weather.locations[0]!.name).toBe('Rome');
    expect(snapshot.markets.quotes[0]!.price).toBe(189.5);
  });

  it('keep running when the provider fails: the job completes and the failure is recorded', async () => {
    provider.mode = 'error';
    const before = (await services.widgets.getConfig(await t.staff('administrator'))).status.markets!
      .attemptedAt;
    t.clock.advance(60_000);
    const id = await queue.send(WIDGET_JOBS.markets, {});
    const state = await within(
      async () =>
        (
          await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE id = ${id}::uuid`.execute(
            t.database.db,
          )
        ).rows[0]?.state,
      (s) => s === 'completed' || s === 'failed',
    );
    expect(state).toBe('completed');
    const status = (await services.widgets.getConfig(await t.staff('administrator'))).status.markets!;
    expect(status.attemptedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(status).toMatchObject({
      ok: false,
      failed: [{ key: 'AAPL', error: 'the provider answered HTTP 500' }],
    });
    expect((await services.widgets.markets()).quotes[0]!.price).toBe(189.5);
  });
});
