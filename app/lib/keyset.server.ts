import { type AnyColumn, type SQL, and, asc, desc, or, sql } from "drizzle-orm";
import type { Cursor, KeyValue } from "~/lib/pagination";

/** One column of a list's order; the last ones must make the order total (end with an id). */
export interface SortPart {
  expr: AnyColumn | SQL;
  descending?: boolean;
}

/**
 * The WHERE condition for the rows after (or before) a cursor's key in this order, written as
 * (a > x) OR (a = x AND b > y) … so it works for mixed directions, where a row comparison can't.
 * Null when there is no cursor.
 */
export function keysetCondition(order: SortPart[], cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const branches: SQL[] = [];
  order.forEach((part, index) => {
    const value = cursor.key[index];
    const forward = cursor.direction === "after" ? !part.descending : Boolean(part.descending);
    const beyond = forward ? sql`${part.expr} > ${value}` : sql`${part.expr} < ${value}`;
    const equalBefore = order.slice(0, index).map((earlier, at) => sql`${earlier.expr} = ${cursor.key[at]}`);
    branches.push(equalBefore.length ? and(...equalBefore, beyond)! : beyond);
  });
  return or(...branches);
}

/** ORDER BY for the list, reversed when walking back from a "before" cursor. */
export function keysetOrder(order: SortPart[], cursor: Cursor | null): SQL[] {
  const backwards = cursor?.direction === "before";
  return order.map((part) => ((part.descending ? !backwards : backwards) ? desc(part.expr) : asc(part.expr)));
}

/**
 * A timestamp as fixed-width UTC text to the microsecond: a cursor key that sorts the same as text
 * in JavaScript (lists merged from several tables) as the column does in PostgreSQL, which reads it
 * back exactly. A JavaScript Date would cut the microseconds.
 */
export const timeKey = (column: AnyColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A whole ordered list, a page at a time, for exports that must not hold it in one array: each
 * page is read after the previous page's last key (`keyOf`). `read` applies the condition, order and limit.
 */
export async function* keysetPages<Row>(
  order: SortPart[],
  read: (page: { after: SQL | undefined; orderBy: SQL[]; limit: number }) => Promise<Row[]>,
  keyOf: (row: Row) => KeyValue[],
  pageSize: number,
): AsyncGenerator<Row[]> {
  let cursor: Cursor | null = null;
  for (;;) {
    const rows = await read({
      after: keysetCondition(order, cursor),
      orderBy: keysetOrder(order, cursor),
      limit: pageSize,
    });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    cursor = { direction: "after", key: keyOf(rows.at(-1)!), at: 0 };
  }
}
