import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000;

export interface PreviewClaims {
  articleId: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{43}$/;

// The purpose is part of what is signed, so a signature made for anything else with the same secret never passes.
function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`preview:${payload}`).digest();
}

/** `<payload>.<signature>`, both base64url: the payload is {articleId, exp} as JSON, signed with HMAC-SHA256. */
export function signPreviewToken(secret: string, claims: PreviewClaims): string {
  const payload = Buffer.from(JSON.stringify({ articleId: claims.articleId, exp: claims.exp })).toString(
    'base64url',
  );
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The claims of a token signed with `secret` that has not expired at `now`, else null. */
export function verifyPreviewToken(secret: string, token: string, now: Date): PreviewClaims | null {
  if (!TOKEN.test(token)) return null;
  const [payload, given] = token.split('.') as [string, string];
  const expected = signature(secret, payload);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { articleId, exp } = (claims ?? {}) as Partial<PreviewClaims>;
  if (
    typeof articleId !== 'string' ||
    !UUID.test(articleId) ||
    typeof exp !== 'number' ||
    !Number.isFinite(exp)
  )
    return null;
  if (exp * 1000 <= now.getTime()) return null;
  return { articleId, exp };
}
