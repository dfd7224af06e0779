import { z } from 'zod';
import { LICENSE_CODES } from '../copyright.ts';
import { AbsoluteHttpUrlSchema, AccentColorSchema, SafeHrefSchema, isValidTimeZone } from '../web.ts';

/** Plain single-line text: no control characters. */
export const PlainTextSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), 'must not hold control characters');

export const NavItemSchema = z.object({
  label: PlainTextSchema(60).pipe(z.string().min(1, 'must not be empty')),
  url: SafeHrefSchema,
});
export type NavItem = z.infer<typeof NavItemSchema>;

export const NavigationSchema = z.object({
  header: z.array(NavItemSchema).max(12, 'may hold at most 12 links'),
  footer: z.array(NavItemSchema).max(24, 'may hold at most 24 links'),
});

export const LicenseSchema = z.object({
  code: z.enum(LICENSE_CODES),
  customText: PlainTextSchema(300).nullable().default(null),
  customUrl: AbsoluteHttpUrlSchema.nullable().default(null),
});
export type License = z.infer<typeof LicenseSchema>;

export const SocialAccountsSchema = z.object({
  x: PlainTextSchema(60).nullable().default(null),
  facebook: AbsoluteHttpUrlSchema.nullable().default(null),
  instagram: AbsoluteHttpUrlSchema.nullable().default(null),
  linkedin: AbsoluteHttpUrlSchema.nullable().default(null),
});

export const RightsEnforcementSchema = z.enum(['block', 'warn']);

/** Everything an administrator sets about the publication. */
export const PublicationSettingsSchema = z.object({
  name: PlainTextSchema(120).pipe(z.string().min(1, 'must not be empty')),
  description: PlainTextSchema(500),
  logoMediaId: z.uuid().nullable(),
  logoAlt: PlainTextSchema(200),
  iconMediaId: z.uuid().nullable(),
  accentColor: AccentColorSchema,
  navigation: NavigationSchema,
  copyrightTemplate: PlainTextSchema(300).pipe(z.string().min(1, 'must not be empty')),
  defaultLicense: LicenseSchema,
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London'),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or en-GB'),
  social: SocialAccountsSchema,
  rightsEnforcement: RightsEnforcementSchema,
});
export type PublicationSettings = z.infer<typeof PublicationSettingsSchema>;

export const UpdateSettingsInputSchema = PublicationSettingsSchema.partial()
  .refine((s) => !(s.logoMediaId && s.logoAlt === ''), { message: 'a logo needs alt text', path: ['logoAlt'] });
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInputSchema>;

/** Square PNG sizes made from the icon: favicons, the apple-touch-icon and the web app manifest's. */
export const BRAND_ICON_SIZES = [16, 32, 180, 192, 512] as const;
export const BrandIconSchema = z.object({ size: z.number().int(), url: z.string() });
export type BrandIcon = z.infer<typeof BrandIconSchema>;

/** What the reader and the dashboard need to draw the header and footer. Safe to show anyone. */
export const PublicBrandingSchema = z.object({
  name: z.string(),
  description: z.string(),
  logo: z.object({ url: z.string(), alt: z.string(), width: z.number().nullable(), height: z.number().nullable() }).nullable(),
  iconUrl: z.string().nullable(),
  /** PNG icons made from the icon image (favicons, apple-touch-icon, manifest sizes); absent when none were made. */
  icons: z.array(BrandIconSchema).optional(),
  accentColor: z.string(),
  accentTextColor: z.string(),
  navigation: NavigationSchema,
  copyrightNotice: z.string(),
  language: z.string(),
  timeZone: z.string(),
});
export type PublicBranding = z.infer<typeof PublicBrandingSchema>;
