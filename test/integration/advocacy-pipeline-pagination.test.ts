import { inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, opportunities } from "~db/schema";
import { createAccount, createCustomer, createSegment, createStaff, signedInRequest } from "~db/seed/factories";
import { OpportunityFiltersSchema, listOpportunityPage } from "~/domain/advocacy/opportunities.server";
import { newId } from "~/lib/ids.server";
import { PAGE_SIZE } from "~/lib/pagination";
import { loader } from "~/routes/advocacy._index";

const COUNT = PAGE_SIZE + 7;
let account: Account;
let segmentId: string;
let ids: string[];

beforeAll(async () => {
  segmentId = (await createSegment()).id;
  account = await createAccount({ segmentId, industry: "Pipeline paging" });
  const advocate = await createCustomer(account.id, "champion");
  const at = new Date("2026-10-01T12:00:00.000Z");
  ids = Array.from({ length: COUNT }, () => newId());
  await db.insert(opportunities).values(
    ids.map((id, index) => ({
      id,
      accountId: account.id,
      advocateId: advocate.id,
      askType: "case_study" as const,
      stage: index % 3 === 0 ? ("published" as const) : ("asked" as const),
      stageEnteredAt: at,
    })),
  );
  // Ties (same instant) and instants that differ below the millisecond, which a JS Date can't hold.
  await db
    .update(opportunities)
    .set({
      stageEnteredAt: sql`${opportunities.stageEnteredAt} + (ascii(substr(${opportunities.id}, 1, 1)) % 4) * interval '1 microsecond'`,
    })
    .where(inArray(opportunities.id, ids));
});

const filters = () => OpportunityFiltersSchema.parse({ segment: segmentId });

describe("the advocacy pipeline, a page at a time", () => {
  it("reads at most a page, and Next walks every opportunity once, in order", async () => {
    const first = await listOpportunityPage(filters());
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.page).toMatchObject({ from: 0, count: PAGE_SIZE, total: COUNT, previous: null });
    expect(first.byStage).toEqual({ published: Math.ceil(COUNT / 3), asked: COUNT - Math.ceil(COUNT / 3) });

    const second = await listOpportunityPage(filters(), first.page.next);
    expect(second.rows).toHaveLength(COUNT - PAGE_SIZE);
    expect(second.page).toMatchObject({ from: PAGE_SIZE, next: null });
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(seen).size).toBe(COUNT);
    expect([...seen].sort()).toEqual([...ids].sort());

    const [expected] = await db.execute<{ ids: string[] }>(
      sql`select array_agg(id order by stage_entered_at desc, id) as ids from opportunities where account_id = ${account.id}`,
    );
    expect(seen).toEqual(expected!.ids);

    const back = await listOpportunityPage(filters(), second.page.previous);
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
  });

  it("starts over at the first page for a cursor of other filters or a malformed one", async () => {
    const first = await listOpportunityPage(filters());
    const otherFilters = OpportunityFiltersSchema.parse({ segment: segmentId, stage: "asked" });
    const elsewhere = await listOpportunityPage(otherFilters, first.page.next);
    expect(elsewhere.page.from).toBe(0);
    expect(elsewhere.page.total).toBe(COUNT - Math.ceil(COUNT / 3));
    for (const bad of ["%%%", "x".repeat(10_000), "eyJhIjoxfQ", "-1"]) {
      const page = await listOpportunityPage(filters(), bad);
      expect(page.page.from).toBe(0);
      expect(page.rows).toHaveLength(PAGE_SIZE);
    }
  });

  it("the page's loader returns one page and keeps the board's counts per stage", async () => {
    const staff = await createStaff("marketing");
    const request = await signedInRequest(staff.id, `http://localhost/advocacy?segment=${segmentId}&view=board`);
    const data = (await loader({ request, params: {}, context: { clientIp: "127.0.0.1" } })) as Awaited<
      ReturnType<typeof loader>
    >;
    expect(data.opportunities).toHaveLength(PAGE_SIZE);
    expect(data.page.total).toBe(COUNT);
    expect(data.byStage.published).toBe(Math.ceil(COUNT / 3));
  });
});
