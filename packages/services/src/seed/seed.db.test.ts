import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../testing.ts';
import { seedDemoIfEmpty } from './seed.service.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.close();
});

describe('demo seed', () => {
  it('creates Globe Echo with its logo, navigation, notice and a dozen published articles', async () => {
    const result = await seedDemoIfEmpty(t.deps, { ownerEmail: undefined, ownerPassword: undefined });
    expect(result).toMatchObject({ seeded: true, ownerEmail: 'owner@globe-echo.example' });
    expect(result.seeded && result.generatedPassword).toMatch(/^[\w-]{16}$/);

    const branding = await t.settings.branding();
    expect(branding.name).toBe('Globe Echo');
    expect(branding.logo?.alt).toBe('Smiley face');
    expect(branding.navigation.header.map((n) => n.label)).toEqual(['Weather', 'Live Markets']);
    expect(branding.copyrightNotice).toBe('© 2026 Globe Echo. All Rights Reserved.');

    const home = await t.reader.home();
    const all = [home.lead, ...home.top, ...home.latest].filter(Boolean);
    expect(all).toHaveLength(12);
    expect(all.some((a) => /missile/i.test(a!.headline))).toBe(true);
    const authors = new Set(all.flatMap((a) => a!.authors.map((p) => p.slug)));
    expect(authors.size).toBeGreaterThanOrEqual(3);
    expect(home.sections.length).toBeGreaterThanOrEqual(3);
  });

  it('never touches a database that has content', async () => {
    const before = await t.database.db.selectFrom('articles').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await seedDemoIfEmpty(t.deps, { ownerEmail: 'other@example.test', ownerPassword: 'another password' })).toEqual({ seeded: false });
    const after = await t.database.db.selectFrom('articles').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'other@example.test').executeTakeFirst()).toBeUndefined();
  });

  it('renders the year in the publication time zone', async () => {
    t.clock.set('2026-12-31T23:30:00Z');
    expect((await t.settings.branding()).copyrightNotice).toBe('© 2026 Globe Echo. All Rights Reserved.');
    await t.database.db.updateTable('publication_settings').set({ time_zone: 'Asia/Tokyo' }).execute();
    expect((await t.settings.branding()).copyrightNotice).toBe('© 2027 Globe Echo. All Rights Reserved.');
  });
});
