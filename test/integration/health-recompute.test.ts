import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { healthPulses, healthSnapshots, healthTouches, npsResponses, type SnapshotMeasure, users } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { listEvents } from "~/domain/events/record.server";
import { recomputeHealth } from "~/domain/health/recompute.server";
import { logTouch, setPulse } from "~/domain/health/timeline.server";
import { getAccountHealth } from "~/domain/health/view.server";
import { updateTaskStatus } from "~/domain/plans/task-actions.server";
import { newId } from "~/lib/ids.server";
import { DAY_MS } from "~/lib/time";

const NOW = new Date("2026-11-24T12:00:00Z");
const measure = (measures: SnapshotMeasure[], key: string) => measures.find((m) => m.key === key)!;

async function snapshotsOf(accountId: string) {
  return db.select().from(healthSnapshots).where(eq(healthSnapshots.accountId, accountId));
}

async function waitingJobs(accountId: string) {
  const rows = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from pgboss.job
    where name = 'health-recompute' and singleton_key = ${`account:${accountId}`} and state = 'created'`);
  return rows[0]!.n;
}

describe("recomputing health", () => {
  it("files one snapshot per account and day, measures without data as null, with the model version", async () => {
    const account = await createAccount();
    await recomputeHealth({ accountIds: [account.id], now: NOW });
    await recomputeHealth({ accountIds: [account.id], now: new Date(NOW.getTime() + 60_000) });
    const rows = await snapshotsOf(account.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.day).toBe("2026-11-24");
    expect(row!.modelVersion).toBe(1);
    // A bare account: nothing to score, and it says so instead of scoring 0.
    expect(row!.overall).toBeNull();
    expect(row!.grade).toBeNull();
    expect(row!.coverage).toEqual({ measures: 0, of: 6, weight: 0 });
    expect(row!.measures.every((m) => m.score === null)).toBe(true);
  });

  it("scores the measures with data, reweights, and records a grade change once", async () => {
    const account = await createAccount({ timeZone: "Europe/Berlin" });
    const champion = await createCustomer(account.id, "champion", { lastSignInAt: new Date(NOW.getTime() - DAY_MS) });
    const member = await createCustomer(account.id, "member");
    const plan = await createPlan(account.id);
    const late = await createMilestone(plan, { targetDate: "2026-11-01" });
    await createTask(late, { dueDate: "2026-10-20" });
    await createTask(late, { dueDate: "2026-10-25", side: "vendor" });
    await db.insert(npsResponses).values([
      // The champion's older answer is replaced by their latest.
      {
        id: newId(),
        accountId: account.id,
        userId: champion.id,
        score: 2,
        createdAt: new Date(NOW.getTime() - 200 * DAY_MS),
      },
      {
        id: newId(),
        accountId: account.id,
        userId: champion.id,
        score: 10,
        createdAt: new Date(NOW.getTime() - 5 * DAY_MS),
      },
    ]);

    await recomputeHealth({ accountIds: [account.id], now: NOW });
    const [row] = await snapshotsOf(account.id);
    const plans = measure(row!.measures, "plan");
    expect(plans.inputs).toMatchObject({ stalled: 1, overdueCustomerTasks: 1, overdueVendorTasks: 1 });
    // Stalled milestone 0 (×50), two overdue tasks 70 (×30), nothing achieved yet (left out).
    expect(plans.score).toBe(Math.round((70 * 30) / 80));
    const sentiment = measure(row!.measures, "sentiment");
    expect(sentiment.inputs).toMatchObject({ promoters: 1, detractors: 0, pulse: null });
    expect(sentiment.score).toBe(100);
    const engagement = measure(row!.measures, "engagement");
    expect(engagement.inputs).toMatchObject({ people: 2, signedIn: 1, championActive: true, daysSinceTouch: null });
    expect(engagement.score).toBe(Math.round((50 * 40 + 100 * 30) / 70));
    expect(measure(row!.measures, "adoption").score).toBeNull();
    // The courses are meant for both people and nobody is certified yet: a real 0, not no data.
    const skills = measure(row!.measures, "skills");
    expect(skills.inputs).toMatchObject({ certified: 0, stagesCovered: 0 });
    expect(skills.score).toBe(0);
    expect(row!.coverage).toEqual({ measures: 4, of: 6, weight: 65 });
    expect(row!.overall).toBe(Math.round((26 * 20 + 0 * 15 + 100 * 15 + 71 * 15) / 65));
    expect(row!.grade).toBe("red");

    const first = await listEvents("health.grade_changed", { accountId: account.id });
    expect(first.map((event) => event.payload)).toEqual([{ from: null, to: "red", score: row!.overall }]);

    // The same data again: no new event. Both people signed in and a touch today: yellow, one event.
    await recomputeHealth({ accountIds: [account.id], now: NOW });
    const csm = await createStaff("csm");
    await db.update(users).set({ lastSignInAt: NOW }).where(eq(users.id, member.id));
    await db.insert(healthTouches).values({
      id: newId(),
      accountId: account.id,
      authorId: csm.id,
      kind: "call",
      occurredOn: "2026-11-24",
    });
    await recomputeHealth({ accountIds: [account.id], now: NOW });
    const [after] = await snapshotsOf(account.id);
    expect(after!.overall).toBe(Math.round((26 * 20 + 100 * 15 + 100 * 15) / 65));
    const events = await listEvents("health.grade_changed", { accountId: account.id });
    // Both are recorded at NOW, so their order is not told by occurredAt.
    expect(events.map((event) => [event.payload.from, event.payload.to]).sort()).toEqual(
      [
        [null, "red"],
        ["red", "yellow"],
      ].sort(),
    );
  });

  it("counts a pulse for 30 days; stale, it is no data again", async () => {
    const account = await createAccount();
    const csm = await createStaff("csm");
    const setAt = new Date(NOW.getTime() - 31 * DAY_MS);
    await db.insert(healthPulses).values({
      id: newId(),
      accountId: account.id,
      authorId: csm.id,
      grade: "green",
      createdAt: setAt,
      expiresAt: new Date(setAt.getTime() + 30 * DAY_MS),
    });
    await recomputeHealth({ accountIds: [account.id], now: new Date(setAt.getTime() + 29 * DAY_MS) });
    await recomputeHealth({ accountIds: [account.id], now: NOW });
    const rows = (await snapshotsOf(account.id)).sort((a, b) => a.day.localeCompare(b.day));
    expect(rows.map((row) => measure(row.measures, "sentiment").score)).toEqual([100, null]);
  });

  it("recomputes every account in batches when none is named", async () => {
    const a = await createAccount();
    const b = await createAccount();
    const result = await recomputeHealth({ now: NOW, batchSize: 2 });
    expect(result.accounts).toBeGreaterThanOrEqual(2);
    expect(await snapshotsOf(a.id)).toHaveLength(1);
    expect(await snapshotsOf(b.id)).toHaveLength(1);
  });
});

describe("pulse and touches", () => {
  it("writes a pulse and a touch, rescoring the account at once", async () => {
    const account = await createAccount();
    const csm = actorOf(await createStaff("csm"));
    if (csm.kind !== "staff") throw new Error("staff expected");
    const now = new Date();
    expect(await setPulse(csm, account, { accountId: account.id, grade: "green", note: "Great QBR" }, now)).toEqual({
      ok: true,
    });
    const today = now.toISOString().slice(0, 10);
    expect(
      await logTouch(csm, account, { accountId: account.id, kind: "qbr", occurredOn: today, note: "" }, now),
    ).toEqual({
      ok: true,
    });
    const health = await getAccountHealth(account.id, { page: 1, now });
    expect(health.pulse).toMatchObject({ grade: "green", note: "Great QBR", fresh: true });
    expect(health.touches.rows.map((touch) => touch.kind)).toEqual(["qbr"]);
    expect(health.current?.overall).toBe(100);
    expect(health.current?.coverage).toEqual({ measures: 2, of: 6, weight: 30 });
  });

  it("refuses a pulse or touch for another account and a touch in the future, writing nothing", async () => {
    const account = await createAccount();
    const other = await createAccount();
    const csm = actorOf(await createStaff("csm"));
    if (csm.kind !== "staff") throw new Error("staff expected");
    expect(await setPulse(csm, account, { accountId: other.id, grade: "red", note: "" })).toEqual({
      ok: false,
      error: "unknown_account",
      field: "accountId",
    });
    expect(
      await logTouch(csm, account, { accountId: other.id, kind: "call", occurredOn: "2026-01-01", note: "" }),
    ).toMatchObject({
      ok: false,
      error: "unknown_account",
    });
    const tomorrow = new Date(Date.now() + 2 * DAY_MS).toISOString().slice(0, 10);
    expect(
      await logTouch(csm, account, { accountId: account.id, kind: "call", occurredOn: tomorrow, note: "" }),
    ).toEqual({
      ok: false,
      error: "future_date",
      field: "occurredOn",
    });
    const pulses = await db.select().from(healthPulses).where(eq(healthPulses.accountId, account.id));
    const touches = await db.select().from(healthTouches).where(eq(healthTouches.accountId, account.id));
    expect(pulses).toHaveLength(0);
    expect(touches).toHaveLength(0);
    expect(await waitingJobs(account.id)).toBe(0);
  });

  it("a task change asks for the account's recompute once while one is waiting", async () => {
    const account = await createAccount();
    const csm = await createStaff("csm");
    const plan = await createPlan(account.id);
    const milestone = await createMilestone(plan, { targetDate: "2027-03-01" });
    const task = await createTask(milestone, { side: "vendor" });
    const actor = actorOf(csm);
    expect(await updateTaskStatus(actor, account.id, task.id, { status: "in_progress", expectedVersion: 1 })).toEqual({
      ok: true,
    });
    expect(await updateTaskStatus(actor, account.id, task.id, { status: "done", expectedVersion: 2 })).toEqual({
      ok: true,
    });
    expect(await waitingJobs(account.id)).toBe(1);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(healthSnapshots)
      .where(and(eq(healthSnapshots.accountId, account.id)));
    expect(row!.n).toBe(0);
  });
});

describe("two recomputes at once", () => {
  it("record one grade change between them, not one each", async () => {
    const accountIds: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const account = await createAccount();
      await db.insert(healthPulses).values({
        id: newId(),
        accountId: account.id,
        authorId: (await createStaff("csm")).id,
        grade: "green",
        note: "",
        createdAt: new Date(NOW.getTime() - DAY_MS),
        expiresAt: new Date(NOW.getTime() + DAY_MS),
      });
      accountIds.push(account.id);
    }
    const results = await Promise.all([
      recomputeHealth({ accountIds, now: NOW }),
      recomputeHealth({ accountIds, now: NOW }),
      recomputeHealth({ accountIds, now: NOW }),
    ]);
    expect(results.reduce((sum, result) => sum + result.gradeChanges, 0)).toBe(5);
    for (const accountId of accountIds) {
      expect(await listEvents("health.grade_changed", { accountId })).toHaveLength(1);
    }
  });
});
