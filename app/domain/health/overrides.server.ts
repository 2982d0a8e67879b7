import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "~db/client.server";
import { accounts, healthOverrides, users } from "~db/schema";
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
type OverrideError = "unknown_account" | OverrideExpiryProblem | "unknown_override";
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

const EXPIRY_BATCH = 500;

/**
 * Logs, once, each override that ran out by the calendar (its last day is over in the account's
 * time zone): "the override ended on its expiry" in the activity log, dated at the end of that
 * day. The override itself is not changed — it simply no longer counts. Run by the nightly health
 * job; SKIP LOCKED lets two workers share the work.
 */
export async function recordExpiredOverrides(now = new Date(), executor: Executor = db): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await executor.transaction(async (tx) => {
      const expired = await tx
        .select({
          id: healthOverrides.id,
          accountId: healthOverrides.accountId,
          grade: healthOverrides.grade,
          expiresOn: healthOverrides.expiresOn,
          endedAt: sql<Date>`((${healthOverrides.expiresOn} + 1)::timestamp at time zone ${accounts.timeZone})`.mapWith(
            (value: string | Date) => new Date(value),
          ),
        })
        .from(healthOverrides)
        .innerJoin(accounts, eq(accounts.id, healthOverrides.accountId))
        .where(
          and(
            isNull(healthOverrides.endedAt),
            isNull(healthOverrides.expiryRecordedAt),
            sql`${healthOverrides.expiresOn} < (${now.toISOString()}::timestamptz at time zone ${accounts.timeZone})::date`,
          ),
        )
        .orderBy(healthOverrides.id)
        .limit(EXPIRY_BATCH)
        .for("update", { of: healthOverrides, skipLocked: true });
      for (const row of expired) {
        await tx
          .update(healthOverrides)
          .set({ expiryRecordedAt: now })
          .where(and(eq(healthOverrides.id, row.id), eq(healthOverrides.accountId, row.accountId)));
        await recordActivity(tx, {
          accountId: row.accountId,
          actorId: null,
          action: "health.override_expired",
          subjectType: "health_override",
          subjectId: row.id,
          details: { grade: row.grade, expiresOn: row.expiresOn },
          createdAt: row.endedAt,
        });
      }
      return expired.length;
    });
    total += done;
    if (done < EXPIRY_BATCH) return total;
  }
}

const OVERRIDE_HISTORY = 10;

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
