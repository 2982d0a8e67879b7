import { eq, sql } from "drizzle-orm";
import type { Transaction } from "~db/client.server";
import { type OpportunityStage, opportunities, opportunityTransitions } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import { newId } from "~/lib/ids.server";

/**
 * Writes a stage change the caller has already checked against the transition table: the new
 * stage, the transition row and the activity entry, in the caller's transaction.
 */
export async function writeTransition(
  tx: Transaction,
  opportunity: { id: string; accountId: string; stage: OpportunityStage },
  to: OpportunityStage,
  actorId: string | null,
  extra: { consentId?: string; note?: string } = {},
) {
  const now = new Date();
  await tx
    .update(opportunities)
    .set({
      stage: to,
      stageEnteredAt: now,
      version: sql`${opportunities.version} + 1`,
      ...(extra.consentId ? { consentId: extra.consentId } : {}),
    })
    .where(eq(opportunities.id, opportunity.id));
  await tx.insert(opportunityTransitions).values({
    id: newId(),
    opportunityId: opportunity.id,
    fromStage: opportunity.stage,
    toStage: to,
    actorId,
    note: extra.note ?? "",
    at: now,
  });
  await recordActivity(tx, {
    accountId: opportunity.accountId,
    actorId,
    action: "opportunity.moved",
    subjectType: "opportunity",
    subjectId: opportunity.id,
    details: { from: opportunity.stage, to },
  });
}
