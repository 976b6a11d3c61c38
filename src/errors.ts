// One catalogue of errors with stable codes. Services throw AppError; the HTTP layer maps it to a status and
// a page (site) or JSON body (API). Codes never change meaning once published.

export const errorCatalogue = {
  NOT_FOUND: { status: 404, message: 'The page you asked for does not exist.' },
  ARTICLE_NOT_FOUND: { status: 404, message: 'There is no article at this address.' },
  SECTION_NOT_FOUND: { status: 404, message: 'There is no section at this address.' },
  PAGE_OUT_OF_RANGE: { status: 404, message: 'That page number is past the end of the list.' },
  INVALID_PAGE_NUMBER: { status: 400, message: 'The page number must be a whole number from 1 upwards.' },
  INVALID_QUERY: { status: 400, message: 'The request had a value that could not be understood.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Please try again shortly.' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
  }
}
