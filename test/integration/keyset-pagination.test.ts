import { and, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts } from "~db/schema";
import { createAccount, createSegment } from "~db/seed/factories";
import { type SortPart, keysetCondition, keysetOrder } from "~/lib/keyset.server";
import { type Cursor, decodeCursor, filterFingerprint, pageFromRows } from "~/lib/pagination";

const fingerprint = filterFingerprint({ list: "keyset-test" });

/** One page of accounts whose name starts with `prefix`, in the given order. */
async function page(prefix: string, order: SortPart[], raw: string | null, pageSize: number) {
  const cursor: Cursor | null = decodeCursor(raw, fingerprint, order.length);
  const rows = await db
    .select({ id: accounts.id, name: accounts.name, renewal: accounts.renewalDate })
    .from(accounts)
    .where(and(like(accounts.name, `${prefix}%`), keysetCondition(order, cursor)))
    .orderBy(...keysetOrder(order, cursor))
    .limit(pageSize + 1);
  return pageFromRows(rows, {
    cursor,
    pageSize,
    fingerprint,
    keyOf: (row) => order.map((part) => (part.expr === accounts.name ? row.name : row.id)),
  });
}

describe("keyset pagination", () => {
  it("walks forward and back with no duplicates or gaps while rows are inserted", async () => {
    const segment = await createSegment();
    const prefix = `Keyset ${Date.now().toString(36)} `;
    const letters = "bdfhjlnprtvx".split("");
    for (const letter of letters) await createAccount({ name: `${prefix}${letter}`, segmentId: segment.id });
    const order: SortPart[] = [{ expr: accounts.name }, { expr: accounts.id }];

    const seen: string[] = [];
    let raw: string | null = null;
    let inserted = false;
    const cursors: (string | null)[] = [];
    do {
      const result = await page(prefix, order, raw, 5);
      seen.push(...result.rows.map((row) => row.name.slice(prefix.length)));
      cursors.push(raw);
      if (!inserted) {
        // One row lands before the cursor (not shown: already passed), one after (shown later).
        await createAccount({ name: `${prefix}a`, segmentId: segment.id });
        await createAccount({ name: `${prefix}w`, segmentId: segment.id });
        inserted = true;
      }
      raw = result.page.next;
    } while (raw);

    expect(seen).toEqual([..."bdfhjlnprtvwx"]);
    expect(new Set(seen).size).toBe(seen.length);

    // From the last page, Previous walks back to the first page, which now includes "a".
    let back = await page(prefix, order, cursors[cursors.length - 1]!, 5);
    const backwards: string[][] = [];
    while (back.page.previous) {
      back = await page(prefix, order, back.page.previous, 5);
      backwards.push(back.rows.map((row) => row.name.slice(prefix.length)));
    }
    expect(backwards.at(-1)?.[0]).toBe("a");
    expect(back.page.from).toBe(0);
  });

  it("orders mixed directions (name descending, id ascending) across pages", async () => {
    const segment = await createSegment();
    const prefix = `Mixed ${Date.now().toString(36)} `;
    for (const letter of "abcdefg") await createAccount({ name: `${prefix}${letter}`, segmentId: segment.id });
    const order: SortPart[] = [{ expr: accounts.name, descending: true }, { expr: accounts.id }];
    const seen: string[] = [];
    let raw: string | null = null;
    do {
      const result = await page(prefix, order, raw, 3);
      seen.push(...result.rows.map((row) => row.name.slice(prefix.length)));
      raw = result.page.next;
    } while (raw);
    expect(seen).toEqual([..."gfedcba"]);
  });
});
