/** Form posts in Tandem are small; anything bigger than this is refused before it is read. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The one exception: the CSV import uploads a book of business (10 MB, MAX_IMPORT_BYTES in
 * app/domain/imports/import-file.ts, plus room for the form's other fields and multipart framing).
 */
export const MAX_IMPORT_BODY_BYTES = 10 * 1024 * 1024 + 64 * 1024;
const IMPORT_PATH = /^\/accounts\/import\/?(\?|$)/;

/** The largest body the path takes. */
export function bodyLimitFor(url: string): number {
  return IMPORT_PATH.test(url) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}

export function isBodyTooLarge(contentLength: string | undefined, limit = MAX_BODY_BYTES): boolean {
  const length = Number(contentLength ?? 0);
  return Number.isFinite(length) && length > limit;
}
