import { beforeAll, describe, expect, it } from "vitest";
import type { Account, User } from "~db/schema";
import { createAccount, createHealthSnapshot, createStaff, signedInRequest } from "~db/seed/factories";
import { snapshotDay } from "~/domain/health/recompute.server";
import { getAccountHealth, getHealthBadge } from "~/domain/health/view.server";
import { explainHealthBetween } from "~/domain/health/why.server";
import { addDays } from "~/domain/telemetry/usage";
import { loader } from "~/routes/accounts.$accountId.health";

const NOW = new Date();
const TODAY = snapshotDay(NOW);
const adoption = (monthlyActive: number) => ({
  hasTelemetry: true,
  licensedSeats: 50,
  monthlyActive,
  previousMonthlyActive: 40,
  keyFeatures: 0,
  keyFeaturesInUse: 0,
});

let csm: User;
let account: Account;

beforeAll(async () => {
  csm = await createStaff("csm");
  account = await createAccount();
  // 40 days of history: adoption falling from 90 by one point a day, plan steady at 60.
  for (let back = 40; back >= 1; back -= 1) {
    await createHealthSnapshot(account.id, addDays(TODAY, -back), {
      adoption: { score: 50 + back, inputs: adoption(10 + back) },
      plan: { score: 60, inputs: { stalled: 0 } },
    });
  }
  await createHealthSnapshot(account.id, TODAY, {
    adoption: { score: 50, inputs: adoption(10) },
    plan: { score: 60, inputs: { stalled: 0 } },
  });
});

describe("arrows and history", () => {
  it("compares today's score with the snapshots 7 and 30 days ago", async () => {
    const badge = await getHealthBadge(account, NOW);
    // Today: (50×25 + 60×20)/45 = 54; 7 days ago (57): 59; 30 days ago (80): 71.
    expect(badge.overall).toBe(54);
    expect(badge.changes).toEqual([
      { days: 7, delta: -4 },
      { days: 30, delta: -17 },
    ]);
  });

  it("says no data for a day without a snapshot", async () => {
    const fresh = await createAccount();
    await createHealthSnapshot(fresh.id, TODAY, { plan: { score: 70 } });
    await createHealthSnapshot(fresh.id, addDays(TODAY, -7), { plan: { score: 50 } });
    expect((await getHealthBadge(fresh, NOW)).changes).toEqual([
      { days: 7, delta: 20 },
      { days: 30, delta: null },
    ]);
  });

  it("shows 90 days day by day, or 12 months one day a week", async () => {
    const daily = await getAccountHealth(account.id, { page: 1, range: "90d", now: NOW });
    expect(daily.trend).toHaveLength(41);
    const weekly = await getAccountHealth(account.id, { page: 1, range: "12m", now: NOW });
    expect(weekly.trend.map((point) => point.day)).toEqual([35, 28, 21, 14, 7, 0].map((back) => addDays(TODAY, -back)));
  });
});

describe("why did it change", () => {
  it("explains the change between two days from the snapshots filed on or before them", async () => {
    const answer = await explainHealthBetween(account.id, addDays(TODAY, -30), TODAY);
    if (!answer.ok) throw new Error("expected an explanation");
    expect(answer.explanation.delta).toBe(-17);
    expect(answer.explanation.changes).toHaveLength(1);
    expect(answer.explanation.changes[0]).toMatchObject({ key: "adoption", scoreFrom: 80, scoreTo: 50, points: -16.7 });
    expect(answer.explanation.changes[0]!.inputs).toEqual([
      { input: "monthlyActive", from: 40, to: 10, link: "usage" },
    ]);
    expect(await explainHealthBetween(account.id, addDays(TODAY, -400), TODAY)).toEqual({
      ok: false,
      problem: "no_snapshot",
    });
  });

  it("reads the days from the URL, and a bad date is a message, not a 500", async () => {
    const url = (query: string) => `http://localhost/accounts/${account.id}/health?${query}`;
    const context = { clientIp: "127.0.0.1" };
    const good = await loader({
      request: await signedInRequest(csm.id, url(`from=${addDays(TODAY, -7)}&to=${TODAY}`)),
      params: { accountId: account.id },
      context,
    });
    expect(good.why.answer).toMatchObject({ ok: true, explanation: { delta: -4 } });
    const bad = await loader({
      request: await signedInRequest(csm.id, url("from=2026-13-01")),
      params: { accountId: account.id },
      context,
    });
    expect(bad.why.answer).toEqual({ ok: false, problem: "bad_from" });
    const reversed = await loader({
      request: await signedInRequest(csm.id, url(`from=${TODAY}&to=${addDays(TODAY, -3)}`)),
      params: { accountId: account.id },
      context,
    });
    expect(reversed.why.answer).toEqual({ ok: false, problem: "from_after_to" });
  });
});
