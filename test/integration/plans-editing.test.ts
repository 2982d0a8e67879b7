import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import {
  type Account,
  type Plan,
  type User,
  accounts,
  activity,
  comments,
  milestones,
  outcomes,
  plans,
  tasks,
} from "~db/schema";
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
import { addMilestone, deleteMilestone, updateMilestone } from "~/domain/plans/milestone-editing.server";
import { addOutcome, deleteOutcome, updateOutcome } from "~/domain/plans/outcome-editing.server";
import { makePlanCurrent, renamePlan } from "~/domain/plans/plan-editing.server";

let account: Account;
let other: Account;
let plan: Plan;
let otherPlan: Plan;
const people = {} as Record<
  "admin" | "csm" | "marketing" | "champion" | "member" | "outsider" | "otherMember" | "leaver",
  User
>;
const as = (person: keyof typeof people) => actorOf(people[person]);
const NOT_PLANNERS = ["marketing", "champion", "member"] as const;
const OUTSIDERS = ["outsider", "otherMember"] as const;

beforeAll(async () => {
  people.admin = await createStaff("admin");
  people.csm = await createStaff("csm", { name: "Casey CSM" });
  people.marketing = await createStaff("marketing");
  account = await createAccount({ csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion", { name: "Chris Champion" });
  people.member = await createCustomer(account.id, "member", { name: "Morgan Member" });
  people.leaver = await createCustomer(account.id, "member", { deactivatedAt: new Date() });
  people.outsider = await createCustomer(other.id, "champion");
  people.otherMember = await createCustomer(other.id, "member");
  plan = await createPlan(account.id, { startDate: "2026-01-05" });
  otherPlan = await createPlan(other.id, { startDate: "2026-01-05" });
});

const entriesOf = (subjectId: string) =>
  db.select().from(activity).where(eq(activity.subjectId, subjectId)).orderBy(asc(activity.createdAt));
const outcomeRow = async (id: string) => (await db.select().from(outcomes).where(eq(outcomes.id, id)))[0];
const milestoneRow = async (id: string) => (await db.select().from(milestones).where(eq(milestones.id, id)))[0];
const planRow = async (id: string) => (await db.select().from(plans).where(eq(plans.id, id)))[0]!;

describe("renamePlan", () => {
  it("renames for a planner, bumps the version and logs old → new", async () => {
    const own = await createPlan(account.id, { name: "Onboarding", isCurrent: false });
    expect(await renamePlan(as("csm"), account.id, own.id, { name: "  Onboarding 2026 ", expectedVersion: 1 })).toEqual(
      { ok: true },
    );
    expect(await planRow(own.id)).toMatchObject({ name: "Onboarding 2026", version: 2 });
    const [entry] = await entriesOf(own.id);
    expect(entry).toMatchObject({
      action: "plan.renamed",
      actorId: people.csm.id,
      accountId: account.id,
      details: { planId: own.id, from: "Onboarding", to: "Onboarding 2026" },
    });
  });

  it("refuses people who don't plan (403), another account (404), bad names (400) and a stale version (409), changing nothing", async () => {
    const own = await createPlan(account.id, { name: "Kept", isCurrent: false });
    for (const who of NOT_PLANNERS)
      expect(await renamePlan(as(who), account.id, own.id, { name: "X", expectedVersion: 1 })).toEqual({
        ok: false,
        error: "forbidden",
      });
    for (const who of OUTSIDERS)
      expect(await renamePlan(as(who), account.id, own.id, { name: "X", expectedVersion: 1 })).toEqual({
        ok: false,
        error: "not_found",
      });
    // Another account's plan through this account's URL doesn't exist.
    expect(await renamePlan(as("csm"), account.id, otherPlan.id, { name: "X", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await renamePlan(as("csm"), account.id, own.id, { name: "   ", expectedVersion: 1 })).toMatchObject({
      error: "invalid",
      fieldErrors: { name: "name.required" },
    });
    expect(
      await renamePlan(as("csm"), account.id, own.id, { name: "x".repeat(121), expectedVersion: 1 }),
    ).toMatchObject({ error: "invalid", fieldErrors: { name: "name.tooLong" } });
    expect(await renamePlan(as("csm"), account.id, own.id, { name: "Y", expectedVersion: 0 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await planRow(own.id)).toMatchObject({ name: "Kept", version: 1 });
    expect(await entriesOf(own.id)).toEqual([]);
  });
});

describe("makePlanCurrent", () => {
  it("switches the account's current plan in one go and logs it; the other account is untouched", async () => {
    const acct = await createAccount();
    const first = await createPlan(acct.id, { name: "Onboarding" });
    const second = await createPlan(acct.id, { name: "Expansion" });
    const elsewhere = await createPlan(other.id, { name: "Theirs", isCurrent: false });
    expect((await planRow(first.id)).isCurrent).toBe(false);

    expect(await makePlanCurrent(as("admin"), acct.id, first.id)).toEqual({ ok: true });
    expect(await planRow(first.id)).toMatchObject({ isCurrent: true });
    expect(await planRow(second.id)).toMatchObject({ isCurrent: false });
    const [entry] = await entriesOf(first.id);
    expect(entry).toMatchObject({
      action: "plan.made_current",
      details: { planId: first.id, from: second.id, fromName: "Expansion", to: first.id },
    });
    // Already current: nothing to do, nothing logged.
    expect(await makePlanCurrent(as("admin"), acct.id, first.id)).toEqual({ ok: true });
    expect(await entriesOf(first.id)).toHaveLength(1);

    expect(await makePlanCurrent(as("csm"), acct.id, elsewhere.id)).toEqual({ ok: false, error: "not_found" });
    expect((await planRow(elsewhere.id)).isCurrent).toBe(false);
    expect(await makePlanCurrent(as("champion"), account.id, plan.id)).toEqual({ ok: false, error: "forbidden" });
  });

  it("two switches at once leave exactly one current plan", async () => {
    const acct = await createAccount();
    const a = await createPlan(acct.id);
    const b = await createPlan(acct.id);
    const c = await createPlan(acct.id);
    const results = await whileHeld(
      (tx) => tx.select().from(accounts).where(eq(accounts.id, acct.id)).for("update"),
      2,
      () => Promise.all([makePlanCurrent(as("csm"), acct.id, a.id), makePlanCurrent(as("admin"), acct.id, b.id)]),
    );
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const current = await db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.accountId, acct.id), eq(plans.isCurrent, true)));
    expect(current).toHaveLength(1);
    expect([a.id, b.id]).toContain(current[0]!.id);
    expect(c.id).not.toBe(current[0]!.id);
  });
});

describe("outcomes", () => {
  it("a planner adds, edits and deletes an outcome; each step is logged with old → new", async () => {
    const added = await addOutcome(as("csm"), account.id, plan.id, {
      title: "Weekly reporting in 5 minutes",
      why: "The ops team loses a day a week",
      successCriteria: "Median report time under 5 minutes",
      ownerId: people.champion.id,
      targetDate: "2026-04-01",
    });
    expect(added).toMatchObject({ ok: true });
    const id = (added as { id: string }).id;
    expect(await outcomeRow(id)).toMatchObject({
      planId: plan.id,
      accountId: account.id,
      ownerId: people.champion.id,
      targetDate: "2026-04-01",
      version: 1,
    });

    expect(
      await updateOutcome(as("admin"), account.id, id, {
        title: "Weekly reporting in 5 minutes",
        ownerId: people.csm.id,
        targetDate: "2026-05-01",
        expectedVersion: 1,
      }),
    ).toEqual({ ok: true });
    expect(await outcomeRow(id)).toMatchObject({
      ownerId: people.csm.id,
      targetDate: "2026-05-01",
      why: "",
      version: 2,
    });

    const milestone = await createMilestone(plan, { outcomeId: id });
    expect(await deleteOutcome(as("csm"), account.id, id, { expectedVersion: 2 })).toEqual({ ok: true });
    expect(await outcomeRow(id)).toBeUndefined();
    expect((await milestoneRow(milestone.id))!.outcomeId).toBeNull();

    const entries = await entriesOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(["outcome.created", "outcome.updated", "outcome.deleted"]);
    expect(entries[1]!.details).toMatchObject({
      planId: plan.id,
      changes: {
        ownerId: { from: people.champion.id, to: people.csm.id },
        targetDate: { from: "2026-04-01", to: "2026-05-01" },
        why: { from: "The ops team loses a day a week", to: "" },
      },
      ownerName: { from: "Chris Champion", to: "Casey CSM" },
    });
    expect(entries[2]!.details).toMatchObject({ planId: plan.id, unlinkedMilestones: 1 });
  });

  it("refuses bad titles, dates and owners next to the field, writing nothing", async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ title: "" }, { title: "title.required" }],
      [{ title: "x".repeat(201) }, { title: "title.tooLong" }],
      [{ title: "T", targetDate: "next spring" }, { targetDate: "date.invalid" }],
      [{ title: "T", targetDate: "2026-02-30" }, { targetDate: "date.invalid" }],
      [{ title: "T", targetDate: "2025-12-31" }, { targetDate: "date.beforeStart" }],
      [{ title: "T", ownerId: people.outsider.id }, { ownerId: "owner.invalid" }],
      [{ title: "T", ownerId: people.marketing.id }, { ownerId: "owner.invalid" }],
      [{ title: "T", ownerId: people.leaver.id }, { ownerId: "owner.invalid" }],
      [{ title: "T", ownerId: "nosuchpersonaaaa" }, { ownerId: "owner.invalid" }],
    ];
    const before = await db.select().from(outcomes).where(eq(outcomes.planId, plan.id));
    for (const [input, fieldErrors] of cases) {
      expect(await addOutcome(as("csm"), account.id, plan.id, input as { title: string })).toEqual({
        ok: false,
        error: "invalid",
        fieldErrors,
      });
    }
    expect(await db.select().from(outcomes).where(eq(outcomes.planId, plan.id))).toEqual(before);

    const outcome = await createOutcome(plan, { title: "Stays" });
    expect(
      await updateOutcome(as("csm"), account.id, outcome.id, {
        title: "",
        targetDate: "2025-01-01",
        expectedVersion: 1,
      }),
    ).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { title: "title.required" },
    });
    expect(
      await updateOutcome(as("csm"), account.id, outcome.id, {
        title: "New",
        targetDate: "2025-01-01",
        expectedVersion: 1,
      }),
    ).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { targetDate: "date.beforeStart" },
    });
    expect(await outcomeRow(outcome.id)).toMatchObject({ title: "Stays", version: 1 });
    expect(await entriesOf(outcome.id)).toEqual([]);
  });

  it("refuses non-planners (403), other accounts' ids and people (404) and stale versions (409)", async () => {
    const outcome = await createOutcome(plan, { title: "Mine" });
    const theirs = await createOutcome(otherPlan, { title: "Theirs" });
    for (const who of NOT_PLANNERS) {
      expect(await addOutcome(as(who), account.id, plan.id, { title: "X" })).toEqual({ ok: false, error: "forbidden" });
      expect(await updateOutcome(as(who), account.id, outcome.id, { title: "X", expectedVersion: 1 })).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await deleteOutcome(as(who), account.id, outcome.id, { expectedVersion: 1 })).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    for (const who of OUTSIDERS) {
      expect(await addOutcome(as(who), account.id, plan.id, { title: "X" })).toEqual({ ok: false, error: "not_found" });
      expect(await updateOutcome(as(who), account.id, outcome.id, { title: "X", expectedVersion: 1 })).toEqual({
        ok: false,
        error: "not_found",
      });
    }
    expect(await addOutcome(as("csm"), account.id, otherPlan.id, { title: "X" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await updateOutcome(as("csm"), account.id, theirs.id, { title: "X", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await deleteOutcome(as("csm"), account.id, theirs.id, { expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });

    expect(await updateOutcome(as("csm"), account.id, outcome.id, { title: "First", expectedVersion: 1 })).toEqual({
      ok: true,
    });
    expect(await updateOutcome(as("admin"), account.id, outcome.id, { title: "Second", expectedVersion: 1 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await deleteOutcome(as("admin"), account.id, outcome.id, { expectedVersion: 1 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await outcomeRow(outcome.id)).toMatchObject({ title: "First", version: 2 });
    expect(await outcomeRow(theirs.id)).toMatchObject({ title: "Theirs", version: 1 });
    expect(await entriesOf(outcome.id)).toHaveLength(1);
  });
});

describe("milestones", () => {
  it("a planner adds and edits a milestone; the joint sign-off is untouched and the change is logged", async () => {
    const outcome = await createOutcome(plan, { title: "Faster reporting" });
    const added = await addMilestone(as("csm"), account.id, plan.id, {
      title: "Pilot team live",
      description: "Ten people",
      targetDate: "2026-02-15",
      outcomeId: outcome.id,
    });
    expect(added).toMatchObject({ ok: true });
    const id = (added as { id: string }).id;
    const signedAt = new Date("2026-02-10T10:00:00Z");
    await db
      .update(milestones)
      .set({ vendorSignedById: people.csm.id, vendorSignedAt: signedAt, version: 2 })
      .where(eq(milestones.id, id));

    expect(
      await updateMilestone(as("admin"), account.id, id, {
        title: "Pilot team live",
        description: "",
        targetDate: "2026-02-20",
        outcomeId: "",
        expectedVersion: 2,
      }),
    ).toEqual({ ok: true });
    expect(await milestoneRow(id)).toMatchObject({
      targetDate: "2026-02-20",
      outcomeId: null,
      description: "",
      vendorSignedById: people.csm.id,
      vendorSignedAt: signedAt,
      customerSignedAt: null,
      version: 3,
    });
    const entries = await entriesOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(["milestone.created", "milestone.updated"]);
    expect(entries[1]!.details).toEqual({
      planId: plan.id,
      title: "Pilot team live",
      changes: {
        description: { from: "Ten people", to: "" },
        targetDate: { from: "2026-02-15", to: "2026-02-20" },
        outcomeId: { from: outcome.id, to: null },
      },
    });
  });

  it("refuses bad input next to the field: empty or long titles, missing, invalid or early dates, another plan's outcome", async () => {
    const otherOutcome = await createOutcome(otherPlan);
    const olderPlan = await createPlan(account.id, { isCurrent: false });
    const olderOutcome = await createOutcome(olderPlan);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ title: " ", targetDate: "2026-03-01" }, { title: "title.required" }],
      [{ title: "x".repeat(201), targetDate: "2026-03-01" }, { title: "title.tooLong" }],
      [{ title: "M" }, { targetDate: "date.required" }],
      [{ title: "M", targetDate: "03/01/2026" }, { targetDate: "date.invalid" }],
      [{ title: "M", targetDate: "2026-01-04" }, { targetDate: "date.beforeStart" }],
      [{ title: "M", targetDate: "2026-03-01", outcomeId: otherOutcome.id }, { outcomeId: "outcome.invalid" }],
      [{ title: "M", targetDate: "2026-03-01", outcomeId: olderOutcome.id }, { outcomeId: "outcome.invalid" }],
    ];
    const before = await db.select().from(milestones).where(eq(milestones.planId, plan.id));
    for (const [input, fieldErrors] of cases) {
      expect(
        await addMilestone(as("csm"), account.id, plan.id, input as { title: string; targetDate: string }),
      ).toEqual({ ok: false, error: "invalid", fieldErrors });
    }
    expect(await db.select().from(milestones).where(eq(milestones.planId, plan.id))).toEqual(before);

    const milestone = await createMilestone(plan, { title: "Stays", targetDate: "2026-03-01" });
    expect(
      await updateMilestone(as("csm"), account.id, milestone.id, {
        title: "Moved",
        targetDate: "2025-12-01",
        expectedVersion: 1,
      }),
    ).toMatchObject({
      error: "invalid",
      fieldErrors: { targetDate: "date.beforeStart" },
    });
    expect(await milestoneRow(milestone.id)).toMatchObject({ title: "Stays", targetDate: "2026-03-01", version: 1 });
  });

  it("refuses non-planners (403), other accounts (404) and stale versions (409)", async () => {
    const milestone = await createMilestone(plan, { title: "Mine" });
    const theirs = await createMilestone(otherPlan, { title: "Theirs" });
    const input = { title: "X", targetDate: "2026-03-01" };
    for (const who of NOT_PLANNERS) {
      expect(await addMilestone(as(who), account.id, plan.id, input)).toEqual({ ok: false, error: "forbidden" });
      expect(await updateMilestone(as(who), account.id, milestone.id, { ...input, expectedVersion: 1 })).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await deleteMilestone(as(who), account.id, milestone.id, { expectedVersion: 1, taskCount: 0 })).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    for (const who of OUTSIDERS)
      expect(await updateMilestone(as(who), account.id, milestone.id, { ...input, expectedVersion: 1 })).toEqual({
        ok: false,
        error: "not_found",
      });
    expect(await addMilestone(as("csm"), account.id, otherPlan.id, input)).toEqual({ ok: false, error: "not_found" });
    expect(await updateMilestone(as("csm"), account.id, theirs.id, { ...input, expectedVersion: 1 })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await deleteMilestone(as("csm"), account.id, theirs.id, { expectedVersion: 1, taskCount: 0 })).toEqual({
      ok: false,
      error: "not_found",
    });

    expect(
      await updateMilestone(as("csm"), account.id, milestone.id, { ...input, title: "First", expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect(
      await updateMilestone(as("admin"), account.id, milestone.id, { ...input, title: "Second", expectedVersion: 1 }),
    ).toEqual({ ok: false, error: "stale" });
    expect(await deleteMilestone(as("admin"), account.id, milestone.id, { expectedVersion: 1, taskCount: 0 })).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await milestoneRow(milestone.id)).toMatchObject({ title: "First", version: 2 });
    expect(await milestoneRow(theirs.id)).toMatchObject({ title: "Theirs", version: 1 });
  });

  it("deletes a milestone with its tasks and their comments only when the task count is confirmed", async () => {
    const milestone = await createMilestone(plan, { title: "Going away" });
    const keep = await createMilestone(plan, { title: "Staying" });
    const a = await createTask(milestone);
    await createTask(milestone, { side: "vendor", internal: true });
    const kept = await createTask(keep);
    await db.insert(comments).values([
      {
        id: "commentaaaaaaaa1",
        accountId: account.id,
        planId: plan.id,
        subjectType: "task",
        subjectId: a.id,
        authorId: people.csm.id,
        body: "on a",
      },
      {
        id: "commentaaaaaaaa2",
        accountId: account.id,
        planId: plan.id,
        subjectType: "milestone",
        subjectId: milestone.id,
        authorId: people.csm.id,
        body: "on m",
      },
      {
        id: "commentaaaaaaaa3",
        accountId: account.id,
        planId: plan.id,
        subjectType: "task",
        subjectId: kept.id,
        authorId: people.csm.id,
        body: "kept",
      },
    ]);

    // Asked about one task, but it has two: asked again, nothing deleted.
    expect(await deleteMilestone(as("csm"), account.id, milestone.id, { expectedVersion: 1, taskCount: 0 })).toEqual({
      ok: false,
      error: "has_tasks",
    });
    expect(await deleteMilestone(as("csm"), account.id, milestone.id, { expectedVersion: 1, taskCount: 1 })).toEqual({
      ok: false,
      error: "has_tasks",
    });
    expect(await milestoneRow(milestone.id)).toBeDefined();

    expect(await deleteMilestone(as("csm"), account.id, milestone.id, { expectedVersion: 1, taskCount: 2 })).toEqual({
      ok: true,
    });
    expect(await milestoneRow(milestone.id)).toBeUndefined();
    expect(await db.select().from(tasks).where(eq(tasks.milestoneId, milestone.id))).toEqual([]);
    expect(
      (await db.select().from(comments).where(eq(comments.planId, plan.id))).map((comment) => comment.body),
    ).toEqual(["kept"]);
    expect(await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, kept.id))).toHaveLength(1);
    const [entry] = await entriesOf(milestone.id);
    expect(entry).toMatchObject({
      action: "milestone.deleted",
      details: { planId: plan.id, title: "Going away", taskCount: 1, internalTaskCount: 1 },
    });
  });
});
