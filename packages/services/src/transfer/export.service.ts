import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, assertCan, slugify, type ExportManifest } from '@newsroom/domain';
import type { MediaVariant } from '@newsroom/db';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { readStoredIcons } from '../settings/brand-icons.ts';
import { readTableRows, type TransferTable } from './transfer.repository.ts';

/** The archive's JSON files and the table each comes from. */
const JSON_FILES: Array<[file: string, table: TransferTable]> = [
  ['users.json', 'users'],
  ['media.json', 'media'],
  ['sections.json', 'sections'],
  ['tags.json', 'tags'],
  ['guest_authors.json', 'guest_authors'],
  ['revisions.json', 'revisions'],
  ['corrections.json', 'corrections'],
  ['redirects.json', 'redirects'],
];

export interface ExportArchive {
  filename: string;
  manifest: ExportManifest;
  /** The zip, chunk by chunk; media files are read from the store as it is consumed. */
  chunks: AsyncIterable<Uint8Array>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The storage keys of every file the records name: originals, their variants, and the brand icons. */
export function archiveFileKeys(media: ReadonlyArray<Record<string, unknown>>, settings: Record<string, unknown> | null): string[] {
  const keys = new Set<string>();
  for (const row of media) {
    keys.add(row.storage_key as string);
    for (const variant of (row.variants ?? []) as MediaVariant[]) keys.add(variant.key);
  }
  const icons = readStoredIcons(settings?.integrations);
  for (const key of Object.values(icons?.keys ?? {})) if (typeof key === 'string') keys.add(key);
  return [...keys].sort();
}

/**
 * Writes a zip as it goes. fflate calls back synchronously as data is pushed, so after each push the
 * finished chunks are handed on and nothing but the current file's piece is held.
 */
async function* zipChunks(
  jsonFiles: ReadonlyArray<[name: string, value: unknown]>,
  mediaFiles: ReadonlyArray<{ name: string; open: () => Promise<AsyncIterable<Uint8Array> | undefined> }>,
): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length) yield ready.shift()!;
  }
  for (const [name, value] of jsonFiles) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(JSON.stringify(value, null, 1)), true);
    yield* drain();
  }
  for (const { name, open } of mediaFiles) {
    const stream = await open();
    if (!stream) continue;
    // Images are compressed already: stored as they are.
    const file = new ZipPassThrough(name);
    zip.add(file);
    for await (const chunk of stream) {
      file.push(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk as ArrayBufferLike));
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/**
 * The whole publication as one zip (see the archive format in the domain's transfer.schema.ts): settings,
 * staff (without password hashes, sessions or tokens), taxonomy, articles with their bylines and tags,
 * revisions, corrections, redirects, media records, and every stored file under `media/<storage key>`.
 *
 * The records are read in one REPEATABLE READ transaction, so they agree with each other, and held in
 * memory as JSON; the files are streamed from the media store while the zip is consumed. For very large
 * publications the JSON part should become a streamed cursor too.
 */
export function createExportService(deps: ServiceDeps) {
  const { db, clock, mediaStore } = deps;

  return {
    async exportArchive(ctx: StaffContext): Promise<ExportArchive> {
      assertCan(ctx.actor, 'data.export');
      const now = clock();
      const data = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const tables = new Map<TransferTable, Array<Record<string, unknown>>>();
          for (const [, table] of JSON_FILES) tables.set(table, await readTableRows(trx, table));
          const [settings] = await readTableRows(trx, 'publication_settings');
          const articles = await readTableRows(trx, 'articles');
          const authors = await readTableRows(trx, 'article_authors');
          const tags = await readTableRows(trx, 'article_tags');
          return { tables, settings: settings ?? null, articles, authors, tags };
        });

      // Bylines and tags travel inside their article, in order.
      const authorsOf = groupBy(data.authors, (r) => r.article_id as string);
      const tagsOf = groupBy(data.tags, (r) => r.article_id as string);
      const articles = data.articles.map((a) => ({
        ...a,
        authors: (authorsOf.get(a.id as string) ?? []).map(({ position, user_id, guest_author_id }) => ({ position, user_id, guest_author_id })),
        tags: (tagsOf.get(a.id as string) ?? []).map(({ tag_id, position }) => ({ tag_id, position })),
      }));
      const { settings } = data;
      if (settings) delete settings.id;

      const media = data.tables.get('media')!;
      const keys = archiveFileKeys(media, settings);
      const files: Array<[string, unknown]> = [
        ['settings.json', settings],
        ...JSON_FILES.map(([file, table]): [string, unknown] => [file, data.tables.get(table)]),
        ['articles.json', articles],
      ];
      const counts: Record<string, number> = {};
      for (const [file, value] of files) if (Array.isArray(value)) counts[file.replace(/\.json$/, '')] = value.length;
      counts.files = keys.length;

      const publication = typeof settings?.name === 'string' ? settings.name : 'publication';
      const manifest: ExportManifest = {
        format: EXPORT_FORMAT,
        format_version: EXPORT_FORMAT_VERSION,
        exported_at: now.toISOString(),
        publication_name: publication,
        counts,
      };
      await insertAudit(db, ctx, { action: 'data.exported', entityType: 'publication', entityId: null, after: { counts } });

      const chunks = zipChunks(
        [['manifest.json', manifest], ...files],
        keys.map((key) => ({
          name: `media/${key}`,
          // A file the store has lost is left out; the import lists what the records name but the archive lacks.
          open: async () => (await mediaStore.get(key).catch(() => undefined))?.stream,
        })),
      );
      return { filename: `${slugify(publication) || 'publication'}-export-${now.toISOString().slice(0, 10)}.zip`, manifest, chunks };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
