import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "~db/client.server";
import { consents, opportunities, referenceRequests } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { Actor } from "~/domain/auth/actor";
import { moveProblem } from "./pipeline";
import { writeTransition } from "./transitions.server";

/** A person's own consents, newest first (withdrawn ones too, with when). */
export async function listConsentsFor(actor: Actor) {
  const rows = await db
    .select({
      id: consents.id,
      askType: consents.askType,
      uses: consents.uses,
      scope: consents.scope,
      grantedAt: consents.grantedAt,
      withdrawnAt: consents.withdrawnAt,
    })
    .from(consents)
    .where(eq(consents.userId, actor.id))
    .orderBy(desc(consents.grantedAt));
  return rows.map((row) => ({
    ...row,
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  }));
}

/**
 * Withdraws one of the person's own consents. Takes effect everywhere at once, in one transaction:
 * every opportunity resting on it moves to "withdrawn" (so nothing built on it can be published,
 * and anything published is taken down), its reference calls are called off, and the person
 * leaves the reference directory (which lists only consents in force). Someone else's consent, or one already withdrawn, is
 * "not_found".
 */
export async function withdrawConsent(
  actor: Actor,
  consentId: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "not_found" }> {
  return db.transaction(async (tx) => {
    const [consent] = await tx
      .select({ id: consents.id, accountId: consents.accountId, askType: consents.askType })
      .from(consents)
      .where(and(eq(consents.id, consentId), eq(consents.userId, actor.id), isNull(consents.withdrawnAt)))
      .for("update");
    if (!consent) return { ok: false as const, error: "not_found" as const };
    await tx.update(consents).set({ withdrawnAt: now }).where(eq(consents.id, consent.id));
    await recordActivity(tx, {
      accountId: consent.accountId,
      actorId: actor.id,
      action: "consent.withdrawn",
      subjectType: "consent",
      subjectId: consent.id,
      details: { askType: consent.askType },
    });
    const resting = await tx
      .select({ id: opportunities.id, accountId: opportunities.accountId, stage: opportunities.stage })
      .from(opportunities)
      .where(and(eq(opportunities.consentId, consent.id), eq(opportunities.accountId, consent.accountId)))
      .for("update");
    for (const opportunity of resting) {
      if (!moveProblem(opportunity.stage, "withdrawn", "customer", null))
        await writeTransition(tx, opportunity, "withdrawn", actor.id, { note: "consent withdrawn" });
    }
    await tx
      .update(referenceRequests)
      .set({ status: "withdrawn", respondedAt: now })
      .where(
        and(eq(referenceRequests.consentId, consent.id), inArray(referenceRequests.status, ["asked", "accepted"])),
      );
    return { ok: true as const };
  });
}
