import {
  DomainError,
  assertCan,
  slugify,
  type CreateSectionInput,
  type CreateTagInput,
  type Section,
  type Tag,
  type TagSearchInput,
  type UpdateSectionInput,
} from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import {
  findSectionById,
  insertSection,
  insertTagOrGet,
  listSections,
  nextSectionPosition,
  redirectSection,
  searchTags,
  sectionSlugTaken,
  updateSection,
} from './taxonomy.repository.ts';

export const TAG_SEARCH_LIMIT = 20;

/** Sections (the site's departments, in navigation order) and tags (free labels on articles). */
export function createTaxonomyService(deps: ServiceDeps) {
  const { db } = deps;
  return {
    sections(): Promise<Section[]> {
      return listSections(db);
    },

    tags(input: TagSearchInput = {}): Promise<Tag[]> {
      return searchTags(db, input.query || undefined, TAG_SEARCH_LIMIT);
    },

    /** Tags are identified by their slug: asking for "Climate" when "climate" exists returns that one. */
    async createTag(ctx: StaffContext, input: CreateTagInput): Promise<Tag> {
      assertCan(ctx.actor, 'tag.create');
      const slug = slugify(input.name);
      return db.transaction().execute(async (trx) => {
        const { tag, created } = await insertTagOrGet(trx, { name: input.name, slug });
        if (created)
          await insertAudit(trx, ctx, {
            action: 'tag.created',
            entityType: 'tag',
            entityId: tag.id,
            after: { name: tag.name, slug: tag.slug },
          });
        return tag;
      });
    },

    async createSection(ctx: StaffContext, input: CreateSectionInput): Promise<Section> {
      assertCan(ctx.actor, 'section.manage');
      const slug = input.slug ?? slugify(input.name);
      const section = await db.transaction().execute(async (trx) => {
        if (await sectionSlugTaken(trx, slug))
          throw new DomainError('SLUG_TAKEN', 'Another section has that slug.', { field: 'slug' });
        const row = await insertSection(trx, {
          name: input.name,
          slug,
          description: input.description,
          position: input.position ?? (await nextSectionPosition(trx)),
        });
        await insertAudit(trx, ctx, {
          action: 'section.created',
          entityType: 'section',
          entityId: row.id,
          after: row,
        });
        return row;
      });
      await deps.onPublicChange?.({ kind: 'all' });
      return section;
    },

    async updateSection(ctx: StaffContext, input: UpdateSectionInput): Promise<Section> {
      assertCan(ctx.actor, 'section.manage');
      const { id, ...changes } = input;
      const section = await db.transaction().execute(async (trx) => {
        const before = await findSectionById(trx, id);
        if (!before) throw new DomainError('NOT_FOUND', 'No such section.', { field: 'id' });
        if (changes.slug && changes.slug !== before.slug && (await sectionSlugTaken(trx, changes.slug, id))) {
          throw new DomainError('SLUG_TAKEN', 'Another section has that slug.', { field: 'slug' });
        }
        const defined = Object.fromEntries(
          Object.entries(changes).filter(([, v]) => v !== undefined),
        ) as typeof changes;
        const after = Object.keys(defined).length ? await updateSection(trx, id, defined) : before;
        if (changes.slug && changes.slug !== before.slug)
          await redirectSection(trx, before.slug, changes.slug, ctx.actor.id);
        await insertAudit(trx, ctx, {
          action: 'section.updated',
          entityType: 'section',
          entityId: id,
          before,
          after,
        });
        return after!;
      });
      await deps.onPublicChange?.({ kind: 'all' });
      return section;
    },
  };
}

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
