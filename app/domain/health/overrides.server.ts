import { and, desc, eq, gte, isNull } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { healthOverrides, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { todayIn } from "~/lib/format";
import { newId } from "~/lib/ids.server";
import { type OverrideExpiryProblem, overrideExpiryProblem, overrideState } from "./override-rules";
import type { OverrideInput } from "./schemas";

/*
 * Overrides are records (issue 14): a CSM sets the grade by hand with a reason and an expiry; the
 * computed score goes on being computed and filed beside it. An override ends at its expiry by
 * the calendar alone, or when a CSM ends or replaces it — both logged. Staff-only.
 */

type Scope = { id: string; timeZone: string };
export type OverrideError = "unknown_account" | OverrideExpiryProblem | "unknown_override";
type Result = { ok: true; id: string } | { ok: false; error: OverrideError; field?: string };

/** The account's overrides that have not been ended by hand and whose last day is today or later, locked. */
async function lockOpen(tx: Executor, accountId: string, today: string) {
  return tx
    .select({ id: healthOverrides.id })
    .from(healthOverrides)
    .where(
      and(
        eq(healthOverrides.accountId, accountId),
        isNull(healthOverrides.endedAt),
        gte(healthOverrides.expiresOn, today),
      ),
    )
    .orderBy(healthOverrides.id)
    .for("update");
}

/** Sets the grade by hand until `expiresOn` (today … today + 180 in the account's calendar); replaces an active one, logged. */
export async function setOverride(
  actor: StaffActor,
  account: Scope,
  input: OverrideInput,
  now = new Date(),
): Promise<Result> {
  if (input.accountId !== account.id) return { ok: false, error: "unknown_account", field: "accountId" };
  const today = todayIn(account.timeZone, now);
  const problem = overrideExpiryProblem(input.expiresOn, today);
  if (problem) return { ok: false, error: problem, field: "expiresOn" };
  const id = newId();
  await db.transaction(async (tx) => {
    // One override counts at a time: the one it replaces is ended, and the log says by which.
    for (const open of await lockOpen(tx, account.id, today)) {
      await tx
        .update(healthOverrides)
        .set({ endedAt: now, endedById: actor.id })
        .where(and(eq(healthOverrides.id, open.id), eq(healthOverrides.accountId, account.id)));
      await recordActivity(tx, {
        accountId: account.id,
        actorId: actor.id,
        action: "health.override_ended",
        subjectType: "health_override",
        subjectId: open.id,
        details: { replacedBy: id },
      });
    }
    await tx.insert(healthOverrides).values({
      id,
      accountId: account.id,
      authorId: actor.id,
      grade: input.grade,
      reason: input.reason,
      expiresOn: input.expiresOn,
      createdAt: now,
    });
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "health.override_set",
      subjectType: "health_override",
      subjectId: id,
      details: { grade: input.grade, expiresOn: input.expiresOn, reason: input.reason },
    });
  });
  return { ok: true, id };
}

/** Ends an active override before its expiry, logged. Another account's, an ended or an expired one: unknown. */
export async function endOverride(
  actor: StaffActor,
  account: Scope,
  overrideId: string,
  now = new Date(),
): Promise<Result> {
  const today = todayIn(account.timeZone, now);
  const ended = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(healthOverrides)
      .set({ endedAt: now, endedById: actor.id })
      .where(
        and(
          eq(healthOverrides.id, overrideId),
          eq(healthOverrides.accountId, account.id),
          isNull(healthOverrides.endedAt),
          gte(healthOverrides.expiresOn, today),
        ),
      )
      .returning({ id: healthOverrides.id });
    if (!row) return false;
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "health.override_ended",
      subjectType: "health_override",
      subjectId: row.id,
      details: { early: true },
    });
    return true;
  });
  return ended ? { ok: true, id: overrideId } : { ok: false, error: "unknown_override" };
}

export const OVERRIDE_HISTORY = 10;

/** The account's latest overrides (bounded), newest first, each with whether it counts today. */
export async function listOverrides(account: Scope, now = new Date(), executor: Executor = db) {
  const today = todayIn(account.timeZone, now);
  const rows = await executor
    .select({
      id: healthOverrides.id,
      grade: healthOverrides.grade,
      reason: healthOverrides.reason,
      expiresOn: healthOverrides.expiresOn,
      createdAt: healthOverrides.createdAt,
      endedAt: healthOverrides.endedAt,
      authorName: users.name,
    })
    .from(healthOverrides)
    .innerJoin(users, eq(users.id, healthOverrides.authorId))
    .where(eq(healthOverrides.accountId, account.id))
    .orderBy(desc(healthOverrides.createdAt), desc(healthOverrides.id))
    .limit(OVERRIDE_HISTORY);
  return rows.map((row) => ({
    id: row.id,
    grade: row.grade,
    reason: row.reason,
    expiresOn: row.expiresOn,
    setAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    authorName: row.authorName,
    state: overrideState(row, today),
  }));
}

/** The override that counts today, if any: one query. */
export async function activeOverride(account: Scope, now = new Date(), executor: Executor = db) {
  const today = todayIn(account.timeZone, now);
  const [row] = await executor
    .select({
      id: healthOverrides.id,
      grade: healthOverrides.grade,
      reason: healthOverrides.reason,
      expiresOn: healthOverrides.expiresOn,
    })
    .from(healthOverrides)
    .where(
      and(
        eq(healthOverrides.accountId, account.id),
        isNull(healthOverrides.endedAt),
        gte(healthOverrides.expiresOn, today),
      ),
    )
    .orderBy(desc(healthOverrides.createdAt), desc(healthOverrides.id))
    .limit(1);
  return row ?? null;
}
