/** `text` for a LIKE/ILIKE pattern: its `%`, `_` and `\` match themselves instead of acting as wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
