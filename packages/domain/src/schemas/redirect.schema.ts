import { z } from 'zod';
import { isSafeHref } from '../web.ts';

/** Paths the host serves itself; a redirect from them would never be reached, or would hijack them. */
export const RESERVED_PATH_PREFIXES = ['/admin', '/trpc', '/media', '/api', '/healthz', '/assets'] as const;

/** Strips trailing slashes (but keeps `/`), the way the reader looks redirects up. */
export function normaliseRedirectPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}

/** True when `path` is one of the reserved prefixes or below one. Routing ignores case, so this does too. */
export function isReservedPath(path: string): boolean {
  const lower = path.toLowerCase();
  return RESERVED_PATH_PREFIXES.some((prefix) => lower === prefix || lower.startsWith(`${prefix}/`));
}

export const RedirectFromPathSchema = z
  .string()
  .max(500, 'must be at most 500 characters')
  .refine((v) => v.startsWith('/') && !v.startsWith('//'), 'must be a path on this site starting with /')
  .refine((v) => !/[\u0000-\u0020\u007f\\?#]/.test(v), 'must not hold spaces, control characters, \\, ? or #')
  .transform(normaliseRedirectPath)
  .refine((v) => v !== '/', 'must name a page, not the home page')
  .refine((v) => !isReservedPath(v), `must not be under ${RESERVED_PATH_PREFIXES.join(', ')}`);

export const RedirectToSchema = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => isSafeHref(v), 'must be a path on this site (/...) or an http(s) URL');

export const REDIRECT_STATUSES = [301, 302, 307, 308] as const;

export const CreateRedirectInputSchema = z
  .object({
    fromPath: RedirectFromPathSchema,
    toPath: RedirectToSchema,
    statusCode: z.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)]).default(301),
  })
  .refine((r) => normaliseRedirectPath(r.toPath) !== r.fromPath, { message: 'must differ from the path it redirects from', path: ['toPath'] });
export type CreateRedirectInput = z.input<typeof CreateRedirectInputSchema>;

export const REDIRECT_LIST_MAX = 1000;

export const RedirectListInputSchema = z.object({
  /** Part of either path. */
  query: z.string().trim().max(200, 'must be at most 200 characters').optional(),
});

export const RedirectSchema = z.object({
  id: z.uuid(),
  fromPath: z.string(),
  toPath: z.string(),
  statusCode: z.number(),
  articleId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export type Redirect = z.infer<typeof RedirectSchema>;
