import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a cookie or a link: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of tokens are stored, so a leaked database holds no usable session or link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
