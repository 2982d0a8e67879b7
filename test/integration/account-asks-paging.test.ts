import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { asks } from "~db/schema";
import { createAccount, createCustomer } from "~db/seed/factories";
import { getAccountAdvocacy, listAccountAsks } from "~/domain/advocacy/account-advocacy.server";
import { newId } from "~/lib/ids.server";

const STATUSES = [
  "open",
  "snoozed",
  "accepted",
  "declined",
  "open",
  "accepted",
  "open",
  "declined",
  "accepted",
] as const;
let accountId: string;

beforeAll(async () => {
  accountId = (await createAccount()).id;
  const person = await createCustomer(accountId, "champion");
  const at = new Date("2026-11-01T12:00:00.000Z");
  await db.insert(asks).values(
    STATUSES.map((status, index) => ({
      id: newId(),
      accountId,
      recipientId: person.id,
      askType: "quote" as const,
      signal: "milestone_achieved" as const,
      status,
      // Ties on the instant, broken by the id.
      createdAt: index < 4 ? at : new Date(at.getTime() + index),
    })),
  );
});

async function expectedIds(open: boolean) {
  const [row] = await db.execute<{ ids: string[] }>(
    sql`select array_agg(id order by created_at desc, id desc) as ids from asks
        where account_id = ${accountId} and (status in ('open', 'snoozed')) = ${open}`,
  );
  return row!.ids;
}

describe("an account's asks, a page at a time", () => {
  for (const which of ["open", "answered"] as const) {
    it(`pages of 2 walk every ${which} ask once, in order, and Previous goes back`, async () => {
      const expected = await expectedIds(which === "open");
      const pages = [];
      let cursor: string | null = null;
      do {
        const result = await listAccountAsks(accountId, which, { cursor, pageSize: 2 });
        expect(result.rows.length).toBeLessThanOrEqual(2);
        expect(result.page.total).toBe(expected.length);
        pages.push(result);
        cursor = result.page.next;
      } while (cursor && pages.length <= STATUSES.length);
      expect(pages.flatMap((result) => result.rows.map((row) => row.id))).toEqual(expected);
      expect(pages).toHaveLength(Math.ceil(expected.length / 2));
      const back = await listAccountAsks(accountId, which, { cursor: pages[1]!.page.previous, pageSize: 2 });
      expect(back.rows.map((row) => row.id)).toEqual(pages[0]!.rows.map((row) => row.id));
    });
  }

  it("a cursor of the other list or a malformed one means the first page", async () => {
    const first = await listAccountAsks(accountId, "open", { pageSize: 2 });
    expect((await listAccountAsks(accountId, "answered", { cursor: first.page.next, pageSize: 2 })).page.from).toBe(0);
    for (const bad of ["%%%", "x".repeat(10_000), "-1"])
      expect((await listAccountAsks(accountId, "open", { cursor: bad, pageSize: 2 })).page.from).toBe(0);
  });

  it("the Advocacy tab holds a page of each with their totals", async () => {
    const advocacy = await getAccountAdvocacy(accountId);
    expect(advocacy.openAsks).toHaveLength(4);
    expect(advocacy.openAsksPage.total).toBe(4);
    expect(advocacy.answeredAsks).toHaveLength(5);
    expect(advocacy.isEmpty).toBe(false);
  });
});
