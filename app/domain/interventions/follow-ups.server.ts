import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { accounts, users, workItems } from "~db/schema";
import type { StaffActor } from "~/domain/auth/actor";
import { serverT } from "~/i18n";
import { DAY_MS } from "~/lib/time";
import { insertWorkItem } from "./work-items.server";

/** What a follow-up is about: one signal another area saw (today an NPS detractor's answer). */
export interface FollowUpSubject {
  accountId: string;
  subjectType: "nps_response";
  subjectId: string;
  /** The reason in the assignee's language, once the assignee is known. */
  reason: (t: ReturnType<typeof serverT>) => string;
}

export interface FollowUp {
  workItemId: string;
  status: "open" | "closed";
}

/** A follow-up is due within two working days: a detractor heard back from late is a detractor still. */
const FOLLOW_UP_DAYS = 2;

/**
 * Opens a CSM work item about the subject, owned by the account's CSM (else the one asking), once:
 * asking again for the same subject answers the item made the first time. The per-subject lock makes
 * two clicks at once one item.
 */
export async function openFollowUp(
  actor: StaffActor,
  subject: FollowUpSubject,
  now = new Date(),
): Promise<{ ok: true; workItemId: string; created: boolean } | { ok: false; error: "not_found" }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`follow-up:${subject.subjectId}`}))`);
    const [account] = await tx
      .select({ id: accounts.id, csmId: accounts.csmId })
      .from(accounts)
      .where(eq(accounts.id, subject.accountId));
    if (!account) return { ok: false as const, error: "not_found" as const };
    const [existing] = await followUpRows(tx, subject.subjectType, [subject.subjectId]);
    if (existing) return { ok: true as const, workItemId: existing.id, created: false };

    const [csm] = account.csmId
      ? await tx
          .select({ id: users.id, locale: users.locale })
          .from(users)
          .where(and(eq(users.id, account.csmId), isNull(users.deactivatedAt)))
      : [];
    const assignee = csm ?? { id: actor.id, locale: actor.locale };
    const workItemId = await insertWorkItem(tx, {
      accountId: account.id,
      assigneeId: assignee.id,
      reason: subject.reason(serverT(assignee.locale)).slice(0, 500),
      priority: "high",
      dueDate: new Date(now.getTime() + FOLLOW_UP_DAYS * DAY_MS).toISOString().slice(0, 10),
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      createdById: actor.id,
    });
    return { ok: true as const, workItemId, created: true };
  });
}

function followUpRows(executor: Executor, subjectType: FollowUpSubject["subjectType"], subjectIds: string[]) {
  return executor
    .select({ id: workItems.id, subjectId: workItems.subjectId, status: workItems.status })
    .from(workItems)
    .where(and(eq(workItems.subjectType, subjectType), inArray(workItems.subjectId, subjectIds)));
}

/** The follow-ups of a page of subjects, by subject id (one query). */
export async function followUpsFor(
  subjectType: FollowUpSubject["subjectType"],
  subjectIds: readonly string[],
  executor: Executor = db,
): Promise<Map<string, FollowUp>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await followUpRows(executor, subjectType, [...subjectIds]);
  return new Map(rows.map((row) => [row.subjectId!, { workItemId: row.id, status: row.status }]));
}
