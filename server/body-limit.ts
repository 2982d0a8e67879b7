/** Form posts in Tandem are small; anything bigger than this is refused before it is read. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function isBodyTooLarge(contentLength: string | undefined): boolean {
  const length = Number(contentLength ?? 0);
  return Number.isFinite(length) && length > MAX_BODY_BYTES;
}
