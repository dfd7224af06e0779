import { extname } from 'node:path';
import { unzipSync, strFromU8, type Unzipped } from 'fflate';
import { DocumentSchema } from '@newsroom/content';
import { sql, type Database, type Kysely } from '@newsroom/db';
import {
  DomainError,
  ExportArticleSchema,
  ExportCorrectionSchema,
  ExportGuestAuthorSchema,
  ExportManifestSchema,
  ExportMediaSchema,
  ExportRedirectSchema,
  ExportRevisionSchema,
  ExportSectionSchema,
  ExportSettingsSchema,
  ExportTagSchema,
  ExportUserSchema,
  assertCan,
  uniqueSlug,
  type ExportArticle,
  type ExportUser,
  type ImportResult,
} from '@newsroom/domain';
import { z } from 'zod';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { archiveFileKeys } from './export.service.ts';
import { countExistingContent, insertTableRows } from './transfer.repository.ts';

/** Limits on what an archive may unpack to; the HTTP route limits the upload itself. */
export const IMPORT_LIMITS = {
  jsonFileBytes: 256 * 1024 * 1024,
  mediaFileBytes: 64 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
} as const;

/** One import at a time per database (a transaction-scoped advisory lock). */
const IMPORT_LOCK = 7_391_003;

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

const bad = (message: string, details?: Record<string, unknown>) => new DomainError('BAD_INPUT', message, { field: 'archive', details });

function unpack(bytes: Uint8Array): Unzipped {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        const isJson = /^[a-z_]+\.json$/.test(file.name);
        const isMedia = file.name.startsWith('media/') && !file.name.endsWith('/');
        if (!isJson && !isMedia) return false;
        const limit = isJson ? IMPORT_LIMITS.jsonFileBytes : IMPORT_LIMITS.mediaFileBytes;
        total += file.originalSize;
        if (file.originalSize > limit || total > IMPORT_LIMITS.totalBytes) throw bad(`${file.name} is larger than an import takes.`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw bad('The file is not a zip archive this server can read.');
  }
}

/** Parses one JSON file of the archive with its schema; the first problem names the file, row and field. */
function readJson<S extends z.ZodType>(files: Unzipped, name: string, schema: S): z.output<S> {
  const raw = files[name];
  if (!raw) throw bad(`The archive has no ${name}.`);
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(raw));
  } catch {
    throw bad(`${name} is not valid JSON.`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw bad(`${name}${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`, { file: name, path: issue.path.map(String) });
}

function assertBodies(file: string, rows: ReadonlyArray<{ id: string; body: unknown }>): void {
  for (const row of rows) {
    if (!DocumentSchema.safeParse(row.body).success) throw bad(`${file}: the body of ${row.id} holds something the editor cannot store.`);
  }
}

/** A database refusal (a broken reference, a duplicate) means the archive does not hold together. */
function archiveConflict(error: unknown): DomainError | undefined {
  const e = error as { code?: unknown; detail?: unknown; message?: unknown };
  if (typeof e?.code !== 'string' || !e.code.startsWith('23')) return undefined;
  const detail = typeof e.detail === 'string' ? e.detail : typeof e.message === 'string' ? e.message : '';
  return bad(`The archive's records do not fit together: ${detail}`.trim());
}

interface ParsedArchive {
  manifest: z.output<typeof ExportManifestSchema>;
  settings: z.output<typeof ExportSettingsSchema> | null;
  users: ExportUser[];
  media: Array<z.output<typeof ExportMediaSchema>>;
  sections: Array<z.output<typeof ExportSectionSchema>>;
  tags: Array<z.output<typeof ExportTagSchema>>;
  guestAuthors: Array<z.output<typeof ExportGuestAuthorSchema>>;
  articles: ExportArticle[];
  revisions: Array<z.output<typeof ExportRevisionSchema>>;
  corrections: Array<z.output<typeof ExportCorrectionSchema>>;
  redirects: Array<z.output<typeof ExportRedirectSchema>>;
}

function parseArchive(files: Unzipped): ParsedArchive {
  const parsed: ParsedArchive = {
    manifest: readJson(files, 'manifest.json', ExportManifestSchema),
    settings: readJson(files, 'settings.json', ExportSettingsSchema.nullable()),
    users: readJson(files, 'users.json', z.array(ExportUserSchema)),
    media: readJson(files, 'media.json', z.array(ExportMediaSchema)),
    sections: readJson(files, 'sections.json', z.array(ExportSectionSchema)),
    tags: readJson(files, 'tags.json', z.array(ExportTagSchema)),
    guestAuthors: readJson(files, 'guest_authors.json', z.array(ExportGuestAuthorSchema)),
    articles: readJson(files, 'articles.json', z.array(ExportArticleSchema)),
    revisions: readJson(files, 'revisions.json', z.array(ExportRevisionSchema)),
    corrections: readJson(files, 'corrections.json', z.array(ExportCorrectionSchema)),
    redirects: readJson(files, 'redirects.json', z.array(ExportRedirectSchema)),
  };
  assertBodies('articles.json', parsed.articles);
  assertBodies('revisions.json', parsed.revisions);
  if (parsed.users.filter((u) => u.role === 'owner').length > 1) throw bad('users.json names more than one owner.');
  return parsed;
}

/**
 * Restores an archive made by `exportArchive` into an EMPTY publication: no articles, sections, tags, guest
 * authors, media or redirects, and no staff but the member importing (settings, if any, are replaced).
 * Everything keeps its id and timestamps, in one transaction; files go to the media store first and are
 * removed again if the import fails.
 *
 * Staff: password hashes never travel, so every imported account comes in `invited` (send each a new
 * invite from the staff page; the invite keeps their id, role and bylines), except suspended ones, which
 * stay suspended. The archive's owner becomes an administrator while the publication has an owner (the
 * importer). An archive account with the importer's email (or id) IS the importer: its bylines, uploads and
 * history are theirs, and they take its name, slug, bio and photo; their own role and password stay.
 */
export function createImportService(deps: ServiceDeps) {
  const { db, clock, mediaStore } = deps;

  async function assertEmpty(trx: Kysely<Database>, actorId: string): Promise<void> {
    const counts = await countExistingContent(trx, actorId);
    const held = Object.entries(counts).filter(([, n]) => n > 0);
    if (held.length === 0) return;
    const words = held.map(([table, n]) => `${n} ${table === 'users' ? 'other staff accounts' : table.replace('_', ' ')}`);
    throw new DomainError('PUBLICATION_NOT_EMPTY', `An import needs an empty publication; this one already has ${words.join(', ')}.`, {
      field: 'archive',
      details: counts,
    });
  }

  return {
    async importArchive(ctx: StaffContext, bytes: Uint8Array): Promise<ImportResult> {
      assertCan(ctx.actor, 'data.import');
      // Cheap refusal before reading a large archive; checked again inside the transaction.
      await assertEmpty(db, ctx.actor.id);
      const files = unpack(bytes);
      const archive = parseArchive(files);
      const now = clock();

      // The importer, if the archive knows them: by id, else by email.
      const actorEmail = ctx.actor.email.toLowerCase();
      const self = archive.users.find((u) => u.id === ctx.actor.id) ?? archive.users.find((u) => u.email.toLowerCase() === actorEmail);
      const userId = <T extends string | null>(id: T): T => (self && id === self.id ? (ctx.actor.id as T) : id);

      const keys = archiveFileKeys(archive.media, archive.settings);
      const missingFiles = keys.filter((key) => !files[`media/${key}`]);
      const stored: string[] = [];
      let result: { counts: Record<string, number>; formerOwnerId: string | null };
      try {
        for (const key of keys) {
          const file = files[`media/${key}`];
          if (!file) continue;
          stored.push(key);
          await mediaStore.put(key, file, CONTENT_TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream');
        }
        result = await db.transaction().execute(async (trx) => {
          await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
          await assertEmpty(trx, ctx.actor.id);
          const me = await trx.selectFrom('users').select(['id', 'slug', 'role']).where('id', '=', ctx.actor.id).executeTakeFirstOrThrow();
          const hasOwner = me.role === 'owner';

          const others = archive.users.filter((u) => u !== self);
          const formerOwner = hasOwner ? others.find((u) => u.role === 'owner') : undefined;
          const importedSlugs = new Set([...others, ...archive.guestAuthors].map((a) => a.slug));
          if (!self && importedSlugs.has(me.slug)) {
            // The importer's byline slug would clash with an imported colleague's or guest's: theirs moves aside.
            const slug = uniqueSlug(me.slug, importedSlugs);
            await trx.updateTable('users').set({ slug }).where('id', '=', me.id).execute();
          }
          await insertTableRows(
            trx,
            'users',
            others.map((u) => ({
              ...u,
              role: u.role === 'owner' && hasOwner ? 'administrator' : u.role,
              status: u.status === 'suspended' ? 'suspended' : 'invited',
              // Photos point at media, which point back at their uploaders: set once the media exist.
              photo_media_id: null,
            })),
          );
          if (self) await trx.updateTable('users').set({ name: self.name, slug: self.slug, bio: self.bio }).where('id', '=', me.id).execute();

          await insertTableRows(trx, 'media', archive.media.map((m) => ({ ...m, uploaded_by: userId(m.uploaded_by) })));
          for (const u of archive.users) {
            if (u.photo_media_id) await trx.updateTable('users').set({ photo_media_id: u.photo_media_id }).where('id', '=', userId(u.id)).execute();
          }

          if (archive.settings) {
            await trx.deleteFrom('publication_settings').execute();
            await insertTableRows(trx, 'publication_settings', [{ ...archive.settings, id: 1, updated_by: userId(archive.settings.updated_by) }]);
          }
          await insertTableRows(trx, 'sections', archive.sections);
          await insertTableRows(trx, 'tags', archive.tags);
          await insertTableRows(trx, 'guest_authors', archive.guestAuthors);
          await insertTableRows(
            trx,
            'articles',
            archive.articles.map(({ authors: _authors, tags: _tags, ...a }) => ({ ...a, created_by: userId(a.created_by), updated_by: userId(a.updated_by) })),
          );
          await insertTableRows(
            trx,
            'article_authors',
            archive.articles.flatMap((a) => a.authors.map((x) => ({ article_id: a.id, position: x.position, user_id: userId(x.user_id), guest_author_id: x.guest_author_id }))),
          );
          await insertTableRows(
            trx,
            'article_tags',
            archive.articles.flatMap((a) => a.tags.map((x) => ({ article_id: a.id, tag_id: x.tag_id, position: x.position }))),
          );
          await insertTableRows(trx, 'revisions', archive.revisions.map((r) => ({ ...r, created_by: userId(r.created_by) })));
          await insertTableRows(trx, 'corrections', archive.corrections.map((c) => ({ ...c, created_by: userId(c.created_by) })));
          await insertTableRows(trx, 'redirects', archive.redirects.map((r) => ({ ...r, created_by: userId(r.created_by) })));

          const counts = {
            users: others.length,
            media: archive.media.length,
            sections: archive.sections.length,
            tags: archive.tags.length,
            guest_authors: archive.guestAuthors.length,
            articles: archive.articles.length,
            revisions: archive.revisions.length,
            corrections: archive.corrections.length,
            redirects: archive.redirects.length,
            files: keys.length - missingFiles.length,
          };
          await insertAudit(trx, ctx, {
            action: 'data.imported',
            entityType: 'publication',
            entityId: null,
            after: {
              counts,
              publication: archive.manifest.publication_name,
              exportedAt: archive.manifest.exported_at,
              importedAt: now.toISOString(),
              mergedAccount: self?.id ?? null,
              formerOwnerId: formerOwner?.id ?? null,
              missingFiles,
            },
          });
          return { counts, formerOwnerId: formerOwner?.id ?? null };
        });
      } catch (error) {
        // Nothing half-imported: the files go with the failed transaction.
        await Promise.allSettled(stored.map((key) => mediaStore.delete(key)));
        throw archiveConflict(error) ?? error;
      }
      await deps.onPublicChange?.({ kind: 'all' });
      return { ...result, missingFiles };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
