import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { StaffContext } from '@newsroom/services';
import { createTestServices, type TestServices } from '@newsroom/services/testing';
import { callerFor } from './testing.ts';

let t: TestServices;
let admin: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  admin = await t.staff('administrator');
});
afterAll(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const markets = { enabled: true, quotesUrl: 'http://127.0.0.1:9/quotes?key=secret', symbols: ['AAPL'] };

describe('widgets procedures', () => {
  it('refuse a bad configuration, naming the field', async () => {
    const caller = callerFor(t, admin);
    const bad = await failure(
      caller.widgets.updateConfig({ markets: { ...markets, quotesUrl: 'javascript:alert(1)' } }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('markets.quotesUrl');
    const symbol = await failure(
      caller.widgets.updateConfig({ markets: { ...markets, symbols: ['AAPL', 'drop table'] } }),
    );
    expect(symbol.message).toContain('markets.symbols.1');
    expect((await caller.widgets.getConfig()).config.markets.enabled).toBe(false);
  });

  it('store a good one, and the public surface shows no URL or status', async () => {
    const caller = callerFor(t, admin);
    await caller.widgets.updateConfig({ markets });
    expect((await caller.widgets.getConfig()).config.markets).toEqual(markets);
    const result = await caller.widgets.refreshNow();
    // 127.0.0.1 is not allow-listed here: the refusal is reported, not thrown.
    expect(result.markets.failed[0]!.error).toMatch(/private or reserved address/);
    const publicView = await callerFor(t, null).reader.widgets();
    expect(JSON.stringify(publicView)).not.toContain('secret');
    expect(JSON.stringify(publicView)).not.toContain('127.0.0.1');
    expect(publicView.markets).toEqual({ enabled: true, staleAfterMinutes: 5, quotes: [] });
  });

  it('refuse anonymous callers and editors', async () => {
    expect((await failure(callerFor(t, null).widgets.getConfig())).code).toBe('UNAUTHORIZED');
    expect((await failure(callerFor(t, await t.staff('editor')).widgets.refreshNow())).code).toBe(
      'FORBIDDEN',
    );
  });
});
