import { DocumentSchema, documentMediaIds } from '@newsroom/content';
import { sql, type ArticleRow, type Database, type Kysely } from '@newsroom/db';
import {
  DomainError,
  describeRightsGaps,
  imageRightsGaps,
  rightsSummary,
  type ImagePlace,
  type ImageRightsIssue,
} from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { SYSTEM_META, insertAudit } from '../audit/audit.repository.ts';
import { loadArticleFor } from '../articles/article-access.ts';
import { insertRevision } from '../articles/revision.repository.ts';
import { insertNotification } from '../notifications/notification.repository.ts';
import { findImageRights, findRightsEnforcement } from './rights.repository.ts';

/** The images an article shows, where it shows them. */
export type ArticleImages = Pick<ArticleRow, 'featured_media_id' | 'social_media_id' | 'body'>;

export interface RightsCheck {
  /** The publication's setting: `block` refuses to publish, `warn` publishes and says what is missing. */
  mode: 'block' | 'warn';
  /** Images that are not cleared, with what each lacks; empty when every image is. */
  issues: ImageRightsIssue[];
}

/** Alt text and credit a body image node sets for itself (the page shows them instead of the library's). */
function bodyOverrides(body: unknown): Map<string, { altText?: string; credit?: string }> {
  const overrides = new Map<string, { altText?: string; credit?: string }>();
  const parsed = DocumentSchema.safeParse(body);
  if (!parsed.success) return overrides;
  for (const node of parsed.data.root.children) {
    if (node.type !== 'image') continue;
    const seen = overrides.get(node.mediaId);
    // The same image twice: each node must be cleared, so an override counts only when every node has one.
    overrides.set(node.mediaId, {
      altText: seen && !seen.altText ? '' : node.altText,
      credit: seen && !seen.credit ? '' : node.credit,
    });
  }
  return overrides;
}

/**
 * Checks every image `article` shows (featured, social, and each image in the body) for alt text, a credit
 * or creator, a copyright holder and a licence that has not run out by `at`, the time it would go public.
 */
export async function checkArticleRights(db: Kysely<Database>, article: ArticleImages, at: Date): Promise<RightsCheck> {
  const places = new Map<string, ImagePlace[]>();
  const add = (id: string | null, place: ImagePlace) => {
    if (!id) return;
    const list = places.get(id) ?? [];
    if (!list.includes(place)) list.push(place);
    places.set(id, list);
  };
  add(article.featured_media_id, 'featured');
  add(article.social_media_id, 'social');
  for (const id of documentMediaIds(article.body)) add(id, 'body');

  const mode = await findRightsEnforcement(db);
  if (places.size === 0) return { mode, issues: [] };
  const rows = new Map((await findImageRights(db, [...places.keys()])).map((r) => [r.id, r]));
  const overrides = bodyOverrides(article.body);
  const issues: ImageRightsIssue[] = [];
  for (const [mediaId, where] of places) {
    const row = rows.get(mediaId);
    const facts = row && {
      altText: row.alt_text,
      creator: row.creator,
      credit: row.credit,
      copyrightHolder: row.copyright_holder,
      licenseCode: row.license_code,
      licenseExpiresAt: row.license_expires_at,
      withdrawnAt: row.withdrawn_at,
    };
    // A body override applies only where the body shows the image; the featured slot uses the library's.
    const override = where.length === 1 && where[0] === 'body' ? overrides.get(mediaId) : undefined;
    const gaps = imageRightsGaps(facts, at, override);
    if (gaps.length === 0) continue;
    const label = row ? row.alt_text.trim() || override?.altText?.trim() || row.original_filename || 'Untitled image' : mediaId;
    issues.push({
      mediaId,
      label,
      places: where,
      gaps,
      message: describeRightsGaps({ label, places: where, licenseExpiresAt: row?.license_expires_at ?? null }, gaps),
    });
  }
  return { mode, issues };
}

/**
 * The rule at publish and schedule time. Returns warnings (one per image) when the setting is `warn`;
 * refuses with BAD_INPUT on field `rights` when it is `block`, listing every image and what it lacks
 * (also in `details.images`).
 */
export async function enforceArticleRights(db: Kysely<Database>, article: ArticleImages, at: Date): Promise<string[]> {
  const { mode, issues } = await checkArticleRights(db, article, at);
  if (issues.length === 0) return [];
  if (mode === 'block') {
    throw new DomainError('BAD_INPUT', `${rightsSummary(issues)} Complete them in the media library, or change the images.`, {
      field: 'rights',
      details: { images: issues },
    });
  }
  return issues.map((i) => i.message);
}

/**
 * For the scheduled publish (job and sweep), inside its transaction: when the article is still scheduled for
 * `scheduledAt` and, under `block`, one of its images is not cleared now, the article goes back to draft
 * (it would otherwise be retried every minute), with a revision, an audit record
 * `article.publish_blocked` and a notification for editors. `held` says the publish must not go ahead;
 * `warnings` are what `warn` lets through.
 */
export async function holdScheduledPublish(
  deps: Pick<ServiceDeps, 'clock'>,
  trx: Kysely<Database>,
  articleId: string,
  scheduledAt: Date,
): Promise<{ held: boolean; warnings: string[] }> {
  const article = await trx
    .selectFrom('articles')
    .selectAll()
    .where('id', '=', articleId)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '=', scheduledAt)
    .forUpdate()
    .executeTakeFirst();
  if (!article) return { held: false, warnings: [] };
  const now = deps.clock();
  const { mode, issues } = await checkArticleRights(trx, article, now);
  if (issues.length === 0) return { held: false, warnings: [] };
  if (mode === 'warn') return { held: false, warnings: issues.map((i) => i.message) };

  const draft = await trx
    .updateTable('articles')
    .set({
      status: 'draft',
      scheduled_at: null,
      publish_job_id: null,
      updated_at: now,
      updated_client_id: null,
      client_run_base_version: null,
      version: sql`version + 1`,
    })
    .where('id', '=', articleId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertRevision(trx, draft, { kind: 'status', createdBy: null, at: now, note: 'Scheduled publish stopped: image rights incomplete' });
  await insertAudit(
    trx,
    { actor: null, meta: SYSTEM_META },
    {
      action: 'article.publish_blocked',
      entityType: 'article',
      entityId: articleId,
      before: { status: 'scheduled', scheduledAt: scheduledAt.toISOString() },
      after: { status: 'draft', images: issues.map((i) => ({ mediaId: i.mediaId, gaps: i.gaps })) },
    },
  );
  await insertNotification(trx, {
    kind: 'article.publish_blocked',
    title: `Not published: “${article.headline || 'Untitled'}”`,
    body: `It was scheduled for ${scheduledAt.toISOString().replace('T', ' ').slice(0, 16)} UTC and has gone back to draft. ${rightsSummary(issues)}`,
    entityType: 'article',
    entityId: articleId,
    audienceRole: 'editor',
    createdAt: now,
  });
  return { held: true, warnings: [] };
}

/** The publish check on demand, e.g. for the editor to show before anyone presses Publish. */
export function createRightsService(deps: ServiceDeps) {
  const { db, clock } = deps;
  return {
    async checkArticle(ctx: StaffContext, input: { id: string; at?: Date }): Promise<RightsCheck> {
      const article = await loadArticleFor(db, ctx, input.id, 'article.read');
      return checkArticleRights(db, article, input.at ?? clock());
    },
  };
}

export type RightsService = ReturnType<typeof createRightsService>;
