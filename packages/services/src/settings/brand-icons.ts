import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Metadata } from 'sharp';
import { loadSharp } from '../media/load-sharp.ts';
import { BRAND_ICON_SIZES, DomainError, assertCan, type BrandIcon } from '@newsroom/domain';
import { sql } from '@newsroom/db';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { MEDIA_LIMITS } from '../media/image-processing.ts';
import { mediaPath } from '../media/media-url.ts';

/** What `publication_settings.integrations.icons` holds: the icon image they were made from, and their keys by size. */
export interface StoredBrandIcons {
  mediaId: string;
  keys: Record<string, string>;
}

export function readStoredIcons(integrations: unknown): StoredBrandIcons | null {
  const icons = (integrations as { icons?: unknown } | null)?.icons as Partial<StoredBrandIcons> | undefined;
  if (!icons || typeof icons.mediaId !== 'string' || typeof icons.keys !== 'object' || icons.keys === null) return null;
  return { mediaId: icons.mediaId, keys: icons.keys as Record<string, string> };
}

/** The public icon list, when the stored icons were made from the current icon image. */
export function brandIcons(integrations: unknown, iconMediaId: string | null): BrandIcon[] {
  const stored = readStoredIcons(integrations);
  if (!stored || !iconMediaId || stored.mediaId !== iconMediaId) return [];
  return BRAND_ICON_SIZES.flatMap((size) => {
    const key = stored.keys[String(size)];
    return typeof key === 'string' ? [{ size, url: mediaPath(key) }] : [];
  });
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > limit) {
      stream.destroy();
      throw new DomainError('BAD_INPUT', 'That image is too large to make icons from.', { field: 'mediaId' });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Makes the favicons (16 and 32), the apple-touch-icon (180) and the manifest icons (192, 512) as square
 * PNGs from one image in the media library, stores them under `brand/icons/<hash>-<size>.png`, and makes
 * that image the publication's icon. The same image always gives the same keys.
 */
export async function generateBrandIcons(deps: ServiceDeps, ctx: StaffContext, input: { mediaId: string }): Promise<BrandIcon[]> {
  assertCan(ctx.actor, 'settings.update');
  const media = await deps.db
    .selectFrom('media')
    .select(['id', 'storage_key', 'mime_type', 'withdrawn_at'])
    .where('id', '=', input.mediaId)
    .executeTakeFirst();
  if (!media || media.withdrawn_at) throw new DomainError('BAD_INPUT', 'No such image in the media library.', { field: 'mediaId' });
  const file = await deps.mediaStore.get(media.storage_key);
  if (!file) throw new DomainError('BAD_INPUT', 'The stored file of that image is missing.', { field: 'mediaId' });
  const source = await readAll(file.stream, MEDIA_LIMITS.maxBytes);

  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(source, { limitInputPixels: MEDIA_LIMITS.maxPixels }).metadata();
  } catch {
    throw new DomainError('BAD_INPUT', 'That file is not an image icons can be made from.', { field: 'mediaId' });
  }
  const keys: Record<string, string> = {};
  for (const size of BRAND_ICON_SIZES) {
    // A vector image is drawn at the size wanted rather than scaled up from its nominal pixels.
    const smallest = Math.max(1, Math.min(meta.width ?? size, meta.height ?? size));
    const density = meta.format === 'svg' ? Math.min(2400, Math.max(72, Math.ceil((72 * size) / smallest))) : undefined;
    const png = await sharp(source, { limitInputPixels: MEDIA_LIMITS.maxPixels, ...(density ? { density } : {}) })
      .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const key = `brand/icons/${hash}-${size}.png`;
    await deps.mediaStore.put(key, png, 'image/png');
    keys[String(size)] = key;
  }

  const stored: StoredBrandIcons = { mediaId: media.id, keys };
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('publication_settings').select(['icon_media_id']).where('id', '=', 1).forUpdate().executeTakeFirst();
    if (!before) throw new DomainError('NOT_FOUND', 'The publication has no settings yet.');
    // Merged into `integrations`, so whatever else lives there stays.
    await trx
      .updateTable('publication_settings')
      .set({
        icon_media_id: media.id,
        integrations: sql`integrations || jsonb_build_object('icons', ${JSON.stringify(stored)}::jsonb)`,
        updated_at: deps.clock(),
        updated_by: ctx.actor.id,
      })
      .where('id', '=', 1)
      .execute();
    await insertAudit(trx, ctx, {
      action: 'settings.icons_generated',
      entityType: 'settings',
      entityId: '1',
      before: { iconMediaId: before.icon_media_id },
      after: { iconMediaId: media.id, icons: keys },
    });
  });
  await deps.onPublicChange?.({ kind: 'settings' });
  return brandIcons({ icons: stored }, media.id);
}
