import { count, desc, eq } from "drizzle-orm";
import { db } from "~db/client.server";
import { healthPulses, healthTouches, users } from "~db/schema";
import { recordActivity } from "~/domain/activity/activity.server";
import type { StaffActor } from "~/domain/auth/actor";
import { daysUntil, todayIn } from "~/lib/format";
import { newId } from "~/lib/ids.server";
import { DAY_MS } from "~/lib/time";
import { recomputeHealth } from "./recompute.server";
import { PULSE_DAYS, type PulseInput, TOUCH_MAX_AGE_DAYS, type TouchInput } from "./schemas";
import { requestHealthRecompute } from "./triggers.server";

/*
 * What staff record by hand for an account's health: the CSM pulse and the touches on its
 * timeline. Staff-only data: no customer loader reads these functions.
 */

type Scope = { id: string; timeZone: string };
type TimelineError = "unknown_account" | "future_date" | "too_old";
type Result = { ok: true } | { ok: false; error: TimelineError; field?: string };

/** After the commit: the account's score reflects the change at once (the queued job catches a failure). */
async function refresh(accountId: string) {
  try {
    await recomputeHealth({ accountIds: [accountId] });
  } catch (error) {
    console.error(`Recomputing the health of ${accountId} failed; the queued job will retry.`, error);
  }
}

/** Sets the account's pulse (it counts for PULSE_DAYS, then it is "no data"). */
export async function setPulse(
  actor: StaffActor,
  account: Scope,
  input: PulseInput,
  now = new Date(),
): Promise<Result> {
  if (input.accountId !== account.id) return { ok: false, error: "unknown_account", field: "accountId" };
  await db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(healthPulses).values({
      id,
      accountId: account.id,
      authorId: actor.id,
      grade: input.grade,
      note: input.note,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PULSE_DAYS * DAY_MS),
    });
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "health.pulse_set",
      subjectType: "health_pulse",
      subjectId: id,
      details: { grade: input.grade },
    });
    await requestHealthRecompute(tx, account.id);
  });
  await refresh(account.id);
  return { ok: true };
}

/** Logs a touch on the account's timeline, on a day of the account's calendar up to today. */
export async function logTouch(
  actor: StaffActor,
  account: Scope,
  input: TouchInput,
  now = new Date(),
): Promise<Result> {
  if (input.accountId !== account.id) return { ok: false, error: "unknown_account", field: "accountId" };
  const ahead = daysUntil(input.occurredOn, todayIn(account.timeZone, now));
  if (ahead > 0) return { ok: false, error: "future_date", field: "occurredOn" };
  if (ahead < -TOUCH_MAX_AGE_DAYS) return { ok: false, error: "too_old", field: "occurredOn" };
  await db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(healthTouches).values({
      id,
      accountId: account.id,
      authorId: actor.id,
      kind: input.kind,
      occurredOn: input.occurredOn,
      note: input.note,
      createdAt: now,
    });
    await recordActivity(tx, {
      accountId: account.id,
      actorId: actor.id,
      action: "health.touch_logged",
      subjectType: "health_touch",
      subjectId: id,
      details: { kind: input.kind, occurredOn: input.occurredOn },
    });
    await requestHealthRecompute(tx, account.id);
  });
  await refresh(account.id);
  return { ok: true };
}

const TOUCHES_PAGE = 10;

/** The account's latest CSM pulse, fresh or not (the Health tab and the read API): one query. */
export async function latestPulse(accountId: string, now = new Date()) {
  const [latest] = await db
    .select({
      grade: healthPulses.grade,
      note: healthPulses.note,
      createdAt: healthPulses.createdAt,
      expiresAt: healthPulses.expiresAt,
      authorName: users.name,
    })
    .from(healthPulses)
    .innerJoin(users, eq(users.id, healthPulses.authorId))
    .where(eq(healthPulses.accountId, accountId))
    .orderBy(desc(healthPulses.createdAt), desc(healthPulses.id))
    .limit(1);
  return latest
    ? {
        grade: latest.grade,
        note: latest.note,
        authorName: latest.authorName,
        setAt: latest.createdAt.toISOString(),
        expiresAt: latest.expiresAt.toISOString(),
        fresh: latest.expiresAt > now,
      }
    : null;
}

/** The account's latest pulse (fresh or not) and one page of its touches, newest first: three queries. */
export async function getTimeline(accountId: string, page: number, now = new Date()) {
  const [pulse, touches, [total]] = await Promise.all([
    latestPulse(accountId, now),
    db
      .select({
        id: healthTouches.id,
        kind: healthTouches.kind,
        occurredOn: healthTouches.occurredOn,
        note: healthTouches.note,
        authorName: users.name,
      })
      .from(healthTouches)
      .innerJoin(users, eq(users.id, healthTouches.authorId))
      .where(eq(healthTouches.accountId, accountId))
      .orderBy(desc(healthTouches.occurredOn), desc(healthTouches.createdAt), desc(healthTouches.id))
      .limit(TOUCHES_PAGE)
      .offset((page - 1) * TOUCHES_PAGE),
    db.select({ n: count() }).from(healthTouches).where(eq(healthTouches.accountId, accountId)),
  ]);
  return { pulse, touches: { rows: touches, total: total?.n ?? 0, page, pageSize: TOUCHES_PAGE } };
}
