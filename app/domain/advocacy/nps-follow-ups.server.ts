import { eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { npsResponses, users } from "~db/schema";
import type { StaffActor } from "~/domain/auth/actor";
import { canOnAccount } from "~/domain/auth/authorization";
import { type FollowUp, followUpsFor, openFollowUp } from "~/domain/interventions/follow-ups.server";
import { npsCategory } from "./nps";

/** A comment quoted in a work item's reason is cut here: the item links to the whole answer. */
const QUOTE_MAX = 160;

/**
 * A detractor's answer becomes a CSM work item ("follow up"), once per answer. Only staff who look
 * after the account (not marketing) may ask; a promoter's or passive's answer is refused.
 */
export async function followUpNpsAnswer(
  actor: StaffActor,
  responseId: string,
): Promise<
  | { ok: true; accountId: string; workItemId: string; created: boolean }
  | { ok: false; error: "not_found" | "not_detractor" | "forbidden" }
> {
  const [answer] = await db
    .select({
      accountId: npsResponses.accountId,
      score: npsResponses.score,
      comment: npsResponses.comment,
      personName: users.name,
    })
    .from(npsResponses)
    .innerJoin(users, eq(users.id, npsResponses.userId))
    .where(eq(npsResponses.id, responseId));
  const score = answer?.score;
  if (!answer || score === null || score === undefined) return { ok: false, error: "not_found" };
  if (!canOnAccount(actor, "account.edit", answer.accountId)) return { ok: false, error: "forbidden" };
  if (npsCategory(score) !== "detractor") return { ok: false, error: "not_detractor" };
  const comment = answer.comment.length > QUOTE_MAX ? `${answer.comment.slice(0, QUOTE_MAX - 1)}…` : answer.comment;
  const result = await openFollowUp(actor, {
    accountId: answer.accountId,
    subjectType: "nps_response",
    subjectId: responseId,
    reason: (t) =>
      comment
        ? t("interventions:workItems.npsReason", { score: String(score), person: answer.personName, comment })
        : t("interventions:workItems.npsReasonNoComment", { score: String(score), person: answer.personName }),
  });
  if (!result.ok) return result;
  return { ok: true, accountId: answer.accountId, workItemId: result.workItemId, created: result.created };
}

/** The follow-ups of a page of answers. */
export function npsFollowUps(responseIds: readonly string[]): Promise<Map<string, FollowUp>> {
  return followUpsFor("nps_response", responseIds);
}
