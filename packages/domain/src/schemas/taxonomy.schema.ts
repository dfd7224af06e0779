import { z } from 'zod';
import { SlugSchema } from '../slug.ts';
import { PlainTextSchema } from './settings.schema.ts';

export const TagSchema = z.object({ id: z.uuid(), name: z.string(), slug: z.string() });
export type Tag = z.infer<typeof TagSchema>;

export const SectionSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  position: z.number(),
});
export type Section = z.infer<typeof SectionSchema>;

export const TagSearchInputSchema = z.object({ query: PlainTextSchema(100).optional() }).default({});
export type TagSearchInput = z.infer<typeof TagSearchInputSchema>;

export const CreateTagInputSchema = z.object({
  name: PlainTextSchema(60).pipe(z.string().min(1, 'must not be empty')),
});
export type CreateTagInput = z.infer<typeof CreateTagInputSchema>;

export const CreateSectionInputSchema = z.object({
  name: PlainTextSchema(80).pipe(z.string().min(1, 'must not be empty')),
  /** Made from the name when left out. */
  slug: SlugSchema.optional(),
  description: PlainTextSchema(500).default(''),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CreateSectionInput = z.infer<typeof CreateSectionInputSchema>;

export const UpdateSectionInputSchema = z.object({
  id: z.uuid(),
  name: PlainTextSchema(80).pipe(z.string().min(1, 'must not be empty')).optional(),
  slug: SlugSchema.optional(),
  description: PlainTextSchema(500).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateSectionInput = z.infer<typeof UpdateSectionInputSchema>;
