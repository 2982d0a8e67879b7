import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type Milestone, type Plan, type Task, type User, activity, comments } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
} from "~db/seed/factories";
import { addComment, listPlanComments } from "~/domain/plans/comments.server";
import { newId } from "~/lib/ids.server";

let account: Account;
let other: Account;
let plan: Plan;
let otherPlan: Plan;
let milestone: Milestone;
let customerTask: Task;
let internalTask: Task;
let otherMilestone: Milestone;
let otherTask: Task;
const people = {} as Record<"csm" | "marketing" | "champion" | "member" | "outsider", User>;
const as = (person: keyof typeof people) => actorOf(people[person]);

beforeAll(async () => {
  people.csm = await createStaff("csm", { name: "Casey CSM" });
  people.marketing = await createStaff("marketing");
  account = await createAccount({ csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion", { name: "Chris Champion" });
  people.member = await createCustomer(account.id, "member");
  people.outsider = await createCustomer(other.id, "champion");
  plan = await createPlan(account.id);
  milestone = await createMilestone(plan);
  customerTask = await createTask(milestone);
  internalTask = await createTask(milestone, { side: "vendor", internal: true });
  otherPlan = await createPlan(other.id);
  otherMilestone = await createMilestone(otherPlan);
  otherTask = await createTask(otherMilestone);
});

async function commentIds(person: keyof typeof people, planId = plan.id, accountId = account.id) {
  return (await listPlanComments(as(person), accountId, planId)).map((comment) => comment.id);
}

async function commentCount() {
  return (await db.select({ id: comments.id }).from(comments)).length;
}

describe("addComment and listPlanComments", () => {
  it("stores a trimmed comment on a milestone or task, logs it, and lists it oldest first with author and side", async () => {
    const first = await addComment(as("champion"), account.id, {
      subjectType: "milestone",
      subjectId: milestone.id,
      body: "  Kickoff went well  ",
      internal: false,
    });
    const second = await addComment(as("csm"), account.id, {
      subjectType: "task",
      subjectId: customerTask.id,
      body: "I'll send the guide",
      internal: false,
    });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;

    const listed = await listPlanComments(as("member"), account.id, plan.id);
    expect(listed.filter((comment) => [first.id, second.id].includes(comment.id))).toEqual([
      {
        id: first.id,
        subjectType: "milestone",
        subjectId: milestone.id,
        authorName: "Chris Champion",
        authorSide: "customer",
        body: "Kickoff went well",
        internal: false,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      expect.objectContaining({
        id: second.id,
        subjectType: "task",
        subjectId: customerTask.id,
        authorName: "Casey CSM",
        authorSide: "vendor",
      }),
    ]);

    const [entry] = await db.select().from(activity).where(eq(activity.subjectId, milestone.id));
    expect(entry).toMatchObject({
      accountId: account.id,
      actorId: people.champion.id,
      action: "comment.added",
      subjectType: "milestone",
      details: { planId: plan.id, commentId: first.id, from: null, to: first.id },
    });
  });

  it("keeps internal comments, and comments on internal tasks, from customers", async () => {
    const internal = await addComment(as("csm"), account.id, {
      subjectType: "milestone",
      subjectId: milestone.id,
      body: "Renewal risk",
      internal: true,
    });
    // Not marked internal, but on an internal task: stored as internal.
    const onInternalTask = await addComment(as("csm"), account.id, {
      subjectType: "task",
      subjectId: internalTask.id,
      body: "Prep notes",
      internal: false,
    });
    const visible = await addComment(as("csm"), account.id, {
      subjectType: "milestone",
      subjectId: milestone.id,
      body: "See you Monday",
      internal: false,
    });
    if (!internal.ok || !onInternalTask.ok || !visible.ok) throw new Error("comment refused");
    const [stored] = await db.select().from(comments).where(eq(comments.id, onInternalTask.id));
    expect(stored!.internal).toBe(true);

    // A comment on an internal task that somehow isn't marked internal (written by an older version,
    // or by hand) still never reaches a customer: the query checks the task too.
    const legacyId = newId();
    await db.insert(comments).values({
      id: legacyId,
      accountId: account.id,
      planId: plan.id,
      subjectType: "task",
      subjectId: internalTask.id,
      authorId: people.csm.id,
      body: "Old note",
      internal: false,
    });

    const hidden = [internal.id, onInternalTask.id, legacyId];
    for (const person of ["champion", "member"] as const) {
      const ids = await commentIds(person);
      expect(ids).toContain(visible.id);
      for (const id of hidden) expect(ids).not.toContain(id);
    }
    for (const person of ["csm", "marketing"] as const) {
      const ids = await commentIds(person);
      for (const id of [...hidden, visible.id]) expect(ids).toContain(id);
    }
    const [entry] = await db.select().from(activity).where(eq(activity.subjectId, internalTask.id));
    expect(entry!.details).toMatchObject({ internal: true });
  });

  it("lets only staff write internal comments, and never marketing", async () => {
    const before = await commentCount();
    expect(
      await addComment(as("champion"), account.id, {
        subjectType: "milestone",
        subjectId: milestone.id,
        body: "Secret",
        internal: true,
      }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(
      await addComment(as("marketing"), account.id, {
        subjectType: "milestone",
        subjectId: milestone.id,
        body: "Hi",
        internal: false,
      }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(
      await addComment(as("marketing"), account.id, {
        subjectType: "milestone",
        subjectId: milestone.id,
        body: "Hi",
        internal: true,
      }),
    ).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await commentCount()).toBe(before);
  });

  it("answers not_found for a subject of another account, an internal task to a customer, or an unknown id", async () => {
    const before = await commentCount();
    const refused = [
      [as("csm"), account.id, "milestone", otherMilestone.id],
      [as("csm"), account.id, "task", otherTask.id],
      [as("champion"), account.id, "milestone", otherMilestone.id],
      [as("champion"), account.id, "task", otherTask.id],
      [as("champion"), account.id, "task", internalTask.id],
      [as("member"), account.id, "task", internalTask.id],
      // A milestone id given as a task, and the other way round.
      [as("csm"), account.id, "task", milestone.id],
      [as("csm"), account.id, "milestone", customerTask.id],
      [as("csm"), account.id, "task", "nosuchtaskxxxxxx"],
      // Someone of another account, naming either account.
      [as("outsider"), account.id, "milestone", milestone.id],
      [as("outsider"), other.id, "milestone", milestone.id],
    ] as const;
    for (const [actor, accountId, subjectType, subjectId] of refused) {
      expect(await addComment(actor, accountId, { subjectType, subjectId, body: "Hello", internal: false })).toEqual({
        ok: false,
        error: "not_found",
      });
    }
    expect(await commentCount()).toBe(before);
  });

  it("refuses an empty or blank comment and one over 5,000 characters", async () => {
    const before = await commentCount();
    const subject = { subjectType: "task" as const, subjectId: customerTask.id, internal: false };
    expect(await addComment(as("member"), account.id, { ...subject, body: "" })).toEqual({ ok: false, error: "empty" });
    expect(await addComment(as("member"), account.id, { ...subject, body: " \n\t " })).toEqual({
      ok: false,
      error: "empty",
    });
    expect(await addComment(as("member"), account.id, { ...subject, body: "x".repeat(5001) })).toEqual({
      ok: false,
      error: "too_long",
    });
    expect(await commentCount()).toBe(before);
    // Surrounding blanks don't count towards the limit.
    expect(await addComment(as("member"), account.id, { ...subject, body: ` ${"x".repeat(5000)} ` })).toMatchObject({
      ok: true,
    });
  });

  it("lists nothing of another account's plan", async () => {
    const foreign = await addComment(as("outsider"), other.id, {
      subjectType: "task",
      subjectId: otherTask.id,
      body: "Ours",
      internal: false,
    });
    if (!foreign.ok) throw new Error("comment refused");
    expect(await commentIds("outsider", otherPlan.id, other.id)).toEqual([foreign.id]);
    // Their plan's id under our account, or our account's plan from outside: nothing.
    expect(await commentIds("csm", otherPlan.id, account.id)).toEqual([]);
    expect(await commentIds("champion", otherPlan.id, account.id)).toEqual([]);
    expect(await commentIds("outsider", plan.id, account.id)).toEqual([]);
    expect(await commentIds("champion", otherPlan.id, other.id)).toEqual([]);
  });
});
