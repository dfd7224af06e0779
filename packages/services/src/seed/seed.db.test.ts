import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRAND_ICON_SIZES } from '@newsroom/domain';
import { createTestServices, type TestServices } from '../testing.ts';
import { createOwnerIfNoStaff, seedDemoIfEmpty } from './seed.service.ts';
import { demoImages } from './demo-images.ts';
import { forgetCachedSettings } from '../settings/settings.repository.ts';

let t: TestServices;
beforeAll(async () => {
  t = await createTestServices();
});
afterAll(async () => {
  await t.close();
});

describe('demo seed', () => {
  it('creates Globe Echo with its logo, navigation, notice and a dozen published articles', async () => {
    const result = await seedDemoIfEmpty(t.deps, { ownerEmail: undefined, ownerPassword: undefined, images: true });
    expect(result).toMatchObject({ seeded: true, ownerEmail: 'owner@globe-echo.example' });
    expect(result.seeded && result.generatedPassword).toMatch(/^[\w-]{16}$/);

    const branding = await t.settings.branding();
    expect(branding.name).toBe('Globe Echo');
    expect(branding.logo?.alt).toBe('Smiley face');
    expect(branding.navigation.header.map((n) => n.label)).toEqual(['Weather', 'Live Markets']);
    expect(branding.copyrightNotice).toBe('© 2026 Globe Echo. All Rights Reserved.');
    // Its icons are made from the logo, so browsers find a favicon.
    expect(branding.icons?.map((icon) => icon.size)).toEqual([...BRAND_ICON_SIZES]);
    const favicon = await t.deps.mediaStore.get(branding.icons!.find((icon) => icon.size === 32)!.url.replace(/^\/media\//, ''));
    const bytes = Buffer.concat(await favicon!.stream.toArray());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');

    const home = await t.reader.home();
    const all = [home.lead, ...home.top, ...home.latest].filter(Boolean);
    expect(all).toHaveLength(12);
    expect(all.some((a) => /missile/i.test(a!.headline))).toBe(true);
    const authors = new Set(all.flatMap((a) => a!.authors.map((p) => p.slug)));
    expect(authors.size).toBeGreaterThanOrEqual(3);
    expect(home.sections.length).toBeGreaterThanOrEqual(3);
  });

  it('gives every demo article its featured image, uploaded with alt text, caption, credit and its sizes', async () => {
    const home = await t.reader.home();
    const cards = [home.lead, ...home.top, ...home.latest].filter((card) => card !== null);
    expect(cards.filter((card) => card.image).map((card) => card.slug).sort()).toEqual(demoImages.map((image) => image.slug).sort());

    const lead = demoImages[0]!;
    const article = await t.reader.article(lead.slug);
    expect(article?.image).toMatchObject({
      alt: lead.altText,
      caption: lead.caption,
      credit: 'Illustration: Mira Castell/Globe Echo',
      creator: 'Mira Castell',
      copyrightHolder: 'Globe Echo',
      width: 1600,
      height: 900,
    });
    expect(article!.image!.srcset).toMatch(/-320\.webp 320w, .*-640\.webp 640w, .*-1024\.webp 1024w/);
    const variants = await t.database.db.selectFrom('media').select(['variants', 'mime_type']).where('alt_text', '=', lead.altText).executeTakeFirstOrThrow();
    expect(variants.mime_type).toBe('image/jpeg');
    expect((variants.variants as Array<{ format: string }>).map((v) => v.format)).toContain('avif');
    // Uploaded through the media library: each has its audit entry.
    const audits = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'media.uploaded').execute();
    expect(audits).toHaveLength(demoImages.length);
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
    forgetCachedSettings(t.database.db); // the update bypassed the services that would have said so
    expect((await t.settings.branding()).copyrightNotice).toBe('© 2027 Globe Echo. All Rights Reserved.');
  });
});

describe('without the demo', () => {
  it('creates only the owner and plain settings on a database with no staff, once', async () => {
    const fresh = await createTestServices();
    try {
      const first = await createOwnerIfNoStaff(fresh.deps, { ownerEmail: 'Chief@Example.test', ownerPassword: 'a long owner password' });
      expect(first).toEqual({ seeded: true, ownerEmail: 'chief@example.test', generatedPassword: null });
      expect(await createOwnerIfNoStaff(fresh.deps, { ownerEmail: 'other@example.test', ownerPassword: undefined })).toEqual({ seeded: false });
      const users = await fresh.database.db.selectFrom('users').select(['email', 'role']).execute();
      expect(users).toEqual([{ email: 'chief@example.test', role: 'owner' }]);
      expect(await fresh.database.db.selectFrom('articles').select('id').execute()).toEqual([]);
      expect((await fresh.settings.branding()).name).toBe('Newsroom');
      const login = await fresh.auth.login({ email: 'chief@example.test', password: 'a long owner password' }, { ip: '127.0.0.1', userAgent: 't' });
      expect(login.user.role).toBe('owner');
    } finally {
      await fresh.close();
    }
  });
});
