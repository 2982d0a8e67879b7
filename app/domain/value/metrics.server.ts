import { and, asc, eq } from "drizzle-orm";
import { getCurrentArr } from "~/domain/revenue/ledger.server";
import { db, type Executor } from "~db/client.server";
import { accounts, measurements, users, valueMetrics } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import {
  getCurrentOutcome,
  getCurrentPlan,
  getPlanStartDate,
  listPlanOutcomes,
} from "~/domain/plans/plan-lookups.server";
import { todayIn } from "~/lib/format";
import { newId } from "~/lib/ids.server";
import { type MetricFigures, type PlanRoi, annualValueAtTarget, annualValueOf, metricProgress, planRoi } from "./roi";
import { canOnValue } from "./value-permissions";
import type { MeasurementInput, MetricInput } from "./value-schemas";

interface MeasurementView {
  id: string;
  measuredOn: string;
  value: number;
  note: string;
  recordedByName: string | null;
}

export interface MetricView extends MetricFigures {
  id: string;
  outcomeId: string;
  name: string;
  unit: string;
  version: number;
  /** Oldest first, as a chart draws them. */
  measurements: MeasurementView[];
  progress: ReturnType<typeof metricProgress>;
  annualValue: number | null;
  annualValueAtTarget: number | null;
}

export interface PlanValue {
  plan: { id: string; name: string; startDate: string };
  outcomes: { id: string; title: string; targetDate: string | null; metrics: MetricView[] }[];
  roi: PlanRoi;
  currency: string;
  today: string;
}

/**
 * The value side of the account's current plan in a fixed number of queries whatever its size: the
 * plan and the account's cost, then its outcomes, metrics and their measurements. Null when the
 * account has no plan (or the actor may not see it).
 */
export async function getPlanValue(
  actor: Actor,
  accountId: string,
  executor: Executor = db,
): Promise<PlanValue | null> {
  if (!canOnValue(actor, "value.view", { accountId })) return null;
  const [plan, [account], subscription] = await Promise.all([
    getCurrentPlan(accountId, executor),
    executor
      .select({ currency: accounts.currency, timeZone: accounts.timeZone })
      .from(accounts)
      .where(eq(accounts.id, accountId)),
    getCurrentArr(accountId, executor),
  ]);
  if (!plan || !account) return null;

  const [outcomeRows, metricRows, measurementRows] = await Promise.all([
    listPlanOutcomes(accountId, plan.id, executor),
    executor
      .select({
        id: valueMetrics.id,
        outcomeId: valueMetrics.outcomeId,
        name: valueMetrics.name,
        unit: valueMetrics.unit,
        direction: valueMetrics.direction,
        baseline: valueMetrics.baseline,
        target: valueMetrics.target,
        moneyPerUnit: valueMetrics.moneyPerUnit,
        valuePeriod: valueMetrics.valuePeriod,
        version: valueMetrics.version,
      })
      .from(valueMetrics)
      .where(and(eq(valueMetrics.accountId, accountId), eq(valueMetrics.planId, plan.id)))
      .orderBy(asc(valueMetrics.position), asc(valueMetrics.createdAt)),
    executor
      .select({
        id: measurements.id,
        metricId: measurements.metricId,
        measuredOn: measurements.measuredOn,
        value: measurements.value,
        note: measurements.note,
        recordedByName: users.name,
      })
      .from(measurements)
      .innerJoin(valueMetrics, eq(valueMetrics.id, measurements.metricId))
      .leftJoin(users, eq(users.id, measurements.recordedById))
      .where(and(eq(measurements.accountId, accountId), eq(valueMetrics.planId, plan.id)))
      .orderBy(asc(measurements.measuredOn), asc(measurements.createdAt)),
  ]);

  const byMetric = new Map<string, MeasurementView[]>();
  for (const { metricId, ...measurement } of measurementRows) {
    const list = byMetric.get(metricId) ?? [];
    list.push(measurement);
    byMetric.set(metricId, list);
  }
  const metrics: MetricView[] = metricRows.map((row) => {
    const list = byMetric.get(row.id) ?? [];
    const figures: MetricFigures = { ...row, current: list.at(-1)?.value ?? null };
    return {
      ...row,
      ...figures,
      measurements: list,
      progress: metricProgress(figures),
      annualValue: annualValueOf(figures),
      annualValueAtTarget: annualValueAtTarget(figures),
    };
  });

  return {
    plan: { id: plan.id, name: plan.name, startDate: plan.startDate },
    outcomes: outcomeRows.map((outcome) => ({
      ...outcome,
      metrics: metrics.filter((metric) => metric.outcomeId === outcome.id),
    })),
    // What the customer pays is revenue's ARR; values are in the account's currency, so a
    // subscription priced in another one has no cost to compare with (never mix currencies).
    roi: planRoi(metrics, subscription && subscription.currency === account.currency ? subscription.arr : null),
    currency: account.currency,
    today: todayIn(account.timeZone),
  };
}

export type ValueWriteResult =
  | { ok: true; id: string }
  | { ok: false; error: "not_found" | "forbidden" | "stale" }
  | { ok: false; error: "invalid"; field: string; code: string };

const refuse = (error: "not_found" | "forbidden" | "stale") => ({ ok: false as const, error });
const invalidField = (field: string, code: string) => ({ ok: false as const, error: "invalid" as const, field, code });

const metricColumns = (input: MetricInput) => ({
  outcomeId: input.outcomeId,
  name: input.name,
  unit: input.unit,
  direction: input.direction,
  baseline: input.baseline,
  target: input.target,
  moneyPerUnit: input.moneyPerUnit,
  valuePeriod: input.valuePeriod,
});

export async function createMetric(actor: Actor, accountId: string, input: MetricInput): Promise<ValueWriteResult> {
  if (!canOnValue(actor, "metric.define", { accountId })) return refuse("forbidden");
  return db.transaction(async (tx) => {
    // Metrics are only defined on the outcomes of the account's current plan.
    const outcome = await getCurrentOutcome(accountId, input.outcomeId, tx);
    if (!outcome) return invalidField("outcomeId", "value.outcomeUnknown");
    const id = newId();
    await tx
      .insert(valueMetrics)
      .values({ id, planId: outcome.planId, accountId, ...metricColumns(input), createdById: actor.id });
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "metric.created",
      subjectType: "metric",
      subjectId: id,
      details: { planId: outcome.planId, name: input.name, outcome: outcome.title },
    });
    return { ok: true as const, id };
  });
}

async function lockMetric(tx: Executor, accountId: string, metricId: string) {
  const [row] = await tx
    .select()
    .from(valueMetrics)
    .where(and(eq(valueMetrics.id, metricId), eq(valueMetrics.accountId, accountId)))
    .for("update");
  return row ?? null;
}

export async function updateMetric(
  actor: Actor,
  accountId: string,
  metricId: string,
  input: MetricInput,
  expectedVersion: number,
): Promise<ValueWriteResult> {
  if (!canOnValue(actor, "metric.define", { accountId })) return refuse("forbidden");
  return db.transaction(async (tx) => {
    const before = await lockMetric(tx, accountId, metricId);
    if (!before) return refuse("not_found");
    if (before.version !== expectedVersion) return refuse("stale");
    // Metrics are only defined on the outcomes of the account's current plan.
    const outcome = await getCurrentOutcome(accountId, input.outcomeId, tx);
    if (!outcome || outcome.planId !== before.planId) return invalidField("outcomeId", "value.outcomeUnknown");
    const next = metricColumns(input);
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((key) => before[key] !== next[key])
        .map((key) => [key, { from: before[key], to: next[key] }]),
    );
    if (Object.keys(changes).length === 0) return { ok: true as const, id: metricId };
    await tx
      .update(valueMetrics)
      .set({ ...next, version: before.version + 1, updatedAt: new Date() })
      .where(eq(valueMetrics.id, metricId));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "metric.updated",
      subjectType: "metric",
      subjectId: metricId,
      details: { planId: before.planId, name: input.name, changes },
    });
    return { ok: true as const, id: metricId };
  });
}

/** Removes a metric with its measurements; the activity log keeps what it was. */
export async function deleteMetric(actor: Actor, accountId: string, metricId: string): Promise<ValueWriteResult> {
  if (!canOnValue(actor, "metric.define", { accountId })) return refuse("forbidden");
  return db.transaction(async (tx) => {
    const before = await lockMetric(tx, accountId, metricId);
    if (!before) return refuse("not_found");
    await tx.delete(valueMetrics).where(eq(valueMetrics.id, metricId));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "metric.deleted",
      subjectType: "metric",
      subjectId: metricId,
      details: {
        planId: before.planId,
        name: before.name,
        baseline: before.baseline,
        target: before.target,
        unit: before.unit,
      },
    });
    return { ok: true as const, id: metricId };
  });
}

/** Records a reading dated between the plan's start and today in the account's calendar. */
export async function recordMeasurement(
  actor: Actor,
  accountId: string,
  metricId: string,
  input: MeasurementInput,
): Promise<ValueWriteResult> {
  if (!canOnValue(actor, "measurement.record", { accountId })) return refuse("forbidden");
  return db.transaction(async (tx) => {
    const [metric] = await tx
      .select({
        id: valueMetrics.id,
        planId: valueMetrics.planId,
        name: valueMetrics.name,
        unit: valueMetrics.unit,
        timeZone: accounts.timeZone,
      })
      .from(valueMetrics)
      .innerJoin(accounts, eq(accounts.id, valueMetrics.accountId))
      .where(and(eq(valueMetrics.id, metricId), eq(valueMetrics.accountId, accountId)))
      .for("share", { of: valueMetrics });
    const startDate = metric && (await getPlanStartDate(accountId, metric.planId, tx));
    if (!metric || !startDate) return refuse("not_found");
    if (input.measuredOn > todayIn(metric.timeZone)) return invalidField("measuredOn", "value.dateFuture");
    if (input.measuredOn < startDate) return invalidField("measuredOn", "value.dateBeforeStart");
    const id = newId();
    await tx.insert(measurements).values({
      id,
      metricId,
      accountId,
      measuredOn: input.measuredOn,
      value: input.value,
      note: input.note,
      recordedById: actor.id,
    });
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "measurement.recorded",
      subjectType: "metric",
      subjectId: metricId,
      details: {
        planId: metric.planId,
        name: metric.name,
        unit: metric.unit,
        value: input.value,
        measuredOn: input.measuredOn,
      },
    });
    return { ok: true as const, id };
  });
}

/** Takes back a reading entered by mistake. */
export async function deleteMeasurement(
  actor: Actor,
  accountId: string,
  measurementId: string,
): Promise<ValueWriteResult> {
  if (!canOnValue(actor, "measurement.record", { accountId })) return refuse("forbidden");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: measurements.id,
        metricId: measurements.metricId,
        value: measurements.value,
        measuredOn: measurements.measuredOn,
        planId: valueMetrics.planId,
        name: valueMetrics.name,
        unit: valueMetrics.unit,
      })
      .from(measurements)
      .innerJoin(valueMetrics, eq(valueMetrics.id, measurements.metricId))
      .where(and(eq(measurements.id, measurementId), eq(measurements.accountId, accountId)))
      .for("update", { of: measurements });
    if (!row) return refuse("not_found");
    await tx.delete(measurements).where(eq(measurements.id, measurementId));
    await recordActivity(tx, {
      accountId,
      actorId: actor.id,
      action: "measurement.deleted",
      subjectType: "metric",
      subjectId: row.metricId,
      details: { planId: row.planId, name: row.name, unit: row.unit, value: row.value, measuredOn: row.measuredOn },
    });
    return { ok: true as const, id: measurementId };
  });
}
