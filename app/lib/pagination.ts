import { z } from "zod";

/**
 * Keyset pagination shared by every long list. A page is addressed by an opaque cursor that holds
 * the sort key of the row it starts after (or ends before), the position of its first row (so the
 * pager can say "51–100 of 1,234" without counting what came before), and a fingerprint of the
 * filters it was made under. A cursor that is malformed, tampered with or from another filter set
 * is not an error: the list simply starts again at its first page.
 */

export const PAGE_SIZE = 50;

/** One sort-key value; callers coalesce nulls in their sort expressions so keys never hold null. */
export type KeyValue = string | number;

export interface Cursor {
  direction: "after" | "before";
  key: KeyValue[];
  /** Index (0-based) of the first row of the page this cursor opens. */
  at: number;
}

/** Long enough for a few keys (a name, a date, a uuid), short enough that nothing huge is parsed. */
const MAX_CURSOR_LENGTH = 600;
const MAX_POSITION = 10_000_000;

/** The URL's `cursor` parameter: anything unusable becomes "no cursor" (the first page). */
export const cursorParam = z.string().max(MAX_CURSOR_LENGTH).optional().catch(undefined);

/** A stable short fingerprint of the filters a cursor belongs to (FNV-1a over sorted JSON). */
export function filterFingerprint(filters: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(filters)
      .sort()
      .map((name) => [name, filters[name] ?? null]),
  );
  let hash = 0x811c9dc5;
  for (let index = 0; index < canonical.length; index++) {
    hash ^= canonical.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function toBase64Url(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeCursor(cursor: Cursor, fingerprint: string): string {
  return toBase64Url(JSON.stringify([cursor.direction === "after" ? "a" : "b", cursor.at, fingerprint, cursor.key]));
}

const CursorShape = z.tuple([
  z.enum(["a", "b"]),
  z.number().int().min(0).max(MAX_POSITION),
  z.string().max(20),
  z
    .array(z.union([z.string().max(300), z.number().finite()]))
    .min(1)
    .max(4),
]);

/**
 * The cursor in `raw`, or null (first page) when it is missing, malformed, of the wrong arity for
 * this list's key, or was made under other filters.
 */
export function decodeCursor(raw: string | undefined | null, fingerprint: string, arity: number): Cursor | null {
  if (!raw) return null;
  const json = fromBase64Url(raw);
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = CursorShape.safeParse(value);
  if (!parsed.success) return null;
  const [direction, at, madeUnder, key] = parsed.data;
  if (madeUnder !== fingerprint || key.length !== arity) return null;
  return { direction: direction === "a" ? "after" : "before", at, key };
}

/** What a list page hands its pager: the rows' position and the cursors to the pages around it. */
export interface PageInfo {
  /** 0-based index of the first row shown. */
  from: number;
  count: number;
  total: number | null;
  previous: string | null;
  next: string | null;
}

/**
 * Turns the rows a keyset query returned into one page. The query must have fetched `pageSize + 1`
 * rows in the list's order for an "after" cursor (or none), and in reverse order for a "before"
 * cursor: the extra row only says whether there is more in that direction.
 */
export function pageFromRows<Row>(
  rows: Row[],
  options: {
    cursor: Cursor | null;
    pageSize?: number;
    keyOf: (row: Row) => KeyValue[];
    fingerprint: string;
    total?: number | null;
  },
): { rows: Row[]; page: PageInfo } {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const { cursor, keyOf, fingerprint } = options;
  const backwards = cursor?.direction === "before";
  const more = rows.length > pageSize;
  const kept = rows.slice(0, pageSize);
  const ordered = backwards ? kept.reverse() : kept;
  // Going back past the start (rows were deleted meanwhile) lands on the first page, counted from 0.
  const from = backwards ? (more ? Math.max(0, (cursor?.at ?? 0) - ordered.length) : 0) : (cursor?.at ?? 0);
  const hasPrevious = backwards ? more : cursor !== null && from > 0;
  const hasNext = backwards ? true : more;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  return {
    rows: ordered,
    page: {
      from,
      count: ordered.length,
      total: options.total ?? null,
      previous:
        hasPrevious && first ? encodeCursor({ direction: "before", at: from, key: keyOf(first) }, fingerprint) : null,
      next:
        hasNext && last
          ? encodeCursor({ direction: "after", at: from + ordered.length, key: keyOf(last) }, fingerprint)
          : null,
    },
  };
}

/** The same URL with some search parameters set (a string) or removed (null), others kept. */
export function hrefWith(url: string | URL, changes: Record<string, string | null | undefined>): string {
  const target = new URL(url, "http://local");
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") target.searchParams.delete(name);
    else target.searchParams.set(name, value);
  }
  const search = target.searchParams.toString();
  return `${target.pathname}${search ? `?${search}` : ""}`;
}
