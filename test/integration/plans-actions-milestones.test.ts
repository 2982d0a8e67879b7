import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type Milestone, type Plan, type User, accounts, activity, events, milestones } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createOutcome,
  createPlan,
  createStaff,
  createTask,
  whileHeld,
} from "~db/seed/factories";
import { listEvents } from "~/domain/events/record.server";
import { signOffMilestone, withdrawSignOff } from "~/domain/plans/milestone-actions.server";
import { datePlusDays } from "~/domain/plans/template-dates";
import { todayIn } from "~/lib/format";

let account: Account;
let other: Account;
let plan: Plan;
let today: string;
const people = {} as Record<"admin" | "csm" | "marketing" | "champion" | "coChampion" | "member" | "outsider", User>;
const as = (person: keyof typeof people) => actorOf(people[person]);

beforeAll(async () => {
  people.admin = await createStaff("admin");
  people.csm = await createStaff("csm");
  people.marketing = await createStaff("marketing");
  // Far east of UTC: the account's calendar date is often not the server's.
  account = await createAccount({ timeZone: "Pacific/Kiritimati", csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion");
  people.coChampion = await createCustomer(account.id, "champion");
  people.member = await createCustomer(account.id, "member");
  people.outsider = await createCustomer(other.id, "champion");
  today = todayIn(account.timeZone);
  plan = await createPlan(account.id);
  // An achieved milestone keeps this plan from completing while the tests sign others off.
  await createMilestone(plan, { customerSignedAt: new Date(), vendorSignedAt: new Date() });
  await createMilestone(plan, { title: "Never signed" });
});

async function reload(milestone: Milestone) {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, milestone.id));
  return row!;
}

async function activityOf(subjectId: string, action?: string) {
  return db
    .select()
    .from(activity)
    .where(and(eq(activity.subjectId, subjectId), action ? eq(activity.action, action) : undefined))
    .orderBy(asc(activity.createdAt));
}

async function eventsAbout(subjectId: string) {
  return db.select().from(events).where(eq(events.subjectId, subjectId));
}

describe("signOffMilestone", () => {
  it("achieves a milestone when the CSM signs and then the champion confirms, with event and activity", async () => {
    const outcome = await createOutcome(plan, { title: "One source of truth for regional sales" });
    const milestone = await createMilestone(plan, {
      title: "Data connected",
      outcomeId: outcome.id,
      targetDate: datePlusDays(today, 3),
    });
    expect(await signOffMilestone(as("csm"), account.id, milestone.id, {})).toEqual({ ok: true, achieved: false });
    expect(await eventsAbout(milestone.id)).toEqual([]);
    expect(
      await signOffMilestone(as("champion"), account.id, milestone.id, { rating: 4, ratingComment: "  Smooth  " }),
    ).toEqual({
      ok: true,
      achieved: true,
    });

    const row = await reload(milestone);
    expect(row).toMatchObject({
      vendorSignedById: people.csm.id,
      customerSignedById: people.champion.id,
      rating: 4,
      ratingComment: "Smooth",
      version: 3,
    });
    expect(row.vendorSignedAt!.getTime()).toBeLessThanOrEqual(row.customerSignedAt!.getTime());

    const achieved = await listEvents("milestone.achieved", { accountId: account.id });
    const payload = {
      milestoneId: milestone.id,
      planId: plan.id,
      title: "Data connected",
      targetDate: datePlusDays(today, 3),
      achievedOn: today,
      daysEarly: 3,
      outcomeTitle: "One source of truth for regional sales",
    };
    expect(achieved.filter((event) => event.subjectId === milestone.id)).toEqual([
      expect.objectContaining({ type: "milestone.achieved", actorId: people.champion.id, payload }),
    ]);

    const entries = await activityOf(milestone.id);
    expect(entries.find((entry) => entry.action === "milestone.achieved")!.details).toEqual({
      ...payload,
      from: "open",
      to: "achieved",
    });
    expect(
      entries.filter((entry) => entry.action === "milestone.signed_off").map((entry) => [entry.actorId, entry.details]),
    ).toEqual([
      [people.csm.id, { planId: plan.id, title: "Data connected", side: "vendor", from: null, to: people.csm.id }],
      [
        people.champion.id,
        {
          planId: plan.id,
          title: "Data connected",
          side: "customer",
          from: null,
          to: people.champion.id,
          rating: 4,
          ratingComment: "Smooth",
        },
      ],
    ]);
  });

  it("achieves it the other way round too, late, and counts the days late in the account's calendar", async () => {
    const milestone = await createMilestone(plan, { targetDate: datePlusDays(today, -2) });
    expect(
      await signOffMilestone(as("champion"), account.id, milestone.id, { rating: null, ratingComment: "" }),
    ).toEqual({ ok: true, achieved: false });
    expect(await signOffMilestone(as("admin"), account.id, milestone.id, {})).toEqual({ ok: true, achieved: true });
    expect(await reload(milestone)).toMatchObject({
      customerSignedById: people.champion.id,
      vendorSignedById: people.admin.id,
      rating: null,
    });
    const [event] = await eventsAbout(milestone.id);
    expect(event).toMatchObject({
      type: "milestone.achieved",
      actorId: people.admin.id,
      payload: { achievedOn: today, daysEarly: -2 },
    });
    expect(await activityOf(milestone.id, "milestone.achieved")).toHaveLength(1);
  });

  it("lets only the champion rate, 1–5 in whole stars with a comment of at most 1,000 characters", async () => {
    const milestone = await createMilestone(plan);
    const refused = [
      [as("champion"), { rating: 0 }],
      [as("champion"), { rating: 6 }],
      [as("champion"), { rating: 2.5 }],
      [as("champion"), { rating: Number.NaN }],
      [as("champion"), { rating: 3, ratingComment: "x".repeat(1001) }],
      [as("champion"), { ratingComment: "A comment without a rating" }],
      [as("csm"), { rating: 5 }],
      [as("csm"), { ratingComment: "Vendors don't rate" }],
    ] as const;
    for (const [actor, input] of refused) {
      expect(await signOffMilestone(actor, account.id, milestone.id, input)).toEqual({
        ok: false,
        error: "invalid_rating",
      });
    }
    expect(await reload(milestone)).toMatchObject({
      vendorSignedAt: null,
      customerSignedAt: null,
      rating: null,
      version: 1,
    });
    expect(await activityOf(milestone.id)).toEqual([]);

    expect(
      await signOffMilestone(as("champion"), account.id, milestone.id, { rating: 1, ratingComment: "y".repeat(1000) }),
    ).toEqual({
      ok: true,
      achieved: false,
    });
    expect(await reload(milestone)).toMatchObject({ rating: 1, ratingComment: "y".repeat(1000) });
  });

  it("refuses people who may not sign: a member, marketing; another account's milestone is not_found", async () => {
    const milestone = await createMilestone(plan);
    const foreign = await createMilestone(await createPlan(other.id));
    expect(await signOffMilestone(as("member"), account.id, milestone.id, {})).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await signOffMilestone(as("member"), account.id, milestone.id, { rating: 5 })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await signOffMilestone(as("marketing"), account.id, milestone.id, {})).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await signOffMilestone(as("outsider"), account.id, milestone.id, {})).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await signOffMilestone(as("outsider"), other.id, milestone.id, {})).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await signOffMilestone(as("csm"), account.id, foreign.id, {})).toEqual({ ok: false, error: "not_found" });
    expect(await signOffMilestone(as("champion"), account.id, foreign.id, {})).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await reload(milestone)).toMatchObject({ vendorSignedAt: null, customerSignedAt: null });
    expect(await reload(foreign)).toMatchObject({ vendorSignedAt: null, customerSignedAt: null });
  });

  it("answers already_signed when the actor's side has signed, by them or a colleague, and once achieved", async () => {
    const milestone = await createMilestone(plan);
    expect(await signOffMilestone(as("csm"), account.id, milestone.id, {})).toEqual({ ok: true, achieved: false });
    const signed = await reload(milestone);
    expect(await signOffMilestone(as("csm"), account.id, milestone.id, {})).toEqual({
      ok: false,
      error: "already_signed",
    });
    expect(await signOffMilestone(as("admin"), account.id, milestone.id, {})).toEqual({
      ok: false,
      error: "already_signed",
    });
    expect(await reload(milestone)).toMatchObject({
      vendorSignedById: people.csm.id,
      vendorSignedAt: signed.vendorSignedAt,
      version: 2,
    });

    expect(await signOffMilestone(as("champion"), account.id, milestone.id, { rating: 5 })).toEqual({
      ok: true,
      achieved: true,
    });
    expect(await signOffMilestone(as("coChampion"), account.id, milestone.id, { rating: 1 })).toEqual({
      ok: false,
      error: "already_signed",
    });
    expect((await reload(milestone)).rating).toBe(5);
    expect(await eventsAbout(milestone.id)).toHaveLength(1);
  });

  it("achieves exactly once when both sides sign at the same moment", async () => {
    const milestone = await createMilestone(plan);
    const results = await whileHeld(
      (tx) => tx.select().from(milestones).where(eq(milestones.id, milestone.id)).for("update"),
      2,
      () =>
        Promise.all([
          signOffMilestone(as("csm"), account.id, milestone.id, {}),
          signOffMilestone(as("champion"), account.id, milestone.id, {}),
        ]),
    );
    expect(results.filter((result) => result.ok && result.achieved)).toHaveLength(1);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await eventsAbout(milestone.id)).toHaveLength(1);
  });
});

describe("signing off with open tasks", () => {
  it("refuses without a reason, changing nothing, and says open_tasks", async () => {
    const milestone = await createMilestone(plan, { title: "Half done" });
    await createTask(milestone, { status: "done" });
    await createTask(milestone, { status: "in_progress" });
    for (const person of ["csm", "champion"] as const) {
      expect(await signOffMilestone(as(person), account.id, milestone.id, {})).toEqual({
        ok: false,
        error: "open_tasks",
      });
      expect(await signOffMilestone(as(person), account.id, milestone.id, { openTasksReason: "   " })).toEqual({
        ok: false,
        error: "open_tasks",
      });
    }
    const longReason = "x".repeat(501);
    expect(await signOffMilestone(as("csm"), account.id, milestone.id, { openTasksReason: longReason })).toEqual({
      ok: false,
      error: "open_tasks",
    });
    expect(await reload(milestone)).toMatchObject({ vendorSignedAt: null, customerSignedAt: null });
    expect(await activityOf(milestone.id)).toEqual([]);
  });

  it("signs off anyway with a reason kept in the activity; the achievement carries the open count", async () => {
    const milestone = await createMilestone(plan, { title: "Waved through" });
    await createTask(milestone, { status: "todo" });
    await createTask(milestone, { status: "blocked", blockedReason: "Waiting on IT" });
    expect(
      await signOffMilestone(as("csm"), account.id, milestone.id, { openTasksReason: " Go-live can't wait " }),
    ).toEqual({ ok: true, achieved: false });
    expect(
      await signOffMilestone(as("champion"), account.id, milestone.id, { openTasksReason: "Agreed on the call" }),
    ).toEqual({ ok: true, achieved: true });

    const signed = (await activityOf(milestone.id, "milestone.signed_off")).map((entry) => entry.details);
    expect(signed).toEqual([
      expect.objectContaining({ side: "vendor", openTasks: 2, openTasksReason: "Go-live can't wait" }),
      expect.objectContaining({ side: "customer", openTasks: 2, openTasksReason: "Agreed on the call" }),
    ]);
    const [achieved] = await eventsAbout(milestone.id);
    expect(achieved).toMatchObject({ type: "milestone.achieved", payload: expect.objectContaining({ openTasks: 2 }) });
  });

  it("counts only the tasks a champion can see: the vendor's internal ones need no reason from them", async () => {
    const milestone = await createMilestone(plan, { title: "Internal work left" });
    await createTask(milestone, { side: "vendor", internal: true, status: "todo" });
    expect(await signOffMilestone(as("champion"), account.id, milestone.id, {})).toEqual({
      ok: true,
      achieved: false,
    });
    expect(await signOffMilestone(as("csm"), account.id, milestone.id, {})).toEqual({ ok: false, error: "open_tasks" });
  });

  it("needs no reason once every task is done, and records no open count", async () => {
    const milestone = await createMilestone(plan, { title: "All done" });
    await createTask(milestone, { status: "done" });
    await signOffMilestone(as("csm"), account.id, milestone.id, {});
    expect(await signOffMilestone(as("champion"), account.id, milestone.id, {})).toEqual({
      ok: true,
      achieved: true,
    });
    const [achieved] = await eventsAbout(milestone.id);
    expect(achieved?.payload).not.toHaveProperty("openTasks");
  });
});

describe("plan completion", () => {
  it("records plan.completed (event and activity) when the plan's last milestone is achieved, not before", async () => {
    const own = await createPlan(account.id, { isCurrent: false });
    const first = await createMilestone(own);
    const last = await createMilestone(own);
    await signOffMilestone(as("csm"), account.id, first.id, {});
    await signOffMilestone(as("champion"), account.id, first.id, {});
    await signOffMilestone(as("champion"), account.id, last.id, {});
    expect(await eventsAbout(own.id)).toEqual([]);

    expect(await signOffMilestone(as("csm"), account.id, last.id, {})).toEqual({ ok: true, achieved: true });
    expect(await eventsAbout(own.id)).toEqual([
      expect.objectContaining({
        type: "plan.completed",
        accountId: account.id,
        actorId: people.csm.id,
        payload: { planId: own.id },
      }),
    ]);
    expect((await activityOf(own.id, "plan.completed")).map((entry) => entry.details)).toEqual([
      { planId: own.id, from: "open", to: "completed" },
    ]);
  });

  it("completes the plan once when its last two milestones are achieved at the same moment", async () => {
    const own = await createPlan(account.id, { isCurrent: false });
    const [first, second] = [await createMilestone(own), await createMilestone(own)];
    await signOffMilestone(as("csm"), account.id, first.id, {});
    await signOffMilestone(as("csm"), account.id, second.id, {});
    // Holding the account row stops both at their first write that references it (the activity
    // entry), after each has signed its own milestone: they go on together from there.
    const results = await whileHeld(
      (tx) => tx.select().from(accounts).where(eq(accounts.id, account.id)).for("update"),
      2,
      () =>
        Promise.all([
          signOffMilestone(as("champion"), account.id, first.id, {}),
          signOffMilestone(as("coChampion"), account.id, second.id, {}),
        ]),
    );
    expect(results).toEqual([
      { ok: true, achieved: true },
      { ok: true, achieved: true },
    ]);
    expect(await eventsAbout(own.id)).toHaveLength(1);
  });

  it("marks a plan completed with open tasks as such, so no ask follows", async () => {
    const own = await createPlan(account.id, { isCurrent: false });
    const only = await createMilestone(own);
    await createTask(only, { status: "todo" });
    await signOffMilestone(as("csm"), account.id, only.id, { openTasksReason: "Closing the plan" });
    await signOffMilestone(as("champion"), account.id, only.id, { openTasksReason: "Closing the plan" });
    expect(await eventsAbout(own.id)).toEqual([
      expect.objectContaining({ type: "plan.completed", payload: { planId: own.id, openTasks: 1 } }),
    ]);
  });

  it("leaves a plan with an open milestone incomplete", async () => {
    const milestone = await createMilestone(plan);
    await signOffMilestone(as("csm"), account.id, milestone.id, {});
    await signOffMilestone(as("champion"), account.id, milestone.id, {});
    expect(await listEvents("plan.completed", { accountId: account.id })).not.toContainEqual(
      expect.objectContaining({ subjectId: plan.id }),
    );
  });
});

describe("withdrawSignOff", () => {
  it("lets the vendor side withdraw its sign-off before the customer confirms, logged from/to", async () => {
    const milestone = await createMilestone(plan);
    await signOffMilestone(as("csm"), account.id, milestone.id, {});
    expect(await withdrawSignOff(as("csm"), account.id, milestone.id)).toEqual({ ok: true });
    expect(await reload(milestone)).toMatchObject({ vendorSignedById: null, vendorSignedAt: null, version: 3 });
    const [entry] = await activityOf(milestone.id, "milestone.sign_off_withdrawn");
    expect(entry).toMatchObject({
      actorId: people.csm.id,
      details: { planId: plan.id, side: "vendor", from: people.csm.id, to: null },
    });
    // It can be signed again afterwards.
    expect(await signOffMilestone(as("admin"), account.id, milestone.id, {})).toEqual({ ok: true, achieved: false });
  });

  it("takes the champion's rating away with the customer's sign-off and leaves the vendor's alone", async () => {
    const milestone = await createMilestone(plan);
    await signOffMilestone(as("csm"), account.id, milestone.id, {});
    const otherMilestone = await createMilestone(plan);
    await signOffMilestone(as("champion"), account.id, otherMilestone.id, { rating: 2, ratingComment: "Slow" });
    expect(await withdrawSignOff(as("champion"), account.id, otherMilestone.id)).toEqual({ ok: true });
    expect(await reload(otherMilestone)).toMatchObject({
      customerSignedAt: null,
      customerSignedById: null,
      rating: null,
      ratingComment: null,
    });

    // The champion's side hasn't signed `milestone`: nothing to withdraw, and the CSM's sign-off stays.
    expect(await withdrawSignOff(as("champion"), account.id, milestone.id)).toEqual({ ok: true });
    expect(await reload(milestone)).toMatchObject({ vendorSignedById: people.csm.id, version: 2 });
    expect(await activityOf(milestone.id, "milestone.sign_off_withdrawn")).toEqual([]);
  });

  it("refuses once the milestone is achieved, and to people who may not sign; another account's is not_found", async () => {
    const milestone = await createMilestone(plan);
    await signOffMilestone(as("csm"), account.id, milestone.id, {});
    expect(await withdrawSignOff(as("member"), account.id, milestone.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await withdrawSignOff(as("marketing"), account.id, milestone.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await withdrawSignOff(as("outsider"), account.id, milestone.id)).toEqual({ ok: false, error: "not_found" });
    expect(await withdrawSignOff(as("csm"), other.id, milestone.id)).toEqual({ ok: false, error: "not_found" });
    expect((await reload(milestone)).vendorSignedById).toBe(people.csm.id);

    await signOffMilestone(as("champion"), account.id, milestone.id, {});
    expect(await withdrawSignOff(as("csm"), account.id, milestone.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await withdrawSignOff(as("champion"), account.id, milestone.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await reload(milestone)).toMatchObject({
      vendorSignedById: people.csm.id,
      customerSignedById: people.champion.id,
    });
  });
});
