const ID_PATTERN = /^[a-z2-7]{16}$/;

/** Malformed ids in URLs are answered like unknown ones (404), never with a database error. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}
