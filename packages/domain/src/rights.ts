import { z } from 'zod';
import { PlainTextSchema } from './schemas/settings.schema.ts';

/**
 * What publishing needs to know about each image an article shows. The rule: an image may go on a public
 * page only when it says what it shows (alt text), who made or supplied it (credit or creator), who owns
 * it (copyright holder) and on what terms (a licence that has not run out), and it is not withdrawn.
 */
export interface ImageRightsFacts {
  altText: string;
  creator: string | null;
  credit: string | null;
  copyrightHolder: string | null;
  licenseCode: string | null;
  licenseExpiresAt: Date | null;
  withdrawnAt: Date | null;
}

/** One thing an image lacks. `missing`: the article points at an image no longer in the library. */
export const RIGHTS_GAPS = ['missing', 'withdrawn', 'altText', 'credit', 'copyrightHolder', 'licence', 'expired'] as const;
export type RightsGap = (typeof RIGHTS_GAPS)[number];

/** Where an article shows an image. */
export type ImagePlace = 'featured' | 'social' | 'body';

const blank = (v: string | null | undefined) => !v || v.trim() === '';

/**
 * What `image` lacks to be published at `at` (an article's publication time: now, or when it is scheduled
 * for). `bodyOverrides` are the alt text and credit an article body's image node sets for itself, which
 * the page shows instead of the library's.
 */
export function imageRightsGaps(
  image: ImageRightsFacts | undefined,
  at: Date,
  bodyOverrides: { altText?: string; credit?: string } = {},
): RightsGap[] {
  if (!image) return ['missing'];
  const gaps: RightsGap[] = [];
  if (image.withdrawnAt) gaps.push('withdrawn');
  if (blank(image.altText) && blank(bodyOverrides.altText)) gaps.push('altText');
  if (blank(image.credit) && blank(image.creator) && blank(bodyOverrides.credit)) gaps.push('credit');
  if (blank(image.copyrightHolder)) gaps.push('copyrightHolder');
  if (blank(image.licenseCode)) gaps.push('licence');
  else if (image.licenseExpiresAt && image.licenseExpiresAt.getTime() <= at.getTime()) gaps.push('expired');
  return gaps;
}

const LACKS: Partial<Record<RightsGap, string>> = {
  altText: 'alt text',
  credit: 'a credit or creator',
  copyrightHolder: 'a copyright holder',
  licence: 'a licence',
};

const PLACES: Record<ImagePlace, string> = { featured: 'featured image', social: 'social image', body: 'in the body' };

function list(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

/** `“Harbour at dawn” (featured image) lacks alt text and a licence`: one image's gaps, for people. */
export function describeRightsGaps(
  image: { label: string; places: readonly ImagePlace[]; licenseExpiresAt: Date | null },
  gaps: readonly RightsGap[],
): string {
  const name = `“${image.label}” (${image.places.map((p) => PLACES[p]).join(', ')})`;
  if (gaps.includes('missing')) return `${name} is no longer in the media library`;
  const parts: string[] = [];
  if (gaps.includes('withdrawn')) parts.push('has been withdrawn');
  const lacks = gaps.flatMap((g) => (LACKS[g] ? [LACKS[g]] : []));
  if (lacks.length) parts.push(`lacks ${list(lacks)}`);
  if (gaps.includes('expired') && image.licenseExpiresAt) {
    parts.push(`has a licence that runs only until ${image.licenseExpiresAt.toISOString().slice(0, 10)}`);
  }
  return `${name} ${list(parts)}`;
}

/** One image that is not cleared for publication, and why. */
export interface ImageRightsIssue {
  mediaId: string;
  label: string;
  places: ImagePlace[];
  gaps: RightsGap[];
  message: string;
}

/** The refusal (setting `block`) or warning (`warn`) that lists every image and what it lacks. */
export function rightsSummary(issues: readonly ImageRightsIssue[]): string {
  const count = issues.length === 1 ? 'An image lacks' : `${issues.length} images lack`;
  return `${count} rights information needed to publish: ${issues.map((i) => i.message).join('; ')}.`;
}

/** A takedown by hand: the image leaves every public page at once. */
export const WithdrawMediaInputSchema = z.object({
  id: z.uuid(),
  reason: PlainTextSchema(500).pipe(z.string().min(1, 'say why the image is withdrawn')),
});
export type WithdrawMediaInput = z.infer<typeof WithdrawMediaInputSchema>;

export const WithdrawnMediaListInputSchema = z
  .object({ limit: z.number().int().min(1).max(200).default(100) })
  .default({ limit: 100 });
export type WithdrawnMediaListInput = z.input<typeof WithdrawnMediaListInputSchema>;
