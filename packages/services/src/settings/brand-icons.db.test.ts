import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffContext } from '../context.ts';
import { createTestServices, type TestServices } from '../testing.ts';

let t: TestServices;
let admin: StaffContext;
beforeAll(async () => {
  t = await createTestServices({ seed: true });
  admin = await t.staff('administrator');
});
afterAll(async () => {
  await t.close();
});

async function stored(url: string): Promise<Buffer> {
  const file = await t.deps.mediaStore.get(url.replace(/^\/media\//, ''));
  if (!file) throw new Error(`missing ${url}`);
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('icons from one image', () => {
  it('makes 16, 32, 180, 192 and 512 pixel PNGs, sets the icon, and the branding lists them', async () => {
    const logoId = (await t.settings.get(admin)).logoMediaId!;
    const iconAudits = () => t.database.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'settings.icons_generated').execute();
    // The demo seed made its icons from the logo already.
    const auditsBefore = (await iconAudits()).length;
    const icons = await t.settings.generateIcons(admin, { mediaId: logoId });
    expect(icons.map((i) => i.size)).toEqual([16, 32, 180, 192, 512]);
    for (const icon of icons) {
      expect(icon.url).toMatch(new RegExp(`^/media/brand/icons/[0-9a-f]{16}-${icon.size}\\.png$`));
      const meta = await sharp(await stored(icon.url)).metadata();
      expect(meta).toMatchObject({ format: 'png', width: icon.size, height: icon.size });
    }
    const branding = await t.settings.branding();
    expect(branding.icons).toEqual(icons);
    expect((await t.settings.get(admin)).iconMediaId).toBe(logoId);
    expect(t.changes.at(-1)).toEqual({ kind: 'settings' });
    const audits = await iconAudits();
    expect(audits).toHaveLength(auditsBefore + 1);
    expect(audits.filter((a) => a.actor_id === admin.actor.id)).toHaveLength(1);
  });

  it('keeps other integrations, and drops the icons from the branding when another icon is chosen', async () => {
    await t.database.db.updateTable('publication_settings').set({ integrations: JSON.stringify({ analytics: { id: 'x' }, icons: (await t.database.db.selectFrom('publication_settings').select('integrations').executeTakeFirstOrThrow()).integrations.icons }) }).execute();
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#ff0000' } }).png().toBuffer();
    await t.deps.mediaStore.put('2026/11/red.png', png, 'image/png');
    const media = await t.database.db
      .insertInto('media')
      .values({ storage_key: '2026/11/red.png', mime_type: 'image/png', bytes: png.length, width: 300, height: 200 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.settings.update(admin, { iconMediaId: media.id });
    expect((await t.settings.branding()).icons).toEqual([]);
    const icons = await t.settings.generateIcons(admin, { mediaId: media.id });
    expect((await t.settings.branding()).icons).toEqual(icons);
    const row = await t.database.db.selectFrom('publication_settings').select('integrations').executeTakeFirstOrThrow();
    expect(row.integrations).toMatchObject({ analytics: { id: 'x' }, icons: { mediaId: media.id } });
  });

  it('refuses unknown images and roles without settings.update', async () => {
    await expect(t.settings.generateIcons(admin, { mediaId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ field: 'mediaId' });
    const editor = await t.staff('editor');
    const logoId = (await t.settings.get(admin)).logoMediaId!;
    await expect(t.settings.generateIcons(editor, { mediaId: logoId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
