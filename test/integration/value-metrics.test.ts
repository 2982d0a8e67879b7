import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type Plan, type User, activity, measurements, subscriptions, valueMetrics } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMetric,
  createOutcome,
  createPlan,
  createStaff,
} from "~db/seed/factories";
import { datePlusDays } from "~/domain/plans/template-dates";
import {
  createMetric as defineMetric,
  deleteMeasurement,
  deleteMetric,
  getPlanValue,
  recordMeasurement,
  updateMetric,
} from "~/domain/value/metrics.server";
import type { MetricInput } from "~/domain/value/value-schemas";
import { todayIn } from "~/lib/format";

let account: Account;
let other: Account;
let plan: Plan;
let today: string;
let outcomeId: string;
const people = {} as Record<"csm" | "marketing" | "champion" | "member" | "outsider", User>;
const as = (person: keyof typeof people) => actorOf(people[person]);

const input = (overrides: Partial<MetricInput> = {}): MetricInput => ({
  outcomeId,
  name: "Days to close the month",
  unit: "days",
  direction: "down",
  baseline: 9,
  target: 4,
  moneyPerUnit: 4000,
  valuePeriod: "month",
  ...overrides,
});

const activityOf = (subjectId: string) =>
  db.select().from(activity).where(eq(activity.subjectId, subjectId)).orderBy(asc(activity.createdAt));

beforeAll(async () => {
  people.csm = await createStaff("csm");
  people.marketing = await createStaff("marketing");
  // Far east of UTC: "today" for the account is often tomorrow for the server.
  account = await createAccount({ timeZone: "Pacific/Kiritimati", annualCost: 60_000, currency: "EUR" });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion");
  people.member = await createCustomer(account.id, "member");
  people.outsider = await createCustomer(other.id, "champion");
  today = todayIn(account.timeZone);
  plan = await createPlan(account.id, { startDate: datePlusDays(today, -60) });
  outcomeId = (await createOutcome(plan, { title: "Faster month-end close" })).id;
});

describe("createMetric", () => {
  it("lets the champion define a metric on an outcome of the current plan, with an activity entry", async () => {
    const result = await defineMetric(as("champion"), account.id, input());
    expect(result.ok).toBe(true);
    const id = (result as { id: string }).id;
    const [row] = await db.select().from(valueMetrics).where(eq(valueMetrics.id, id));
    expect(row).toMatchObject({
      planId: plan.id,
      accountId: account.id,
      baseline: 9,
      target: 4,
      moneyPerUnit: 4000,
      valuePeriod: "month",
      createdById: people.champion.id,
    });
    expect(await activityOf(id)).toMatchObject([
      {
        action: "metric.created",
        actorId: people.champion.id,
        details: { planId: plan.id, name: "Days to close the month" },
      },
    ]);
  });

  it("refuses members, marketing and people of other accounts", async () => {
    for (const who of ["member", "marketing", "outsider"] as const) {
      expect(await defineMetric(as(who), account.id, input())).toEqual({ ok: false, error: "forbidden" });
    }
  });

  it("refuses an outcome of another account or of an older plan, and writes nothing", async () => {
    const foreign = await createOutcome(await createPlan(other.id));
    const before = await db.$count(valueMetrics);
    expect(await defineMetric(as("csm"), account.id, input({ outcomeId: foreign.id }))).toEqual({
      ok: false,
      error: "invalid",
      field: "outcomeId",
      code: "value.outcomeUnknown",
    });
    const old = await createOutcome(await createPlan(account.id, { isCurrent: false }));
    expect(await defineMetric(as("csm"), account.id, input({ outcomeId: old.id }))).toMatchObject({
      ok: false,
      field: "outcomeId",
    });
    expect(await db.$count(valueMetrics)).toBe(before);
  });
});

describe("updateMetric and deleteMetric", () => {
  it("changes a metric, logs old → new, and refuses a stale version", async () => {
    const metric = await createMetric(
      { id: outcomeId, planId: plan.id, accountId: account.id },
      { baseline: 10, target: 5 },
    );
    expect(
      await updateMetric(
        as("csm"),
        account.id,
        metric.id,
        input({ name: metric.name, unit: "days", baseline: 10, target: 3, moneyPerUnit: null, valuePeriod: null }),
        1,
      ),
    ).toEqual({ ok: true, id: metric.id });
    const [row] = await db.select().from(valueMetrics).where(eq(valueMetrics.id, metric.id));
    expect(row).toMatchObject({ target: 3, version: 2 });
    const [entry] = await activityOf(metric.id);
    expect(entry).toMatchObject({ action: "metric.updated", details: { changes: { target: { from: 5, to: 3 } } } });

    // Someone else saved in between: the first editor's form is stale.
    expect(await updateMetric(as("champion"), account.id, metric.id, input({ target: 2 }), 1)).toEqual({
      ok: false,
      error: "stale",
    });
    expect((await db.select().from(valueMetrics).where(eq(valueMetrics.id, metric.id)))[0]!.target).toBe(3);
  });

  it("answers not found for another account's metric, whoever asks", async () => {
    const foreign = await createMetric(await createOutcome(await createPlan(other.id)));
    expect(await updateMetric(as("csm"), account.id, foreign.id, input(), 1)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await deleteMetric(as("csm"), account.id, foreign.id)).toEqual({ ok: false, error: "not_found" });
    expect(await db.$count(valueMetrics, eq(valueMetrics.id, foreign.id))).toBe(1);
  });

  it("deletes a metric with its measurements and keeps the record in the activity log", async () => {
    const metric = await createMetric({ id: outcomeId, planId: plan.id, accountId: account.id });
    await recordMeasurement(as("champion"), account.id, metric.id, { measuredOn: today, value: 7, note: "" });
    expect(await deleteMetric(as("member"), account.id, metric.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await deleteMetric(as("champion"), account.id, metric.id)).toEqual({ ok: true, id: metric.id });
    expect(await db.$count(measurements, eq(measurements.metricId, metric.id))).toBe(0);
    expect((await activityOf(metric.id)).map((entry) => entry.action)).toEqual([
      "measurement.recorded",
      "metric.deleted",
    ]);
  });
});

describe("recordMeasurement", () => {
  it("records a reading by the champion or the CSM, with who and when", async () => {
    const metric = await createMetric({ id: outcomeId, planId: plan.id, accountId: account.id });
    const result = await recordMeasurement(as("champion"), account.id, metric.id, {
      measuredOn: today,
      value: 6,
      note: "After the new close checklist",
    });
    expect(result.ok).toBe(true);
    expect(
      await recordMeasurement(as("csm"), account.id, metric.id, {
        measuredOn: datePlusDays(today, -30),
        value: 8,
        note: "",
      }),
    ).toMatchObject({ ok: true });
    const rows = await db
      .select()
      .from(measurements)
      .where(eq(measurements.metricId, metric.id))
      .orderBy(asc(measurements.measuredOn));
    expect(rows.map((row) => [row.value, row.recordedById])).toEqual([
      [8, people.csm.id],
      [6, people.champion.id],
    ]);
    expect((await activityOf(metric.id))[0]).toMatchObject({
      action: "measurement.recorded",
      details: { value: 6, measuredOn: today },
    });
  });

  it("refuses members, dates in the account's future or before the plan, and other accounts' metrics", async () => {
    const metric = await createMetric({ id: outcomeId, planId: plan.id, accountId: account.id });
    expect(
      await recordMeasurement(as("member"), account.id, metric.id, { measuredOn: today, value: 6, note: "" }),
    ).toEqual({ ok: false, error: "forbidden" });
    expect(
      await recordMeasurement(as("champion"), account.id, metric.id, {
        measuredOn: datePlusDays(today, 1),
        value: 6,
        note: "",
      }),
    ).toEqual({
      ok: false,
      error: "invalid",
      field: "measuredOn",
      code: "value.dateFuture",
    });
    expect(
      await recordMeasurement(as("champion"), account.id, metric.id, {
        measuredOn: datePlusDays(plan.startDate, -1),
        value: 6,
        note: "",
      }),
    ).toMatchObject({
      code: "value.dateBeforeStart",
    });
    expect(
      await recordMeasurement(as("outsider"), other.id, metric.id, { measuredOn: today, value: 6, note: "" }),
    ).toEqual({ ok: false, error: "not_found" });
    expect(await db.$count(measurements, eq(measurements.metricId, metric.id))).toBe(0);
  });

  it("lets a reading entered by mistake be taken back", async () => {
    const metric = await createMetric({ id: outcomeId, planId: plan.id, accountId: account.id });
    const recorded = await recordMeasurement(as("champion"), account.id, metric.id, {
      measuredOn: today,
      value: 60,
      note: "typo",
    });
    const id = (recorded as { id: string }).id;
    expect(await deleteMeasurement(as("member"), account.id, id)).toEqual({ ok: false, error: "forbidden" });
    expect(await deleteMeasurement(as("outsider"), other.id, id)).toEqual({ ok: false, error: "not_found" });
    expect(await deleteMeasurement(as("champion"), account.id, id)).toEqual({ ok: true, id });
    expect(await db.$count(measurements, eq(measurements.id, id))).toBe(0);
  });
});

describe("getPlanValue", () => {
  it("puts metrics under their outcomes with the latest reading, and computes the plan's ROI from the account's cost", async () => {
    const own = await createAccount({ annualCost: 24_000, currency: "GBP" });
    const ownPlan = await createPlan(own.id, { startDate: datePlusDays(todayIn(own.timeZone), -90) });
    const close = await createOutcome(ownPlan, { title: "Close faster", position: 0 });
    const adoption = await createOutcome(ownPlan, { title: "Adoption", position: 1 });
    const champion = actorOf(await createCustomer(own.id, "champion"));
    const days = await createMetric(close, {
      name: "Close days",
      baseline: 9,
      target: 4,
      moneyPerUnit: 1000,
      valuePeriod: "month",
    });
    await createMetric(adoption, { name: "Weekly active", unit: "%", direction: "up", baseline: 20, target: 80 });
    const ownToday = todayIn(own.timeZone);
    await recordMeasurement(champion, own.id, days.id, { measuredOn: ownToday, value: 6, note: "" });
    await recordMeasurement(champion, own.id, days.id, { measuredOn: datePlusDays(ownToday, -45), value: 8, note: "" });

    const member = actorOf(await createCustomer(own.id, "member"));
    const value = await getPlanValue(member, own.id);
    expect(value).not.toBeNull();
    expect(value!.currency).toBe("GBP");
    expect(value!.outcomes.map((outcome) => [outcome.title, outcome.metrics.map((metric) => metric.name)])).toEqual([
      ["Close faster", ["Close days"]],
      ["Adoption", ["Weekly active"]],
    ]);
    const metric = value!.outcomes[0]!.metrics[0]!;
    expect(metric.measurements.map((m) => m.value)).toEqual([8, 6]);
    expect(metric).toMatchObject({
      current: 6,
      annualValue: 36_000,
      annualValueAtTarget: 60_000,
      progress: { improvement: 3, progress: 0.6 },
    });
    // 3 days × 1,000 × 12 = 36,000 a year against 24,000: ROI 50 %, paid back in 8 months.
    expect(value!.roi).toMatchObject({
      annualValue: 36_000,
      annualCost: 24_000,
      roiPercent: 50,
      paybackMonths: 8,
      moneyMetrics: 1,
      otherMetrics: 1,
    });
  });

  it("is null for another account's people and for an account without a plan", async () => {
    expect(await getPlanValue(as("outsider"), account.id)).toBeNull();
    expect(await getPlanValue(as("csm"), (await createAccount()).id)).toBeNull();
  });
});

it("keeps the subscription's ARR out of reach of a negative value (database check)", async () => {
  await expect(
    db
      .update(subscriptions)
      .set({ arr: -1 })
      .where(and(eq(subscriptions.accountId, account.id))),
  ).rejects.toThrow();
});
