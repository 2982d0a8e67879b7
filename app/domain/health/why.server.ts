import { and, desc, eq, lte } from "drizzle-orm";
import { db } from "~db/client.server";
import { healthSnapshots } from "~db/schema";
import { type ExplainedSnapshot, type Explanation, explainChange } from "./why";

/** The snapshot filed on `day`, or the latest before it (a day without a recompute keeps the one before). */
async function snapshotOnOrBefore(accountId: string, day: string): Promise<ExplainedSnapshot | null> {
  const [row] = await db
    .select({ day: healthSnapshots.day, overall: healthSnapshots.overall, measures: healthSnapshots.measures })
    .from(healthSnapshots)
    .where(and(eq(healthSnapshots.accountId, accountId), lte(healthSnapshots.day, day)))
    .orderBy(desc(healthSnapshots.day))
    .limit(1);
  return row ?? null;
}

export type WhyAnswer = { ok: true; explanation: Explanation } | { ok: false; problem: "no_snapshot" };

/** "Why did it change?" between two days of an account's history: two queries. Staff-only (it carries the pulse). */
export async function explainHealthBetween(accountId: string, from: string, to: string): Promise<WhyAnswer> {
  const [before, after] = await Promise.all([snapshotOnOrBefore(accountId, from), snapshotOnOrBefore(accountId, to)]);
  if (!before || !after) return { ok: false, problem: "no_snapshot" };
  return { ok: true, explanation: explainChange(before, after) };
}
