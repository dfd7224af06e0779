/** Every failure a use case can report. The transport maps each to an HTTP status in one place. */
export const DOMAIN_ERROR_CODES = {
  BAD_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  ARTICLE_NOT_FOUND: 'NOT_FOUND',
  USER_NOT_FOUND: 'NOT_FOUND',
  SLUG_TAKEN: 'CONFLICT',
  EMAIL_TAKEN: 'CONFLICT',
  VERSION_CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'BAD_REQUEST',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  OWNER_PROTECTED: 'FORBIDDEN',
  ACCOUNT_SUSPENDED: 'FORBIDDEN',
  /** An invite or password-reset link that is unknown, used or expired. */
  LINK_INVALID: 'BAD_REQUEST',
  REDIRECT_EXISTS: 'CONFLICT',
  /** An import into a publication that already has content. */
  PUBLICATION_NOT_EMPTY: 'CONFLICT',
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;
export type TransportCode = (typeof DOMAIN_ERROR_CODES)[DomainErrorCode];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Which input field is at fault, when one is. */
  readonly field: string | undefined;
  /** Extra facts for the client (e.g. the current version on a conflict). Never secrets. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: DomainErrorCode,
    message?: string,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }

  get transportCode(): TransportCode {
    return DOMAIN_ERROR_CODES[this.code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
