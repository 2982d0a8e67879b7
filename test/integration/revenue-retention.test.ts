import { describe, expect, it } from "vitest";
import { actorOf, createAccount, createStaff, createSubscription, signedInRequest } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { addLedgerEntry } from "~/domain/revenue/ledger.server";
import { parsePeriod } from "~/domain/revenue/retention";
import { getRetentionReport, retentionCsv } from "~/domain/revenue/retention-report.server";
import { loader } from "~/routes/revenue.retention";
import { loader as csvLoader } from "~/routes/revenue.retention[.]csv";

const context = { clientIp: "127.0.0.1" };

describe("retention against the ledger", () => {
  it("counts a quarter's cohort (a churn, a churn and re-sign, an expansion) per currency, with the accounts behind it", async () => {
    const csm = await createStaff("csm");
    const actor = actorOf(csm) as StaffActor;
    const add = (account: { id: string }, kind: "expansion" | "churn" | "new", effectiveOn: string, amount = 0) =>
      addLedgerEntry(actor, account, {
        accountId: account.id,
        kind,
        effectiveOn,
        amount,
        note: "",
        churnReason: kind === "churn" ? "budget" : undefined,
      });
    const a = await createAccount({ csmId: csm.id });
    await createSubscription(a.id, { arr: 10_000, startDate: "2026-01-01" });
    await add(a, "expansion", "2026-07-15", 2_000);
    const b = await createAccount({ csmId: csm.id });
    await createSubscription(b.id, { arr: 5_000, startDate: "2026-02-01" });
    await add(b, "churn", "2026-08-01");
    await add(b, "new", "2026-09-01", 4_000);
    const c = await createAccount();
    await createSubscription(c.id, { arr: 3_000, startDate: "2026-03-01" });
    await add(c, "churn", "2026-08-10");
    const d = await createAccount();
    await createSubscription(d.id, { arr: 1_000, startDate: "2026-03-01", currency: "EUR" });
    // Signs in the quarter: new business, not in the cohort.
    const e = await createAccount();
    await createSubscription(e.id, { arr: 7_000, startDate: "2026-08-01" });

    const report = await getRetentionReport(parsePeriod("2026-Q3")!, { metric: "churn" });
    expect(report.totals.map((t) => t.currency)).toEqual(["USD", "EUR"]);
    const usd = report.totals[0]!;
    expect(usd).toMatchObject({
      startArr: 18_000,
      expansion: 2_000,
      contraction: 1_000,
      churn: 3_000,
      endArr: 16_000,
      logosAtStart: 3,
      logosLost: 1,
    });
    expect(usd.grr).toBeCloseTo(14 / 18, 10);
    expect(usd.nrr).toBeCloseTo(16 / 18, 10);
    expect(report.totals[1]).toMatchObject({ currency: "EUR", startArr: 1_000, nrr: 1, grr: 1 });
    expect(report.drill!.rows.map((row) => row.accountId)).toEqual([c.id]);
    expect(report.drill!.rows[0]!.entries.map((entry) => [entry.kind, entry.arrDelta])).toEqual([["churn", -3_000]]);
    expect(report.chart).toHaveLength(8);
    expect(report.chart.at(-1)!.totals[0]!.nrr).toBeCloseTo(16 / 18, 10);
    // Before anything was signed there is no cohort.
    expect(report.chart[0]!.totals).toEqual([]);
    const byCsm = report.byCsm.find((row) => row.group === csm.name && row.currency === "USD")!;
    expect(byCsm).toMatchObject({ startArr: 15_000, expansion: 2_000, contraction: 1_000, churn: 0 });
    // Every cohort account started in 2026-Q1 (b's re-sign in Q3 doesn't make it a newer cohort).
    expect(report.byCohort.map((row) => [row.group, row.currency, row.startArr])).toEqual([
      ["2026-Q1", "USD", 18_000],
      ["2026-Q1", "EUR", 1_000],
    ]);

    const csv = await retentionCsv(parsePeriod("2026-Q3")!);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "period,account,segment,csm,currency,start_arr,expansion,contraction,churn,end_arr,lost_logo,cohort",
    );
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => line.includes(c.name))).toContain(",USD,3000,0,0,3000,0,true,2026-Q1");
  });

  it("answers a bad period with a 400 and a message, and is staff's (admins and CSMs)", async () => {
    const csm = await createStaff("csm");
    const request = await signedInRequest(csm.id, "http://localhost/revenue/retention?period=2026-Q5");
    const answer = (await loader({ request, params: {}, context })) as unknown as {
      init: { status: number };
      data: { badPeriod: string };
    };
    expect(answer.init.status).toBe(400);
    expect(answer.data.badPeriod).toBe("2026-Q5");
    const csv = await csvLoader({
      request: await signedInRequest(csm.id, "http://localhost/revenue/retention.csv?period=nope"),
      params: {},
      context,
    });
    expect(csv.status).toBe(400);
    const marketing = await createStaff("marketing");
    const refused = await loader({
      request: await signedInRequest(marketing.id, "http://localhost/revenue/retention"),
      params: {},
      context,
    }).catch((e: unknown) => e);
    expect((refused as Response).status).toBe(404);
  });
});
