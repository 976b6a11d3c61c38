// One catalogue of errors with stable codes. Services throw AppError; the HTTP layer maps it to a status and
// a page (site, newsroom) or a JSON body (API). Codes never change meaning once published.

export const errorCatalogue = {
  NOT_FOUND: { status: 404, message: 'The page you asked for does not exist.' },
  ARTICLE_NOT_FOUND: { status: 404, message: 'There is no article at this address.' },
  ARTICLE_GONE: { status: 410, message: 'This article has been withdrawn by the editors.' },
  SECTION_NOT_FOUND: { status: 404, message: 'There is no section at this address.' },
  PAGE_OUT_OF_RANGE: { status: 404, message: 'That page number is past the end of the list.' },
  INVALID_PAGE_NUMBER: { status: 400, message: 'The page number must be a whole number from 1 upwards.' },
  INVALID_PAGE_CURSOR: { status: 400, message: 'The "before" and "after" values of a page link must be article numbers.' },
  INVALID_QUERY: { status: 400, message: 'The request had a value that could not be understood.' },
  INVALID_INPUT: { status: 400, message: 'Some of the values sent are not valid.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is larger than this server accepts.' },
  NOT_SIGNED_IN: { status: 401, message: 'Please sign in to continue.' },
  SIGN_IN_FAILED: { status: 401, message: 'The e-mail address or password is not right.' },
  SIGN_IN_THROTTLED: { status: 429, message: 'Too many failed sign-in attempts. Please wait and try again.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests in a short time. Please wait a moment and try again.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this.' },
  CSRF_INVALID: { status: 403, message: 'This form has expired or did not come from this site. Reload the page and try again.' },
  REVISION_CONFLICT: { status: 409, message: 'Someone saved a newer version of this article while you were editing.' },
  INVALID_TRANSITION: { status: 409, message: 'The article cannot move to that status from where it is now.' },
  ALREADY_EXISTS: { status: 409, message: 'Something with that name already exists.' },
  UNKNOWN_HOST: { status: 421, message: 'This server does not answer for that address.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Please try again shortly.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Extra facts for the caller: the bad field, the newer revision in a conflict, seconds to wait. */
    readonly details: { field?: string; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
  }
}

/** Turns a zod failure into INVALID_INPUT naming the first bad field, e.g. "headline: must not be empty". */
export function invalidInput(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const first = issues[0];
  const field = first ? first.path.map(String).join('.') : '';
  return new AppError('INVALID_INPUT', first ? `${field || 'input'}: ${first.message}` : undefined, { field });
}
