import { randomUUID } from 'node:crypto';
import type { Database, Kysely, MediaVariant } from '@newsroom/db';
import {
  ALT_TEXT_REQUIRED_MESSAGE,
  DomainError,
  MediaListInputSchema,
  RIGHTS_REPORT_DAYS,
  UpdateMediaInputSchema,
  UploadMediaFieldsSchema,
  assertCan,
  can,
  type MediaItem,
  type MediaListInput,
  type MediaSettingsUsage,
  type MediaUsage,
  type RightsReport,
  type UpdateMediaInput,
  type UploadMediaFields,
} from '@newsroom/domain';
import type { z } from 'zod';
import { insertAudit } from '../audit/audit.repository.ts';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { processImage } from './image-processing.ts';
import {
  countProfilesUsingMedia,
  deleteMedia,
  findArticlesUsingMedia,
  findAuthorIds,
  findMediaRecord,
  findSettingsUsingMedia,
  insertMedia,
  listExpiringMedia,
  listMediaPage,
  updateMedia,
  type MediaRecord,
  type MediaTextColumns,
} from './media.repository.ts';
import { mediaPath } from './media-url.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const RIGHTS_REPORT_MAX = 500;

export interface UploadMediaInput extends UploadMediaFields {
  bytes: Uint8Array;
  /** The name the file had on the uploader's computer: shown and searched, never used as a storage key. */
  fileName: string;
}

/** An image that may be put on a page: it exists, has alt text and is not withdrawn. */
export interface UsableMedia {
  id: string;
  src: string;
  altText: string;
  caption: string;
  credit: string;
  width: number | null;
  height: number | null;
  licenseExpiresAt: Date | null;
}

/** Parses with a domain schema; the first problem becomes a BAD_INPUT naming its field. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(input)';
  throw new DomainError('BAD_INPUT', `${field}: ${issue.message}`, { field });
}

/** The uploader's file name, cut to its base name, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return Array.from(base.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim()).slice(0, 200).join('');
}

/** `2026/11`: the folder for files stored in this month (UTC). */
function monthFolder(now: Date): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

function ownersOf(row: Pick<MediaRecord, 'uploaded_by'>): string[] {
  return row.uploaded_by ? [row.uploaded_by] : [];
}

/** The dashboard's view of a row, with what the caller may do with it. */
export function toItem(row: MediaRecord, ctx: StaffContext): MediaItem {
  const variants = (row.variants ?? []) as MediaVariant[];
  // Thumbnails are the smallest WebP: every browser the dashboard supports shows it. A small image has
  // no WebP variant, and its original is small enough.
  const smallest = variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width)[0];
  return {
    id: row.id,
    url: mediaPath(row.storage_key),
    thumbnailUrl: mediaPath(smallest?.key ?? row.storage_key),
    variants: variants.map((v) => ({ url: mediaPath(v.key), width: v.width, height: v.height, format: v.format })),
    mimeType: row.mime_type,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    originalFilename: row.original_filename,
    altText: row.alt_text,
    caption: row.caption,
    creator: row.creator,
    credit: row.credit,
    copyrightHolder: row.copyright_holder,
    licenseCode: row.license_code,
    licenseUrl: row.license_url,
    licenseExpiresAt: row.license_expires_at,
    usageNotes: row.usage_notes,
    uploadedBy: row.uploaded_by ? { id: row.uploaded_by, name: row.uploader_name ?? 'Former staff member' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason,
    canUpdate: can(ctx.actor, 'media.update', ownersOf(row)),
    canDelete: can(ctx.actor, 'media.delete', ownersOf(row)),
  };
}

/** The editable fields of a row, in the domain's names, for audit records. */
function auditedFields(row: MediaTextColumns) {
  return {
    altText: row.alt_text,
    caption: row.caption,
    creator: row.creator,
    credit: row.credit,
    copyrightHolder: row.copyright_holder,
    licenseCode: row.license_code,
    licenseUrl: row.license_url,
    licenseExpiresAt: row.license_expires_at ? row.license_expires_at.toISOString() : null,
    usageNotes: row.usage_notes,
  };
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (
      typeof at === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
    ) {
      return { at, id };
    }
  } catch {
    // fall through
  }
  throw new DomainError('BAD_INPUT', 'cursor: The page cursor is not valid.', { field: 'cursor' });
}

const SETTINGS_LABELS: Record<MediaSettingsUsage, string> = {
  logo: 'the publication logo',
  icon: 'the site icon',
  defaultShare: 'the default share image',
};

/** "in 2 articles (“A”, “B”) and as the publication logo": what stops a delete, in words. */
function describeUsage(usage: MediaUsage): string {
  const parts: string[] = [];
  const articleCount = usage.articles.length + usage.otherArticles;
  if (articleCount > 0) {
    const named = usage.articles.slice(0, 3).map((a) => `“${a.headline || 'Untitled'}”`);
    const more = articleCount - named.length;
    const list = named.length ? ` (${named.join(', ')}${more > 0 ? ` and ${more} more` : ''})` : '';
    parts.push(`in ${articleCount} ${articleCount === 1 ? 'article' : 'articles'}${list}`);
  }
  for (const place of usage.settings) parts.push(`as ${SETTINGS_LABELS[place]}`);
  if (usage.profiles > 0) parts.push(`as ${usage.profiles === 1 ? 'a profile photo' : `${usage.profiles} profile photos`}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/**
 * For code that puts an image on a page (article bodies, featured and share images, the logo): refuses an
 * image that does not exist or is withdrawn (BAD_INPUT naming `field`), or that has no alt text yet
 * (BAD_INPUT naming 'altText'). Call it with the transaction that attaches the image.
 */
export async function assertMediaUsable(db: Kysely<Database>, mediaId: string, options: { field?: string } = {}): Promise<UsableMedia> {
  const row = await findMediaRecord(db, mediaId);
  const field = options.field ?? 'mediaId';
  if (!row) throw new DomainError('BAD_INPUT', 'No such image in the media library.', { field });
  if (row.withdrawn_at) throw new DomainError('BAD_INPUT', 'This image has been withdrawn and cannot be used.', { field });
  if (row.alt_text.trim() === '') {
    throw new DomainError('BAD_INPUT', ALT_TEXT_REQUIRED_MESSAGE, { field: 'altText', details: { mediaId } });
  }
  return {
    id: row.id,
    src: mediaPath(row.storage_key),
    altText: row.alt_text,
    caption: row.caption,
    credit: row.credit ?? '',
    width: row.width,
    height: row.height,
    licenseExpiresAt: row.license_expires_at,
  };
}

export function createMediaService(deps: ServiceDeps) {
  const { db, clock, mediaStore } = deps;

  async function load(ctx: StaffContext, id: string, trx: Kysely<Database> = db, forUpdate = false): Promise<MediaRecord> {
    const row = await findMediaRecord(trx, id, { forUpdate });
    if (!row) throw new DomainError('NOT_FOUND', 'No such image in the media library.', { field: 'id' });
    assertCan(ctx.actor, 'media.read', ownersOf(row));
    return row;
  }

  async function usageOf(ctx: StaffContext, trx: Kysely<Database>, mediaId: string): Promise<MediaUsage> {
    const [articles, settings, profiles] = await Promise.all([
      findArticlesUsingMedia(trx, mediaId),
      findSettingsUsingMedia(trx, mediaId),
      countProfilesUsingMedia(trx, mediaId),
    ]);
    // Someone who may not read an article learns that it uses the image, not what it is called.
    const readsAll = can(ctx.actor, 'article.read', []);
    const authors = readsAll ? [] : await findAuthorIds(trx, articles.map((a) => a.id));
    const visible = articles.filter((a) => {
      if (readsAll) return true;
      const owners = authors.filter((r) => r.article_id === a.id).map((r) => r.user_id!);
      if (a.created_by) owners.push(a.created_by);
      return can(ctx.actor, 'article.read', owners);
    });
    const places = new Set<MediaSettingsUsage>();
    for (const row of settings) {
      if (row.logo_media_id === mediaId) places.add('logo');
      if (row.icon_media_id === mediaId) places.add('icon');
      if (row.default_share_media_id === mediaId) places.add('defaultShare');
    }
    return {
      articles: visible.map((a) => ({
        id: a.id,
        headline: a.headline,
        status: a.status,
        where: [...(a.in_body ? (['body'] as const) : []), ...(a.as_featured ? (['featured'] as const) : []), ...(a.as_social ? (['social'] as const) : [])],
      })),
      otherArticles: articles.length - visible.length,
      settings: [...places],
      profiles,
      inUse: articles.length > 0 || places.size > 0 || profiles > 0,
    };
  }

  /** Tells readers' caches that the published pages showing this image changed. */
  async function announce(mediaId: string): Promise<void> {
    if (!deps.onPublicChange) return;
    const [articles, settings] = await Promise.all([findArticlesUsingMedia(db, mediaId), findSettingsUsingMedia(db, mediaId)]);
    if (settings.length > 0) await deps.onPublicChange({ kind: 'settings' });
    for (const article of articles) {
      if (article.status === 'published') await deps.onPublicChange({ kind: 'article', articleId: article.id });
    }
  }

  return {
    /**
     * Checks, converts and stores one uploaded image: the re-encoded original and its variants under keys the
     * server makes (`2026/11/<uuid>.jpg`, `2026/11/<uuid>-640.webp`), and its row. Credit, creator, copyright
     * and caption embedded in the file fill the fields the uploader left blank. Alt text may come later,
     * but the image cannot be used until it has some.
     */
    async upload(ctx: StaffContext, input: UploadMediaInput): Promise<MediaItem> {
      assertCan(ctx.actor, 'media.upload');
      const { bytes, fileName, ...rest } = input;
      const fields = parseInput(UploadMediaFieldsSchema, rest);
      const processed = await processImage(bytes, fileName);

      const now = clock();
      const id = randomUUID();
      const folder = monthFolder(now);
      const originalKey = `${folder}/${id}.${processed.original.ext}`;
      const stored: string[] = [];
      try {
        stored.push(originalKey);
        await mediaStore.put(originalKey, processed.original.bytes, processed.original.mimeType);
        const variants: MediaVariant[] = [];
        for (const variant of processed.variants) {
          const key = `${folder}/${id}-${variant.width}.${variant.ext}`;
          stored.push(key);
          await mediaStore.put(key, variant.bytes, `image/${variant.format}`);
          variants.push({ key, width: variant.width, height: variant.height, format: variant.format, bytes: variant.bytes.byteLength });
        }
        const { embedded } = processed;
        const columns: MediaTextColumns = {
          alt_text: fields.altText ?? '',
          caption: fields.caption || embedded.caption || '',
          creator: fields.creator ?? embedded.creator,
          credit: fields.credit ?? embedded.credit,
          copyright_holder: fields.copyrightHolder ?? embedded.copyrightHolder,
          license_code: fields.licenseCode ?? null,
          license_url: fields.licenseUrl ?? null,
          license_expires_at: fields.licenseExpiresAt ?? null,
          usage_notes: fields.usageNotes ?? '',
        };
        await db.transaction().execute(async (trx) => {
          await insertMedia(trx, {
            id,
            storage_key: originalKey,
            original_filename: cleanFileName(fileName),
            mime_type: processed.original.mimeType,
            bytes: processed.original.bytes.byteLength,
            width: processed.original.width,
            height: processed.original.height,
            variants,
            uploaded_by: ctx.actor.id,
            created_at: now,
            ...columns,
          });
          await insertAudit(trx, ctx, {
            action: 'media.uploaded',
            entityType: 'media',
            entityId: id,
            after: {
              storageKey: originalKey,
              originalFilename: cleanFileName(fileName),
              mimeType: processed.original.mimeType,
              bytes: processed.original.bytes.byteLength,
              width: processed.original.width,
              height: processed.original.height,
              variants: variants.map((v) => v.key),
              ...auditedFields(columns),
            },
          });
        });
      } catch (error) {
        // Nothing half-stored: without its row a file is unreachable, so it goes too.
        await Promise.allSettled(stored.map((key) => mediaStore.delete(key)));
        throw error;
      }
      return toItem((await findMediaRecord(db, id))!, ctx);
    },

    async list(ctx: StaffContext, rawInput: MediaListInput): Promise<{ items: MediaItem[]; nextCursor: string | null }> {
      assertCan(ctx.actor, 'media.read');
      const input = parseInput(MediaListInputSchema, rawInput);
      const rows = await listMediaPage(
        db,
        {
          query: input.query || undefined,
          uploadedBy: input.onlyMine ? ctx.actor.id : undefined,
          expiresBefore: input.expiringWithinDays === undefined ? undefined : new Date(clock().getTime() + input.expiringWithinDays * DAY_MS),
          limit: input.limit,
        },
        input.cursor ? decodeCursor(input.cursor) : null,
      );
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => toItem(row, ctx)),
        nextCursor: rows.length > input.limit && last ? encodeCursor(last.created_at_exact, last.id) : null,
      };
    },

    async get(ctx: StaffContext, id: string): Promise<MediaItem> {
      return toItem(await load(ctx, id), ctx);
    },

    /** Where an image is shown: articles (named only when the caller may read them), settings, profiles. */
    async usage(ctx: StaffContext, id: string): Promise<MediaUsage> {
      await load(ctx, id);
      return usageOf(ctx, db, id);
    },

    /**
     * Edits the description and rights of an image. Alt text must stay filled in. The audit record holds
     * each changed field before and after, so every change to the rights can be traced.
     */
    async update(ctx: StaffContext, rawInput: UpdateMediaInput): Promise<MediaItem> {
      const input = parseInput(UpdateMediaInputSchema, rawInput);
      const changed = await db.transaction().execute(async (trx) => {
        const row = await load(ctx, input.id, trx, true);
        assertCan(ctx.actor, 'media.update', ownersOf(row));
        const next: MediaTextColumns = {
          alt_text: input.altText,
          caption: input.caption ?? row.caption,
          creator: input.creator !== undefined ? input.creator : row.creator,
          credit: input.credit !== undefined ? input.credit : row.credit,
          copyright_holder: input.copyrightHolder !== undefined ? input.copyrightHolder : row.copyright_holder,
          license_code: input.licenseCode !== undefined ? input.licenseCode : row.license_code,
          license_url: input.licenseUrl !== undefined ? input.licenseUrl : row.license_url,
          license_expires_at: input.licenseExpiresAt !== undefined ? input.licenseExpiresAt : row.license_expires_at,
          usage_notes: input.usageNotes ?? row.usage_notes,
        };
        const before = auditedFields(row);
        const after = auditedFields(next);
        const keys = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key]);
        if (keys.length === 0) return false;
        await updateMedia(trx, row.id, { ...next, updated_at: clock() });
        await insertAudit(trx, ctx, {
          action: 'media.updated',
          entityType: 'media',
          entityId: row.id,
          before: Object.fromEntries(keys.map((key) => [key, before[key]])),
          after: Object.fromEntries(keys.map((key) => [key, after[key]])),
        });
        return true;
      });
      if (changed) await announce(input.id);
      return toItem((await findMediaRecord(db, input.id))!, ctx);
    },

    /** Deletes an image and its files. Refused while anything shows it, saying where. */
    async delete(ctx: StaffContext, id: string): Promise<{ id: string }> {
      const row = await db.transaction().execute(async (trx) => {
        const existing = await load(ctx, id, trx, true);
        assertCan(ctx.actor, 'media.delete', ownersOf(existing));
        const usage = await usageOf(ctx, trx, id);
        if (usage.inUse) {
          throw new DomainError('BAD_INPUT', `This image cannot be deleted: it is used ${describeUsage(usage)}. Remove it from there first.`, {
            field: 'id',
            details: { usage },
          });
        }
        await deleteMedia(trx, id);
        await insertAudit(trx, ctx, {
          action: 'media.deleted',
          entityType: 'media',
          entityId: id,
          before: { storageKey: existing.storage_key, originalFilename: existing.original_filename, uploadedBy: existing.uploaded_by, ...auditedFields(existing) },
        });
        return existing;
      });
      const keys = [row.storage_key, ...((row.variants ?? []) as MediaVariant[]).map((v) => v.key)];
      // The row is gone, so the files are unreachable; a file that fails to go is only disk space.
      await Promise.allSettled(keys.map((key) => mediaStore.delete(key)));
      return { id };
    },

    /**
     * Images whose licence runs out within the next 30 days, and those whose licence has run out but that
     * are still not withdrawn, soonest first, each with where it is used.
     */
    async rightsReport(ctx: StaffContext): Promise<RightsReport> {
      assertCan(ctx.actor, 'media.read');
      const now = clock();
      const rows = await listExpiringMedia(db, new Date(now.getTime() + RIGHTS_REPORT_DAYS * DAY_MS), RIGHTS_REPORT_MAX);
      const entries = [];
      for (const row of rows) {
        const expires = row.license_expires_at!;
        entries.push({
          media: toItem(row, ctx),
          state: expires.getTime() <= now.getTime() ? ('expired' as const) : ('expiring' as const),
          daysLeft: Math.ceil((expires.getTime() - now.getTime()) / DAY_MS),
          usage: await usageOf(ctx, db, row.id),
        });
      }
      return { generatedAt: now, days: RIGHTS_REPORT_DAYS, entries };
    },

    /** See `assertMediaUsable`; pass `db` as the transaction making the change. */
    assertUsable(mediaId: string, options: { db?: Kysely<Database>; field?: string } = {}): Promise<UsableMedia> {
      return assertMediaUsable(options.db ?? db, mediaId, options);
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
