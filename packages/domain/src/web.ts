import { z } from 'zod';

/**
 * A link an admin or writer may put on a page: an absolute http(s) URL, a mailto: address, or a path on
 * this site. Refuses javascript:, data:, protocol-relative `//host` and backslash tricks.
 */
export function isSafeHref(value: string, options: { mailto?: boolean; internal?: boolean } = {}): boolean {
  const { mailto = false, internal = true } = options;
  if (value !== value.trim() || /[\u0000-\u001f\u007f\s\\]/.test(value)) return false;
  if (internal && value.startsWith('/')) return !value.startsWith('//');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname.length > 0;
  return mailto && url.protocol === 'mailto:' && url.pathname.length > 0;
}

export const SafeHrefSchema = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => isSafeHref(v), 'must be a path on this site (/...) or an http(s) URL');

export const AbsoluteHttpUrlSchema = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => isSafeHref(v, { internal: false }), 'must be an http(s) URL');

export const HexColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb')
  .transform((v) => v.toLowerCase());

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour (black or white) that reads best on `background`, and its contrast. */
export function textColorOn(background: string): { color: '#000000' | '#ffffff'; contrast: number } {
  const onWhite = contrastRatio(background, '#ffffff');
  const onBlack = contrastRatio(background, '#000000');
  return onWhite >= onBlack ? { color: '#ffffff', contrast: onWhite } : { color: '#000000', contrast: onBlack };
}

export const MIN_TEXT_CONTRAST = 4.5;

/** An accent colour that text can sit on (white or black) at WCAG AA. */
export const AccentColorSchema = HexColorSchema.refine(
  (v) => textColorOn(v).contrast >= MIN_TEXT_CONTRAST,
  `must leave text on it at a contrast of ${MIN_TEXT_CONTRAST}:1 or more`,
);

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
