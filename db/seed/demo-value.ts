import { and, eq } from "drizzle-orm";
import type { Transaction } from "../client.server";
import { type MetricDirection, type ValuePeriod, measurements, outcomes, valueMetrics } from "../schema";
import { datePlusDays } from "../../app/domain/plans/template-dates";
import { newId } from "../../app/lib/ids.server";

interface MetricStory {
  outcome: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number;
  target: number;
  money?: { perUnit: number; period: ValuePeriod };
  /** Readings on days after the plan's start, by whom (email). */
  readings: { day: number; value: number; note?: string; by: string }[];
}

/**
 * The value each demo account has measured: Northwind has defined its metric but not measured it,
 * Helix has made a little progress, Orbit has a strong ROI (the case-study candidate).
 */
export const VALUE_STORIES: Record<string, { annualCost: number; currency: string; metrics: MetricStory[] }> = {
  "Northwind Logistics": {
    annualCost: 18_000,
    currency: "GBP",
    metrics: [
      {
        outcome: "Weekly operations report built in Lumen, not in spreadsheets",
        name: "Hours spent on the weekly ops report",
        unit: "hours",
        direction: "down",
        baseline: 12,
        target: 2,
        money: { perUnit: 45, period: "week" },
        readings: [],
      },
    ],
  },
  "Helix Health": {
    annualCost: 210_000,
    currency: "USD",
    metrics: [
      {
        outcome: "Compliance-ready reporting on de-identified data",
        name: "Days to produce the monthly quality report",
        unit: "days",
        direction: "down",
        baseline: 10,
        target: 3,
        money: { perUnit: 1_800, period: "month" },
        readings: [
          {
            day: 40,
            value: 9,
            note: "Only the readmissions section comes from Lumen so far",
            by: "grace@helixhealth.example",
          },
          { day: 68, value: 8, note: "Still waiting on the replica for the rest", by: "elena@helixhealth.example" },
        ],
      },
      {
        outcome: "Operations leaders see quality and throughput every day",
        name: "Units with a daily quality dashboard",
        unit: "units",
        direction: "up",
        baseline: 0,
        target: 12,
        readings: [{ day: 60, value: 2, note: "The two pilot units", by: "mia@helixhealth.example" }],
      },
    ],
  },
  "Orbit Retail": {
    annualCost: 240_000,
    currency: "AUD",
    metrics: [
      {
        outcome: "One version of sales and stock numbers across the business",
        name: "Hours reconciling sales and stock each week",
        unit: "hours",
        direction: "down",
        baseline: 60,
        target: 10,
        money: { perUnit: 55, period: "week" },
        readings: [
          { day: 45, value: 42, by: "priyanka@orbitretail.example" },
          { day: 75, value: 20, note: "Finance stopped its own reconciliation", by: "kenji@orbitretail.example" },
          { day: 100, value: 12, by: "kenji@orbitretail.example" },
        ],
      },
      {
        outcome: "Markdown and replenishment decisions made within two days",
        name: "Days from sell-through signal to markdown decision",
        unit: "days",
        direction: "down",
        baseline: 9,
        target: 2,
        money: { perUnit: 4_000, period: "month" },
        readings: [
          { day: 60, value: 6, by: "chloe@orbitretail.example" },
          { day: 90, value: 3, note: "Trading meeting decides from the dashboard", by: "kenji@orbitretail.example" },
          { day: 105, value: 2, by: "kenji@orbitretail.example" },
        ],
      },
      {
        outcome: "Markdown and replenishment decisions made within two days",
        name: "Merchandisers active in Lumen each week",
        unit: "%",
        direction: "up",
        baseline: 15,
        target: 70,
        readings: [
          { day: 60, value: 48, by: "daniel@orbitretail.example" },
          { day: 100, value: 74, by: "daniel@orbitretail.example" },
        ],
      },
    ],
  },
};

/** Adds the account's value metrics and readings to its freshly applied demo plan. */
export async function seedDemoValue(
  tx: Transaction,
  story: (typeof VALUE_STORIES)[string],
  plan: {
    accountId: string;
    planId: string;
    startDate: string;
    startedDaysAgo: number;
    createdById: string;
    personId: (email: string) => string;
  },
) {
  const outcomeRows = await tx
    .select({ id: outcomes.id, title: outcomes.title })
    .from(outcomes)
    .where(and(eq(outcomes.planId, plan.planId), eq(outcomes.accountId, plan.accountId)));
  for (const [position, metric] of story.metrics.entries()) {
    const outcome = outcomeRows.find((row) => row.title === metric.outcome);
    if (!outcome) throw new Error(`Demo value: no outcome "${metric.outcome}"`);
    const metricId = newId();
    await tx.insert(valueMetrics).values({
      id: metricId,
      planId: plan.planId,
      accountId: plan.accountId,
      outcomeId: outcome.id,
      name: metric.name,
      unit: metric.unit,
      direction: metric.direction,
      baseline: metric.baseline,
      target: metric.target,
      moneyPerUnit: metric.money?.perUnit ?? null,
      valuePeriod: metric.money?.period ?? null,
      position,
      createdById: plan.createdById,
    });
    for (const reading of metric.readings) {
      if (reading.day > plan.startedDaysAgo)
        throw new Error(`Demo value: "${metric.name}" read on day ${reading.day}, in the future`);
      await tx.insert(measurements).values({
        id: newId(),
        metricId,
        accountId: plan.accountId,
        measuredOn: datePlusDays(plan.startDate, reading.day),
        value: reading.value,
        note: reading.note ?? "",
        recordedById: plan.personId(reading.by),
      });
    }
  }
}
