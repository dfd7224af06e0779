import { countWords, documentText, parseDocument } from '@newsroom/content';
import type { ArticleRow, Database, Kysely } from '@newsroom/db';
import {
  ArticleAuthorsSchema,
  DomainError,
  assertCan,
  can,
  slugify,
  transitionAction,
  uniqueSlug,
  type ArticleListInput,
  type ArticleStatus,
  type ArticleSummary,
  type Action,
  type ArticleAuthorRef,
  type CreateArticleInput,
  type DeleteArticleInput,
  type UpdateArticleInput,
} from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { canOnAny, loadArticleFor } from './article-access.ts';
import {
  countTags,
  deleteArticleIfVersion,
  findArticleAuthors,
  findBylineNames,
  findArticleById,
  findArticleTags,
  listArticlesPage,
  NULLABLE_SORTS,
  replaceArticleAuthors,
  replaceArticleTags,
  saveApplies,
  slugTaken,
  slugsLike,
  updateArticleForSave,
  updateArticleIfVersion,
  type ArticlePagePosition,
} from './article.repository.ts';
import { insertRevision, latestAutosaveAt } from './revision.repository.ts';
import { PUBLISH_SCHEDULED_JOB, type PublishScheduledJob } from './scheduling.service.ts';
import { enforceArticleRights } from '../rights/rights.service.ts';

export const EMPTY_BODY = { root: { type: 'root', children: [] } } as const;

export interface ArticleDetail {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  body: unknown;
  status: ArticleStatus;
  sectionId: string | null;
  authors: Array<{ userId: string | null; guestAuthorId: string | null; name: string; slug: string }>;
  tags: Array<{ id: string; name: string; slug: string }>;
  featuredMediaId: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  rights: {
    copyrightHolder: string | null;
    copyrightYear: number | null;
    licenseCode: string | null;
    syndicationAllowed: boolean;
    rightsNotes: string;
  };
  wordCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  /** Set once the article has been public; corrections can be added from then on. */
  firstPublishedAt: Date | null;
  scheduledAt: Date | null;
  /**
   * Set only by a publish or schedule that went ahead although images lack rights information (setting
   * `warn`): one sentence per image saying what it lacks. Under `block` the move is refused instead.
   */
  warnings?: string[];
}


/** Autosaves keep at most one revision per editor and article in this time; explicit saves always keep one. */
export const AUTOSAVE_REVISION_INTERVAL_MS = 5 * 60_000;

/** A list cursor: the order it belongs to, then where the last page ended (see listArticlesPage). */
function encodeCursor(input: Pick<ArticleListInput, 'sort' | 'direction'>, at: ArticlePagePosition): string {
  return Buffer.from(JSON.stringify([input.sort, input.direction, at.value, at.id])).toString('base64url');
}

/** A timestamp exactly as listArticlesPage writes them (UTC, to the microsecond) and a real date, so the cast cannot fail. */
function isCursorTimestamp(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value)) return false;
  const ms = Date.parse(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** Reads a cursor made by encodeCursor for the same sort and direction; anything else is BAD_INPUT. */
function decodeCursor(cursor: string, input: Pick<ArticleListInput, 'sort' | 'direction'>): ArticlePagePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 4) {
    const [sort, direction, value, id] = parsed as unknown[];
    if (sort !== input.sort || direction !== input.direction) {
      throw new DomainError('BAD_INPUT', 'The page cursor belongs to another order; start from the first page.', { field: 'cursor' });
    }
    const valueOk =
      value === null
        ? NULLABLE_SORTS.has(input.sort)
        : typeof value === 'string' && (input.sort === 'headline' ? value.length <= 1000 && !value.includes('\u0000') : isCursorTimestamp(value));
    if (valueOk && typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
      return { value: value as string | null, id };
    }
  }
  throw new DomainError('BAD_INPUT', 'The page cursor is not valid.', { field: 'cursor' });
}

/** The editorial view of an article row. */
export async function articleDetail(trx: Kysely<Database>, row: ArticleRow): Promise<ArticleDetail> {
  const [authors, tags] = await Promise.all([findArticleAuthors(trx, [row.id]), findArticleTags(trx, [row.id])]);
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    body: row.body,
    status: row.status,
    sectionId: row.section_id,
    authors: authors.map((a) => ({ userId: a.user_id, guestAuthorId: a.guest_author_id, name: a.name, slug: a.slug })),
    tags: tags.map((t) => ({ id: t.id, name: t.name, slug: t.slug })),
    featuredMediaId: row.featured_media_id,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    canonicalUrl: row.canonical_url,
    rights: {
      copyrightHolder: row.copyright_holder,
      copyrightYear: row.copyright_year,
      licenseCode: row.license_code,
      syndicationAllowed: row.syndication_allowed,
      rightsNotes: row.rights_notes,
    },
    wordCount: row.word_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    firstPublishedAt: row.first_published_at,
    scheduledAt: row.scheduled_at,
  };
}

/** A byline from an update, with the input field it came from so errors name what the caller sent. */
interface BylineInput {
  field: 'authors' | 'authorIds';
  authors: ArticleAuthorRef[];
}

/**
 * The byline an update asks for, if any: `authors` (staff and guests), or the older `authorIds` (staff
 * only). Checked with the same rules as at the boundary, for callers that come straight to the service.
 */
function bylineOf(input: Pick<UpdateArticleInput, 'authors' | 'authorIds'>): BylineInput | null {
  if (input.authors !== undefined && input.authorIds !== undefined) {
    throw new DomainError('BAD_INPUT', 'Send the byline as authors or as authorIds, not both.', { field: 'authors' });
  }
  const byline: BylineInput | null =
    input.authors !== undefined
      ? { field: 'authors', authors: input.authors }
      : input.authorIds !== undefined
        ? { field: 'authorIds', authors: input.authorIds.map((id) => ({ kind: 'staff' as const, id })) }
        : null;
  if (!byline) return null;
  const checked = ArticleAuthorsSchema.safeParse(byline.authors);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new DomainError('BAD_INPUT', `The byline ${issue.message}.`, { field: [byline.field, ...issue.path.map(String)].join('.') });
  }
  return { field: byline.field, authors: checked.data };
}

const bylineKey = (a: ArticleAuthorRef) => `${a.kind}:${a.id}`;

/** A byline entry as the audit log keeps it: who, and their name at the time. */
type BylineEntry = ArticleAuthorRef & { name: string };

/** "A", "A and B", "A, B and C": how the reader joins a byline. */
function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** VERSION_CONFLICT carrying the stored text, so the editor can show both and lose nothing. */
export function versionConflict(current: ArticleRow | undefined): never {
  if (!current) throw new DomainError('ARTICLE_NOT_FOUND', 'The article was deleted.', { field: 'id' });
  throw new DomainError('VERSION_CONFLICT', 'Someone else saved this article since you opened it.', {
    details: {
      currentVersion: current.version,
      current: { headline: current.headline, dek: current.dek, body: current.body, updatedAt: current.updated_at.toISOString() },
    },
  });
}

/** Validates a body and derives its searchable text and word count. */
export function bodyFields(body: unknown) {
  try {
    parseDocument(body);
  } catch (error) {
    const issue = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues?.[0];
    const where = issue ? ` (at ${issue.path.join('.')}: ${issue.message})` : '';
    throw new DomainError('BAD_INPUT', `The body holds something the editor cannot store${where}.`, { field: 'body' });
  }
  const text = documentText(body);
  return { body: JSON.stringify(body), body_text: text, word_count: countWords(text) };
}

export function createArticleService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const loadOwned = (ctx: StaffContext, id: string, action: Action) => loadArticleFor(db, ctx, id, action);

  const detail = articleDetail;

  const conflict: (current: ArticleRow | undefined) => never = versionConflict;

  return {
    async list(ctx: StaffContext, input: ArticleListInput): Promise<{ items: ArticleSummary[]; nextCursor: string | null }> {
      // Without `any` read rights the list holds only the actor's own articles.
      const onlyOwnedBy = can(ctx.actor, 'article.read', []) ? undefined : ctx.actor.id;
      const rows = await listArticlesPage(db, { ...input, onlyOwnedBy }, input.cursor ? decodeCursor(input.cursor, input) : null);
      const page = rows.slice(0, input.limit);
      const authors = await findArticleAuthors(db, page.map((r) => r.id));
      const last = page.at(-1);
      return {
        items: page.map((r) => ({
          id: r.id,
          headline: r.headline,
          slug: r.slug,
          status: r.status,
          sectionName: r.section_name,
          authorNames: authors.filter((a) => a.article_id === r.id).map((a) => a.name),
          updatedAt: r.updated_at,
          publishedAt: r.published_at,
          version: r.version,
        })),
        nextCursor: rows.length > input.limit && last ? encodeCursor(input, { value: last.sort_key, id: last.id }) : null,
      };
    },

    async get(ctx: StaffContext, id: string): Promise<ArticleDetail> {
      return detail(db, await loadOwned(ctx, id, 'article.read'));
    },

    async create(ctx: StaffContext, input: CreateArticleInput): Promise<ArticleDetail> {
      assertCan(ctx.actor, 'article.create');
      const body = bodyFields(input.body ?? EMPTY_BODY);
      return db.transaction().execute(async (trx) => {
        let slug = input.slug;
        if (slug) {
          if (await slugTaken(trx, slug)) throw new DomainError('SLUG_TAKEN', 'Another article has that slug.', { field: 'slug' });
        } else {
          const base = slugify(input.headline || 'untitled');
          slug = uniqueSlug(base, await slugsLike(trx, base));
        }
        const row = await trx
          .insertInto('articles')
          .values({ slug, headline: input.headline, dek: input.dek, section_id: input.sectionId, ...body, created_by: ctx.actor.id, updated_by: ctx.actor.id })
          .returningAll()
          .executeTakeFirstOrThrow();
        await replaceArticleAuthors(trx, row.id, [{ kind: 'staff', id: ctx.actor.id }]);
        await insertRevision(trx, row, { kind: 'save', createdBy: ctx.actor.id, at: clock() });
        await insertAudit(trx, ctx, { action: 'article.created', entityType: 'article', entityId: row.id, after: { headline: row.headline, slug } });
        return detail(trx, row);
      });
    },

    /**
     * Saves an edit made from `baseVersion`. If anyone saved since, nothing is written and the caller gets
     * VERSION_CONFLICT with the stored text, so no edit is ever overwritten silently.
     *
     * Overlapping saves from one editor session never conflict with each other. When the save names a
     * `clientId` and every version after `baseVersion` was written by this same user with this same
     * clientId, the save applies: it is a later save of the same open editor (an autosave sent before the
     * previous one had answered), and its text already contains what those versions added. A save by another
     * user or another session, a status change or a restore in between still gives VERSION_CONFLICT with the
     * stored text. The database checks the rule in the UPDATE itself (updateArticleForSave).
     *
     * Revisions: an explicit save always keeps one ('save'). An autosave keeps one ('autosave') only when this
     * user's latest autosave revision of the article is older than AUTOSAVE_REVISION_INTERVAL_MS.
     *
     * The byline (`authors`, or staff-only `authorIds`) replaces the current one. Every entry must be a staff
     * account or a guest author that exists; a role that edits only its own articles cannot leave itself off.
     * A changed byline is audited (before and after) and named in the note of a revision that is always kept.
     */
    async update(ctx: StaffContext, input: UpdateArticleInput & { autosave?: boolean }): Promise<ArticleDetail> {
      const existing = await loadOwned(ctx, input.id, 'article.update');
      const save = { baseVersion: input.baseVersion, userId: ctx.actor.id, clientId: input.clientId ?? null };
      if (!saveApplies(existing, save)) conflict(existing);
      const byline = bylineOf(input);
      if (byline && !can(ctx.actor, 'article.update', []) && !byline.authors.some((a) => a.kind === 'staff' && a.id === ctx.actor.id)) {
        throw new DomainError('FORBIDDEN', 'You cannot take yourself off your own article.', { field: byline.field });
      }
      const tagIds = input.tagIds && [...new Set(input.tagIds)];
      const now = clock();
      const result = await db.transaction().execute(async (trx) => {
        if (input.slug && input.slug !== existing.slug && (await slugTaken(trx, input.slug, existing.id))) {
          throw new DomainError('SLUG_TAKEN', 'Another article has that slug.', { field: 'slug' });
        }
        if (tagIds && (await countTags(trx, tagIds)) !== tagIds.length) {
          throw new DomainError('BAD_INPUT', 'One of the tags does not exist.', { field: 'tagIds' });
        }
        const names = byline ? await findBylineNames(trx, byline.authors) : null;
        byline?.authors.forEach((a, index) => {
          if (!names!.has(bylineKey(a))) {
            const message = a.kind === 'staff' ? 'No such staff member for the byline.' : 'No such guest author for the byline.';
            throw new DomainError('BAD_INPUT', message, { field: `${byline.field}.${index}` });
          }
        });
        const row = await updateArticleForSave(trx, existing.id, save, {
          ...(input.headline !== undefined && { headline: input.headline }),
          ...(input.dek !== undefined && { dek: input.dek }),
          ...(input.slug !== undefined && { slug: input.slug }),
          ...(input.sectionId !== undefined && { section_id: input.sectionId }),
          ...(input.body !== undefined && bodyFields(input.body)),
          ...(input.seoTitle !== undefined && { seo_title: input.seoTitle }),
          ...(input.seoDescription !== undefined && { seo_description: input.seoDescription }),
          ...(input.canonicalUrl !== undefined && { canonical_url: input.canonicalUrl }),
          ...(input.featuredMediaId !== undefined && { featured_media_id: input.featuredMediaId }),
          ...(input.rights?.copyrightHolder !== undefined && { copyright_holder: input.rights.copyrightHolder }),
          ...(input.rights?.copyrightYear !== undefined && { copyright_year: input.rights.copyrightYear }),
          ...(input.rights?.licenseCode !== undefined && { license_code: input.rights.licenseCode }),
          ...(input.rights?.syndicationAllowed !== undefined && { syndication_allowed: input.rights.syndicationAllowed }),
          ...(input.rights?.rightsNotes !== undefined && { rights_notes: input.rights.rightsNotes }),
          updated_at: now,
        });
        if (!row) conflict(await findArticleById(trx, existing.id));
        // Read after the update, which holds the row, so `before` is what this save replaces.
        let bylineChange: { before: BylineEntry[]; after: BylineEntry[] } | null = null;
        if (byline && names) {
          const before: BylineEntry[] = (await findArticleAuthors(trx, [row.id])).map((a) =>
            a.user_id ? { kind: 'staff', id: a.user_id, name: a.name } : { kind: 'guest', id: a.guest_author_id!, name: a.name },
          );
          const after: BylineEntry[] = byline.authors.map((a) => ({ ...a, name: names.get(bylineKey(a))! }));
          const same = before.length === after.length && before.every((b, i) => bylineKey(b) === bylineKey(after[i]!));
          if (!same) bylineChange = { before, after };
        }
        if (bylineChange) {
          await replaceArticleAuthors(trx, row.id, bylineChange.after);
          await insertAudit(trx, ctx, {
            action: 'article.authors_changed',
            entityType: 'article',
            entityId: row.id,
            before: { authors: bylineChange.before },
            after: { authors: bylineChange.after },
          });
        }
        if (tagIds) await replaceArticleTags(trx, row.id, tagIds);
        if (input.slug && input.slug !== existing.slug && existing.first_published_at) {
          // A published URL keeps working: the old slug redirects to the new one.
          await trx.deleteFrom('redirects').where('from_path', '=', `/article/${input.slug}`).execute();
          await trx
            .insertInto('redirects')
            .values({ from_path: `/article/${existing.slug}`, to_path: `/article/${input.slug}`, status_code: 301, article_id: row.id, created_by: ctx.actor.id })
            .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: `/article/${input.slug}` }))
            .execute();
        }
        // Revisions keep the text; a byline change is named in the note so the history shows it.
        const note = bylineChange ? `Byline: ${joinNames(bylineChange.after.map((a) => a.name))}` : undefined;
        const revision = { createdBy: ctx.actor.id, clientId: save.clientId, at: now, note };
        if (!input.autosave) {
          await insertRevision(trx, row, { ...revision, kind: 'save' });
        } else {
          const last = note ? undefined : await latestAutosaveAt(trx, row.id, ctx.actor.id);
          if (!last || now.getTime() - last.getTime() > AUTOSAVE_REVISION_INTERVAL_MS) await insertRevision(trx, row, { ...revision, kind: 'autosave' });
        }
        return row;
      });
      if (result.status === 'published') await deps.onPublicChange?.({ kind: 'article', articleId: result.id });
      return detail(db, result);
    },

    /**
     * Moves an article through the workflow; who may make each move comes from the domain. Scheduling queues
     * a publish job in the same transaction, so the job exists if and only if the change commits; the job
     * re-checks the article, so one left behind by a reschedule or unschedule does nothing.
     */
    async transition(ctx: StaffContext, input: { id: string; baseVersion: number; to: ArticleStatus; scheduledAt?: Date }): Promise<ArticleDetail> {
      const existing = await findArticleById(db, input.id);
      if (!existing) throw new DomainError('ARTICLE_NOT_FOUND', 'No such article.', { field: 'id' });
      const action = transitionAction(existing.status, input.to);
      await loadOwned(ctx, input.id, action);
      if (existing.version !== input.baseVersion) conflict(existing);
      const now = clock();
      if (input.to === 'scheduled' && (!input.scheduledAt || input.scheduledAt <= now)) {
        throw new DomainError('BAD_INPUT', 'A scheduled time must be in the future.', { field: 'scheduledAt' });
      }
      // Every image must have its rights recorded by the time the article goes public (see rights.service.ts).
      const goesPublic = input.to === 'published' || input.to === 'scheduled';
      const warnings = goesPublic ? await enforceArticleRights(db, existing, input.to === 'scheduled' ? input.scheduledAt! : now) : [];
      if (input.to === 'scheduled' && deps.jobs) await deps.jobs.prepare(PUBLISH_SCHEDULED_JOB);
      const row = await db.transaction().execute(async (trx) => {
        const updated = await updateArticleIfVersion(trx, existing.id, input.baseVersion, {
          status: input.to,
          updated_at: now,
          updated_by: ctx.actor.id,
          scheduled_at: input.to === 'scheduled' ? input.scheduledAt! : null,
          publish_job_id: null,
          ...(input.to === 'published' && { published_at: now, first_published_at: existing.first_published_at ?? now }),
          ...(input.to === 'unpublished' && { unpublished_at: now }),
        });
        if (!updated) conflict(await findArticleById(trx, existing.id));
        if (input.to === 'scheduled' && deps.jobs) {
          const job: PublishScheduledJob = { articleId: existing.id, scheduledAt: input.scheduledAt!.toISOString() };
          const jobId = await deps.jobs.sendAt(PUBLISH_SCHEDULED_JOB, job, input.scheduledAt!, trx);
          await trx.updateTable('articles').set({ publish_job_id: jobId }).where('id', '=', existing.id).execute();
        }
        await insertRevision(trx, updated, { kind: 'status', createdBy: ctx.actor.id, at: now });
        await insertAudit(trx, ctx, {
          action: `article.${input.to}`,
          entityType: 'article',
          entityId: existing.id,
          before: { status: existing.status },
          after: { status: input.to, scheduledAt: input.scheduledAt?.toISOString() ?? null },
        });
        return updated;
      });
      if (existing.status === 'scheduled' && existing.publish_job_id && deps.jobs) {
        // Tidiness only: the old job would find the article no longer scheduled for its time and do nothing.
        await deps.jobs.cancel(PUBLISH_SCHEDULED_JOB, existing.publish_job_id).catch(() => {});
      }
      if (existing.status === 'published' || input.to === 'published') await deps.onPublicChange?.({ kind: 'article', articleId: row.id });
      const result = await detail(db, row);
      return warnings.length > 0 ? { ...result, warnings } : result;
    },

    /**
     * Deletes an article for good, with its revisions, corrections and tags. Roles that may delete only their
     * own articles may delete only drafts and articles in review. Nobody deletes a published or scheduled
     * article: unpublish or unschedule it first, so nothing public disappears by accident.
     */
    async delete(ctx: StaffContext, input: DeleteArticleInput): Promise<{ id: string }> {
      const existing = await loadOwned(ctx, input.id, 'article.delete');
      if (existing.status === 'published' || existing.status === 'scheduled') {
        const first = existing.status === 'published' ? 'Unpublish' : 'Unschedule';
        throw new DomainError('INVALID_TRANSITION', `${first} the article before deleting it.`, { field: 'status' });
      }
      if (!canOnAny(ctx, 'article.delete') && existing.status !== 'draft' && existing.status !== 'in_review') {
        throw new DomainError('FORBIDDEN', 'You may delete only drafts and articles in review.', { field: 'status' });
      }
      if (existing.version !== input.baseVersion) conflict(existing);
      await db.transaction().execute(async (trx) => {
        if (!(await deleteArticleIfVersion(trx, existing.id, input.baseVersion))) conflict(await findArticleById(trx, existing.id));
        await insertAudit(trx, ctx, {
          action: 'article.deleted',
          entityType: 'article',
          entityId: existing.id,
          before: { headline: existing.headline, slug: existing.slug, status: existing.status },
        });
      });
      if (existing.first_published_at) await deps.onPublicChange?.({ kind: 'article', articleId: existing.id });
      return { id: existing.id };
    },
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
