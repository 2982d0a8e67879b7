import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, subscriptions } from "~db/schema";
import { isDatabaseEmpty, seedDemo } from "~db/seed/demo";
import { VALUE_STORIES } from "~db/seed/demo-value";
import { quarterOf } from "~/domain/revenue/retention";
import { getRetentionReport } from "~/domain/revenue/retention-report.server";

beforeAll(async () => {
  expect(await isDatabaseEmpty()).toBe(true);
  await seedDemo();
});

describe("the demo's revenue", () => {
  it("gives the three demo accounts their ARR, and every subscription the running sum of its ledger", async () => {
    for (const name of ["Northwind Logistics", "Helix Health", "Orbit Retail"]) {
      const [row] = await db
        .select({ arr: subscriptions.arr, currency: subscriptions.currency })
        .from(subscriptions)
        .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
        .where(eq(accounts.name, name));
      expect(row).toEqual({ arr: VALUE_STORIES[name]!.annualCost, currency: VALUE_STORIES[name]!.currency });
    }
    const mismatched = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from revenue_subscriptions s
      where s.arr <> (select coalesce(sum(arr_delta), 0) from revenue_ledger_entries e where e.account_id = s.account_id)
         or exists (select 1 from revenue_ledger_entries e where e.account_id = s.account_id and e.arr_after <>
           (select sum(arr_delta) from revenue_ledger_entries f where f.account_id = e.account_id and f.sequence <= e.sequence))`);
    expect(mismatched[0]!.n).toBe(0);
    expect(await db.$count(subscriptions)).toBe(43);
    expect(await db.$count(subscriptions, sql`${subscriptions.churnedOn} is not null`)).toBeGreaterThanOrEqual(1);
  });

  it("has a cohort, expansions and churn over the last year", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const report = await getRetentionReport(
      { key: "last-year", kind: "custom", start: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, end: today },
      { chart: false },
    );
    const usd = report.totals.find((t) => t.currency === "USD")!;
    expect(usd.logosAtStart).toBeGreaterThan(10);
    expect(usd.expansion).toBeGreaterThan(0);
    expect(report.totals.reduce((sum, t) => sum + t.churn + t.contraction, 0)).toBeGreaterThan(0);
    expect(report.bySegment.length).toBeGreaterThanOrEqual(3);
    expect(quarterOf(today).kind).toBe("quarter");
  });
});
