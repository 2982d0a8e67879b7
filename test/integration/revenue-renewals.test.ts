import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { accounts, activity, healthSnapshots, ledgerEntries, subscriptions } from "~db/schema";
import { actorOf, createAccount, createStaff, createSubscription } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import { recomputeHealth } from "~/domain/health/recompute.server";
import { getHealthBadge, healthSummaries } from "~/domain/health/view.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { ledgerSum } from "~/domain/revenue/ledger.server";
import { closeRenewal, listRenewals, setForecast } from "~/domain/revenue/renewals.server";
import type { CloseRenewalInput } from "~/domain/revenue/schemas";

const TODAY = "2026-12-02";
const close = (accountId: string, values: Partial<CloseRenewalInput>): CloseRenewalInput => ({
  accountId,
  outcome: "flat",
  newArr: 0,
  note: "",
  version: 1,
  ...values,
});

async function subscriptionOf(accountId: string) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
  return row!;
}

describe("renewals", () => {
  it("lists the next 180 days soonest first, paged, without churned or later ones", async () => {
    const soon = await createAccount();
    await createSubscription(soon.id, { startDate: "2025-12-20", renewalDate: datePlusDays(TODAY, 18) });
    const later = await createAccount();
    await createSubscription(later.id, { startDate: "2026-01-01", renewalDate: datePlusDays(TODAY, 170) });
    const far = await createAccount();
    await createSubscription(far.id, { startDate: "2026-06-01", renewalDate: datePlusDays(TODAY, 200) });
    const first = await listRenewals(TODAY, null);
    expect(first.rows.map((row) => row.accountId)).toEqual([soon.id, later.id]);
    expect(first.page.total).toBe(2);
    expect(first.rows[0]).toMatchObject({ openTasks: 0, automatic: null, gap: null, forecast: null });
  });

  it("sets a forecast (a stale version is refused) and closes a renewal with an expansion in one transaction", async () => {
    const actor = actorOf(await createStaff("csm")) as StaffActor;
    const account = await createAccount();
    await createSubscription(account.id, { arr: 20_000, startDate: "2026-01-15", renewalDate: "2027-01-15" });
    expect(
      await setForecast(actor, account, { accountId: account.id, forecast: "commit", note: "", version: 1 }),
    ).toEqual({ ok: true });
    expect(
      await setForecast(actor, account, { accountId: account.id, forecast: "likely", note: "", version: 1 }),
    ).toEqual({
      ok: false,
      error: "stale",
    });
    expect((await subscriptionOf(account.id)).forecast).toBe("commit");

    expect(
      await closeRenewal(actor, account, close(account.id, { outcome: "expanded", newArr: 19_000, version: 2 })),
    ).toMatchObject({
      ok: false,
      error: "invalid",
      code: "not_higher",
    });
    expect(
      // Closed five days after its date: the entry is dated on the renewal date.
      await closeRenewal(
        actor,
        account,
        close(account.id, { outcome: "expanded", newArr: 26_000, version: 2 }),
        "2027-01-20",
      ),
    ).toMatchObject({
      ok: true,
    });
    const after = await subscriptionOf(account.id);
    expect(after).toMatchObject({ arr: 26_000, renewalDate: "2028-01-15", forecast: null, version: 3 });
    const [row] = await db
      .select({ renewalDate: accounts.renewalDate })
      .from(accounts)
      .where(eq(accounts.id, account.id));
    expect(row!.renewalDate).toBe("2028-01-15");
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, account.id));
    expect(entries.find((entry) => entry.kind === "expansion")).toMatchObject({
      arrDelta: 6_000,
      effectiveOn: "2027-01-15",
    });
    expect(await ledgerSum(account.id)).toBe(26_000);
    const actions = (await db.select().from(activity).where(eq(activity.accountId, account.id)))
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(["revenue.expansion", "revenue.forecast_set", "revenue.renewal_closed"]);
    // The same form again is stale: the renewal it was about has closed.
    expect(await closeRenewal(actor, account, close(account.id, { version: 2 }))).toEqual({
      ok: false,
      error: "stale",
    });
  });

  it("dates a renewal closed before its date on the day it closed, and moves the renewal date by the term", async () => {
    const actor = actorOf(await createStaff("csm")) as StaffActor;
    const account = await createAccount();
    await createSubscription(account.id, { arr: 30_000, startDate: "2026-03-01", renewalDate: "2027-03-01" });
    expect(
      await closeRenewal(
        actor,
        account,
        close(account.id, { outcome: "contracted", newArr: 24_000, version: 1 }),
        "2027-02-10",
      ),
    ).toMatchObject({ ok: true });
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.accountId, account.id));
    expect(entries.find((entry) => entry.kind === "contraction")).toMatchObject({
      arrDelta: -6_000,
      effectiveOn: "2027-02-10",
    });
    expect(await subscriptionOf(account.id)).toMatchObject({ arr: 24_000, renewalDate: "2028-03-01" });
  });

  it("closes a churn with its reason: no new renewal date, and health stops scoring the account", async () => {
    const actor = actorOf(await createStaff("csm")) as StaffActor;
    const account = await createAccount();
    await createSubscription(account.id, { arr: 8_000, startDate: "2026-02-01", renewalDate: "2027-02-01" });
    await recomputeHealth({ accountIds: [account.id] });
    const before = await db.$count(healthSnapshots, eq(healthSnapshots.accountId, account.id));
    expect(before).toBe(1);
    expect(
      await closeRenewal(actor, account, close(account.id, { outcome: "churned", churnReason: "competitor" })),
    ).toMatchObject({
      ok: true,
    });
    const after = await subscriptionOf(account.id);
    expect(after).toMatchObject({ arr: 0, churnedOn: "2027-02-01", renewalDate: "2027-02-01" });
    const [entry] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.kind, "churn"));
    expect(entry).toMatchObject({ accountId: account.id, arrDelta: -8_000, churnReason: "competitor" });
    await db.delete(healthSnapshots).where(eq(healthSnapshots.accountId, account.id));
    await recomputeHealth({ accountIds: [account.id] });
    expect(await db.$count(healthSnapshots, eq(healthSnapshots.accountId, account.id))).toBe(0);
    expect(await getHealthBadge(account)).toMatchObject({ churned: true, grade: null });
    expect((await healthSummaries([account.id])).get(account.id)).toMatchObject({ churned: true, grade: null });
    expect((await listRenewals(TODAY, null)).rows.map((row) => row.accountId)).not.toContain(account.id);
  });
});
