import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type Milestone, type User, milestones, tasks } from "~db/schema";
import {
  createAccount,
  createCustomer,
  createMilestone,
  createOutcome,
  createPlan,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { answering } from "../support/responses";
import { action as signOffAction } from "~/routes/accounts.$accountId.milestones.$milestoneId";
import { action as milestoneEditAction } from "~/routes/accounts.$accountId.milestones.$milestoneId_.edit";
import { action as addTaskAction } from "~/routes/accounts.$accountId.milestones.$milestoneId_.tasks";
import { action as outcomeEditAction } from "~/routes/accounts.$accountId.outcomes.$outcomeId";
import { action as planEditAction } from "~/routes/accounts.$accountId.plans.$planId";
import { action as taskEditAction } from "~/routes/accounts.$accountId.tasks.$taskId_.edit";

/** The routes' answers (a Response or Remix's `data()`): the body and, for refusals, a 4xx status. */
const signOff = answering(signOffAction);
const milestoneEdit = answering(milestoneEditAction);
const addTask = answering(addTaskAction);
const outcomeEdit = answering(outcomeEditAction);
const planEdit = answering(planEditAction);
const taskEdit = answering(taskEditAction);
type Answer = Awaited<ReturnType<ReturnType<typeof answering>>>;
const statusOf = (answer: Answer) => answer.status;
const bodyOf = (answer: Answer) => answer.data;
/** A refusal's messages: form-level under "", then per field. */
const errorsOf = (answer: Answer) => (bodyOf(answer) as { form: { error: Record<string, string[]> } }).form.error;

const context = { clientIp: "127.0.0.1" };

let account: Account;
let other: Account;
let milestone: Milestone;
const people = {} as Record<"csm" | "champion" | "outsider", User>;

/** A form post by the person (the URL doesn't matter: the action is called with its params). */
const post = (who: keyof typeof people, fields: Record<string, string>) =>
  signedInRequest(people[who].id, "http://localhost/", { method: "POST", body: new URLSearchParams(fields) });

async function status(pending: Promise<Answer>) {
  try {
    return statusOf(await pending);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

beforeAll(async () => {
  people.csm = await createStaff("csm");
  account = await createAccount({ csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(account.id, "champion");
  people.outsider = await createCustomer(other.id, "champion");
  milestone = await createMilestone(await createPlan(account.id, { startDate: "2026-01-05" }), {
    targetDate: "2026-03-01",
  });
});

describe("the sign-off route", () => {
  it("answers a sign-off with open tasks and no reason with 409 next to the reason field, signing nothing", async () => {
    const own = await createMilestone(await createPlan(account.id, { isCurrent: false }), { title: "Open work" });
    await createTask(own, { status: "todo" });
    const params = { accountId: account.id, milestoneId: own.id };
    const refused = await signOff({ request: await post("csm", { intent: "sign_off" }), params, context });
    expect(statusOf(refused)).toBe(409);
    expect(errorsOf(refused)).toEqual({ openTasksReason: ["plans:signOff.errors.open_tasks"] });
    const tooLong = await signOff({
      request: await post("csm", { intent: "sign_off", openTasksReason: "x".repeat(501) }),
      params,
      context,
    });
    expect(statusOf(tooLong)).toBe(400);
    const [row] = await db.select().from(milestones).where(eq(milestones.id, own.id));
    expect(row?.vendorSignedAt).toBeNull();

    const anyway = await signOff({
      request: await post("csm", { intent: "sign_off", openTasksReason: "Reviewed on the call" }),
      params,
      context,
    });
    expect(bodyOf(anyway) ?? anyway).toEqual({ form: null, achieved: false });
  });
});

describe("plan-editing routes", () => {
  it("answer a stale task edit with 409 and the reason, and write nothing", async () => {
    const task = await createTask(milestone, { title: "Before" });
    const params = { accountId: account.id, taskId: task.id };
    const fields = { intent: "update", version: "1", title: "First", side: "customer" };
    expect(bodyOf(await taskEdit({ request: await post("csm", fields), params, context }))).toEqual({ ok: true });
    const stale = await taskEdit({ request: await post("champion", { ...fields, title: "Second" }), params, context });
    expect(statusOf(stale)).toBe(409);
    expect(errorsOf(stale)).toEqual({ "": ["planEditing:errors.stale"] });
    expect((await db.select().from(tasks).where(eq(tasks.id, task.id)))[0]).toMatchObject({
      title: "First",
      version: 2,
    });
  });

  it("answer bad fields with 400 and a code per field", async () => {
    const params = { accountId: account.id, milestoneId: milestone.id };
    const answer = await milestoneEdit({
      request: await post("csm", { intent: "update", version: "1", title: "", targetDate: "2025-01-01" }),
      params,
      context,
    });
    expect(statusOf(answer)).toBe(400);
    expect(errorsOf(answer)).toEqual({
      "": ["planEditing:errors.invalid"],
      title: ["planEditing:fields.title.required"],
    });
    const early = await milestoneEdit({
      request: await post("csm", { intent: "update", version: "1", title: "M", targetDate: "2025-01-01" }),
      params,
      context,
    });
    expect(errorsOf(early)).toEqual({
      "": ["planEditing:errors.invalid"],
      targetDate: ["planEditing:fields.date.beforeStart"],
    });
    const withNul = await milestoneEdit({
      request: await post("csm", { intent: "update", version: "1", title: "M\u0000", targetDate: "2026-02-01" }),
      params,
      context,
    });
    expect(statusOf(withNul)).toBe(400);
    expect(errorsOf(withNul)).toMatchObject({ title: ["field.nul"] });
    const unknownIntent = await milestoneEdit({
      request: await post("csm", { intent: "rename", version: "1", title: "M", targetDate: "2026-02-01" }),
      params,
      context,
    });
    expect(statusOf(unknownIntent)).toBe(400);
    expect(errorsOf(unknownIntent)).toMatchObject({ "": ["form.unknownIntent"] });
    const noVersion = await milestoneEdit({
      request: await post("csm", { intent: "update", title: "M", targetDate: "2026-02-01" }),
      params,
      context,
    });
    expect(statusOf(noVersion)).toBe(400);
    expect((await db.select().from(milestones).where(eq(milestones.id, milestone.id)))[0]).toMatchObject({
      version: 1,
      targetDate: "2026-03-01",
    });
  });

  it("answer 404 for another account's ids, through this account's URL or theirs, and 403 for a champion's planning", async () => {
    const theirs = await createOutcome(await createPlan(other.id));
    expect(
      await status(
        outcomeEdit({
          request: await post("csm", { intent: "delete", version: "1" }),
          params: { accountId: account.id, outcomeId: theirs.id },
          context,
        }),
      ),
    ).toBe(404);
    expect(
      await status(
        addTask({
          request: await post("outsider", { title: "T", side: "customer" }),
          params: { accountId: account.id, milestoneId: milestone.id },
          context,
        }),
      ),
    ).toBe(404);
    expect(
      await status(
        planEdit({
          request: await post("csm", { intent: "make_current" }),
          params: { accountId: account.id, planId: theirs.planId },
          context,
        }),
      ),
    ).toBe(404);
    expect(
      await status(
        planEdit({
          request: await post("csm", { intent: "make_current" }),
          params: { accountId: account.id, planId: "not-an-id" },
          context,
        }),
      ),
    ).toBe(404);
    expect(
      await status(
        planEdit({
          request: await post("champion", { intent: "add_milestone", title: "M", targetDate: "2026-04-01" }),
          params: { accountId: account.id, planId: milestone.planId },
          context,
        }),
      ),
    ).toBe(403);
    expect(await db.select().from(milestones).where(eq(milestones.planId, milestone.planId))).toHaveLength(1);
  });
});
