import { diffWords } from 'diff';
import { documentText } from '@newsroom/content';
import type { ArticleRow } from '@newsroom/db';
import {
  DIFF_FIELDS,
  DomainError,
  type Action,
  type ArticleStatus,
  type ConflictCopyInput,
  type DiffPart,
  type FieldDiff,
  type RestoreRevisionInput,
  type Revision,
  type RevisionDiff,
  type RevisionDiffInput,
  type RevisionListInput,
  type RevisionSummary,
} from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { loadArticleFor } from './article-access.ts';
import { findArticleById, updateArticleIfVersion } from './article.repository.ts';
import { articleDetail, bodyFields, versionConflict, type ArticleDetail } from './article.service.ts';
import {
  findRevision,
  hasRevisionOfVersion,
  insertRevision,
  listRevisions,
  type RevisionListRow,
} from './revision.repository.ts';

/** A diff that takes longer than this is shown as "all removed, all added" instead. */
const DIFF_TIMEOUT_MS = 2_000;

type RevisionRow = NonNullable<Awaited<ReturnType<typeof findRevision>>>;

function summary(row: RevisionListRow): RevisionSummary {
  return {
    id: row.id,
    articleId: row.article_id,
    version: row.article_version,
    kind: row.kind,
    status: row.status as ArticleStatus,
    headline: row.headline,
    note: row.note,
    author: row.created_by && row.author_name !== null ? { id: row.created_by, name: row.author_name } : null,
    createdAt: row.created_at,
  };
}

function encodeCursor(row: RevisionListRow): string {
  return Buffer.from(JSON.stringify([row.cursor_at, row.article_version, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; version: number; id: string } {
  try {
    const [createdAt, version, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof createdAt === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$/.test(createdAt) &&
      Number.isSafeInteger(version) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { createdAt, version: version as number, id };
    }
  } catch {
    // fall through
  }
  throw new DomainError('BAD_INPUT', 'The page cursor is not valid.', { field: 'cursor' });
}

/** Word-level changes from `before` to `after`, as parts the dashboard can colour. */
async function wordDiff(before: string, after: string): Promise<DiffPart[]> {
  if (before === after) return before ? [{ value: before }] : [];
  const changes = await new Promise<ReturnType<typeof diffWords> | undefined>((resolve) =>
    diffWords(before, after, { timeout: DIFF_TIMEOUT_MS, callback: resolve }),
  );
  if (!changes) {
    return [
      ...(before ? [{ value: before, removed: true as const }] : []),
      ...(after ? [{ value: after, added: true as const }] : []),
    ];
  }
  return changes.map((c) => ({
    value: c.value,
    ...(c.added && { added: true as const }),
    ...(c.removed && { removed: true as const }),
  }));
}

function plainText(
  source: { headline: string; dek: string; body: unknown },
  field: (typeof DIFF_FIELDS)[number],
): string {
  return field === 'body' ? documentText(source.body) : source[field];
}

/**
 * An article's history. Every save, status change and restore keeps the text it produced as a revision
 * (autosaves at most one per editor every few minutes), so any earlier text can be compared and restored.
 */
export function createRevisionService(deps: ServiceDeps) {
  const { db, clock } = deps;

  /** A revision and its article, if the actor may do `action` on that article; NOT_FOUND otherwise. */
  async function load(
    ctx: StaffContext,
    id: string,
    action: Action,
    field = 'id',
  ): Promise<{ revision: RevisionRow; article: ArticleRow }> {
    const revision = await findRevision(db, id);
    if (!revision) throw new DomainError('NOT_FOUND', 'No such revision.', { field });
    const article = await loadArticleFor(db, ctx, revision.article_id, action).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'ARTICLE_NOT_FOUND')
        throw new DomainError('NOT_FOUND', 'No such revision.', { field });
      throw error;
    });
    return { revision, article };
  }

  return {
    /** Newest first, at most 50 a page; pass `nextCursor` back as `cursor` for the next page. */
    async list(
      ctx: StaffContext,
      input: RevisionListInput,
    ): Promise<{ items: RevisionSummary[]; nextCursor: string | null }> {
      await loadArticleFor(db, ctx, input.articleId, 'article.read');
      const rows = await listRevisions(
        db,
        input.articleId,
        input.cursor ? decodeCursor(input.cursor) : null,
        input.limit,
      );
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map(summary),
        nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
      };
    },

    async get(ctx: StaffContext, id: string): Promise<Revision> {
      const { revision } = await load(ctx, id, 'article.read');
      return { ...summary(revision), dek: revision.dek, body: revision.body };
    },

    /** What changed in headline, dek and body text from one revision to another (or to the current text). */
    async diff(ctx: StaffContext, input: RevisionDiffInput): Promise<RevisionDiff> {
      const from = await load(ctx, input.fromId, 'article.read', 'fromId');
      let to: RevisionRow | null = null;
      if (input.toId) {
        to = (await load(ctx, input.toId, 'article.read', 'toId')).revision;
        if (to.article_id !== from.revision.article_id)
          throw new DomainError('BAD_INPUT', 'Both revisions must be of the same article.', {
            field: 'toId',
          });
      }
      const after = to ?? from.article;
      const fields: FieldDiff[] = [];
      for (const field of DIFF_FIELDS) {
        const parts = await wordDiff(plainText(from.revision, field), plainText(after, field));
        fields.push({ field, changed: parts.some((p) => p.added || p.removed), parts });
      }
      return { from: summary(from.revision), to: to && summary(to), fields };
    },

    /**
     * Makes a revision's headline, dek and body the article's text again, as a new version (so it is refused
     * with VERSION_CONFLICT when `baseVersion` is stale). Nothing is lost: the text being replaced is kept as
     * a revision first if it is not one already (an autosave between revisions), and the restore keeps one.
     */
    async restore(ctx: StaffContext, input: RestoreRevisionInput): Promise<ArticleDetail> {
      const { revision, article } = await load(ctx, input.id, 'article.update');
      if (article.version !== input.baseVersion) versionConflict(article);
      const body = bodyFields(revision.body);
      const now = clock();
      const row = await db.transaction().execute(async (trx) => {
        if (!(await hasRevisionOfVersion(trx, article.id, article.version))) {
          await insertRevision(trx, article, {
            kind: 'save',
            createdBy: article.updated_by,
            clientId: article.updated_client_id,
            at: now,
            note: 'Kept before a restore',
          });
        }
        const updated = await updateArticleIfVersion(trx, article.id, input.baseVersion, {
          headline: revision.headline,
          dek: revision.dek,
          ...body,
          updated_at: now,
          updated_by: ctx.actor.id,
        });
        if (!updated) versionConflict(await findArticleById(trx, article.id));
        await insertRevision(trx, updated, {
          kind: 'restore',
          createdBy: ctx.actor.id,
          at: now,
          note: `Restored version ${revision.article_version}`,
        });
        await insertAudit(trx, ctx, {
          action: 'article.restored',
          entityType: 'article',
          entityId: article.id,
          before: { version: article.version },
          after: {
            version: updated.version,
            revisionId: revision.id,
            restoredVersion: revision.article_version,
          },
        });
        return updated;
      });
      if (row.status === 'published') await deps.onPublicChange?.({ kind: 'article', articleId: row.id });
      return articleDetail(db, row);
    },

    /**
     * "Keep yours" after a conflict: stores the caller's text as a revision of kind 'conflict' without
     * changing the article, so nothing is lost while the editor picks (restore it to make it current).
     */
    async saveConflictCopy(ctx: StaffContext, input: ConflictCopyInput): Promise<RevisionSummary> {
      const article = await loadArticleFor(db, ctx, input.id, 'article.update');
      bodyFields(input.body);
      const copy = {
        id: article.id,
        version: article.version,
        headline: input.headline,
        dek: input.dek,
        body: input.body,
        status: article.status,
      };
      const { id } = await insertRevision(db, copy, {
        kind: 'conflict',
        createdBy: ctx.actor.id,
        clientId: input.clientId ?? null,
        at: clock(),
        note: `Not saved: conflicted with version ${article.version}`,
      });
      const row = await findRevision(db, id);
      return summary(row!);
    },
  };
}

export type RevisionService = ReturnType<typeof createRevisionService>;
