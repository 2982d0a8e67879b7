import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { asks, consents, opportunities } from "~db/schema";
import { createAccount, createConsent, createCustomer, createReferenceCall, createStaff } from "~db/seed/factories";
import {
  getAccountAdvocacy,
  listAccountAsks,
  listAccountConsents,
  listAccountReferenceRequests,
} from "~/domain/advocacy/account-advocacy.server";
import { listPublishedAssets } from "~/domain/advocacy/opportunities.server";
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

describe("an account's consents and reference requests, a page at a time", () => {
  it("pages of 2 walk every consent in force and every reference request once, newest first", async () => {
    const account = await createAccount();
    const marketer = await createStaff("marketing");
    const people = await Promise.all([1, 2, 3].map(() => createCustomer(account.id, "member")));
    const given = [];
    for (const [index, person] of people.entries()) {
      given.push(await createConsent(person, { askType: "reference_call", daysAgo: 10 + index }));
    }
    // A withdrawn consent is not in force: not listed.
    const withdrawn = await createConsent(people[0]!, { askType: "quote", daysAgo: 1 });
    await db.update(consents).set({ withdrawnAt: new Date() }).where(eq(consents.id, withdrawn.consentId));
    const calls = [];
    for (const [index, consent] of given.entries())
      calls.push(await createReferenceCall(consent, people[index]!, marketer));

    const walk = async <Row extends { id: string }>(
      read: (cursor: string | null) => Promise<{ rows: Row[]; page: { next: string | null; total: number | null } }>,
    ) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const result = await read(cursor);
        expect(result.rows.length).toBeLessThanOrEqual(2);
        expect(result.page.total).toBe(3);
        ids.push(...result.rows.map((row) => row.id));
        cursor = result.page.next;
      } while (cursor && ++pages < 5);
      return ids;
    };
    // Newest first: the consent given 10 days ago, then 11, then 12.
    expect(await walk((cursor) => listAccountConsents(account.id, { cursor, pageSize: 2 }))).toEqual(
      given.map((consent) => consent.consentId),
    );
    const requestIds = await walk((cursor) => listAccountReferenceRequests(account.id, { cursor, pageSize: 2 }));
    expect([...requestIds].sort()).toEqual(calls.map((call) => call.id).sort());
    expect(new Set(requestIds).size).toBe(3);

    const advocacy = await getAccountAdvocacy(account.id);
    expect(advocacy.consentsPage.total).toBe(3);
    expect(advocacy.referencesPage.total).toBe(3);
  });
});

describe("published assets, a page at a time", () => {
  it("pages of 2 walk every asset with consent in force once, newest first, for one account or all", async () => {
    const account = await createAccount();
    const people = await Promise.all([1, 2, 3].map(() => createCustomer(account.id, "member")));
    const published: string[] = [];
    for (const [index, person] of people.entries()) {
      const { opportunityId } = await createConsent(person, { askType: "quote", scope: "public" });
      await db
        .update(opportunities)
        .set({ stage: "published", stageEnteredAt: new Date(Date.UTC(2026, 10, 1 + index)) })
        .where(eq(opportunities.id, opportunityId));
      published.unshift(opportunityId);
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result: Awaited<ReturnType<typeof listPublishedAssets>> = await listPublishedAssets(
        { accountId: account.id, pageSize: 2 },
        cursor,
      );
      expect(result.rows.length).toBeLessThanOrEqual(2);
      expect(result.page.total).toBe(3);
      ids.push(...result.rows.map((row) => row.id));
      cursor = result.page.next;
    } while (cursor && ++pages < 5);
    expect(ids).toEqual(published);
    // The library's own first page is bounded too, whatever the workspace holds.
    expect((await listPublishedAssets({ pageSize: 2 })).rows.length).toBeLessThanOrEqual(2);
    const advocacy = await getAccountAdvocacy(account.id);
    expect(advocacy.assetsPage.total).toBe(3);
    expect(advocacy.opportunitiesPage.total).toBe(3);
  });
});
