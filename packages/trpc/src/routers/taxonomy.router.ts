import {
  CreateSectionInputSchema,
  CreateTagInputSchema,
  TagSearchInputSchema,
  UpdateSectionInputSchema,
} from '@newsroom/domain';
import { router, staffProcedure } from '../trpc.ts';

/** Sections and tags: every staff member reads them to file articles; making them needs its permission. */
export const taxonomyRouter = router({
  sections: staffProcedure
    .meta({ permission: 'article.read' })
    .query(({ ctx }) => ctx.services.taxonomy.sections()),

  /** Up to 20 tags matching `query` (all, alphabetically, without one). */
  tags: staffProcedure
    .meta({ permission: 'article.read' })
    .input(TagSearchInputSchema)
    .query(({ ctx, input }) => ctx.services.taxonomy.tags(input)),

  /** Returns the existing tag when one has the same slug. */
  createTag: staffProcedure
    .meta({ permission: 'tag.create' })
    .input(CreateTagInputSchema)
    .mutation(({ ctx, input }) => ctx.services.taxonomy.createTag(ctx.staff, input)),

  createSection: staffProcedure
    .meta({ permission: 'section.manage' })
    .input(CreateSectionInputSchema)
    .mutation(({ ctx, input }) => ctx.services.taxonomy.createSection(ctx.staff, input)),

  updateSection: staffProcedure
    .meta({ permission: 'section.manage' })
    .input(UpdateSectionInputSchema)
    .mutation(({ ctx, input }) => ctx.services.taxonomy.updateSection(ctx.staff, input)),
});
