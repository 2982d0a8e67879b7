import { desc, eq, or, isNull, sql } from "drizzle-orm";
import { db } from "~db/client.server";
import { healthCurrent, healthModels, healthSnapshots, type SnapshotMeasure } from "~db/schema";
import type { Actor } from "~/domain/auth/actor";
import { CUSTOMER_MEASURE_CHOICES, type CustomerMeasure } from "./schemas";
import { DEFAULT_THRESHOLDS } from "./score";

type RolloutStanding = "good" | "fair" | "low" | "none";

/** One measure as the customer sees it: how it stands and the few numbers their sentence needs. */
export type RolloutMeasure =
  | { key: "adoption"; standing: RolloutStanding; facts: { active: number; seats: number } | null }
  | { key: "plan"; standing: RolloutStanding; facts: { overdue: number } | null }
  | { key: "skills"; standing: RolloutStanding; facts: { certified: number; audience: number } | null }
  | { key: "engagement"; standing: RolloutStanding; facts: { signedIn: number; people: number } | null }
  | { key: "community"; standing: RolloutStanding; facts: { questions: number; answers: number } | null };

/** Who sees "How your rollout is going": the account's champion (staff have the Health tab). */
export function seesOwnRollout(actor: Actor, accountId: string): boolean {
  return actor.kind === "customer" && actor.accountId === accountId && actor.accountRole === "champion";
}

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * The customer's words for a measure: only the inputs named here leave the server (never the
 * score, the weights, the pulse or a note), so a new input on a snapshot stays internal.
 */
function project(
  key: CustomerMeasure,
  measure: SnapshotMeasure | undefined,
  standing: RolloutStanding,
): RolloutMeasure {
  const inputs = measure && measure.score !== null ? measure.inputs : null;
  switch (key) {
    case "adoption":
      return {
        key,
        standing,
        facts: inputs ? { active: num(inputs.monthlyActive), seats: num(inputs.licensedSeats) } : null,
      };
    case "plan":
      return { key, standing, facts: inputs ? { overdue: num(inputs.overdueCustomerTasks) } : null };
    case "skills":
      return {
        key,
        standing,
        facts: inputs ? { certified: num(inputs.certified), audience: num(inputs.audience) } : null,
      };
    case "engagement":
      return { key, standing, facts: inputs ? { signedIn: num(inputs.signedIn), people: num(inputs.people) } : null };
    case "community":
      return {
        key,
        standing,
        facts: inputs ? { questions: num(inputs.questions), answers: num(inputs.answers) } : null,
      };
  }
}

/**
 * "How your rollout is going" for the account's customers: each measure its segment's current model
 * shows customers, from the latest snapshot, in the customer's terms. Two queries.
 */
export async function getCustomerRollout(account: { id: string; segmentId: string }): Promise<RolloutMeasure[]> {
  const [[model], [latest]] = await Promise.all([
    db
      .select({
        customerMeasures: healthModels.customerMeasures,
        redBelow: healthModels.redBelow,
        greenFrom: healthModels.greenFrom,
      })
      .from(healthModels)
      .where(or(eq(healthModels.segmentId, account.segmentId), isNull(healthModels.segmentId)))
      // The segment's own model before the default, its latest version first.
      .orderBy(sql`${healthModels.segmentId} is null`, desc(healthModels.version))
      .limit(1),
    db
      .select({ measures: healthSnapshots.measures })
      .from(healthCurrent)
      .innerJoin(
        healthSnapshots,
        sql`${healthSnapshots.accountId} = ${healthCurrent.accountId} and ${healthSnapshots.day} = ${healthCurrent.day}`,
      )
      .where(eq(healthCurrent.accountId, account.id)),
  ]);
  const shown = model?.customerMeasures ?? ["adoption", "plan", "skills", "engagement"];
  const thresholds = model ?? DEFAULT_THRESHOLDS;
  const byKey = new Map((latest?.measures ?? []).map((measure) => [measure.key, measure]));
  return CUSTOMER_MEASURE_CHOICES.filter((key) => shown.includes(key)).map((key) => {
    const measure = byKey.get(key);
    const score = measure?.score ?? null;
    const standing: RolloutStanding =
      score === null ? "none" : score >= thresholds.greenFrom ? "good" : score >= thresholds.redBelow ? "fair" : "low";
    return project(key, measure, standing);
  });
}
