import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Account, type Milestone, type User, tasks } from "~db/schema";
import { db } from "~db/client.server";
import {
  createAccount,
  createCustomer,
  createMilestone,
  createPlan,
  createStaff,
  createTask,
  signedInRequest,
} from "~db/seed/factories";
import { answering } from "../support/responses";
import { action as planAction } from "~/routes/accounts.$accountId.plan/route";

const plan = answering(planAction);
const context = { clientIp: "127.0.0.1" };

let account: Account;
let milestone: Milestone;
const people = {} as Record<"csm" | "champion", User>;

/** A form post by the person; repeated names as repeated pairs. */
const post = (who: keyof typeof people, fields: [string, string][]) =>
  signedInRequest(people[who].id, "http://localhost/", { method: "POST", body: new URLSearchParams(fields) });

beforeAll(async () => {
  people.csm = await createStaff("csm");
  account = await createAccount({ csmId: people.csm.id });
  people.champion = await createCustomer(account.id, "champion");
  milestone = await createMilestone(await createPlan(account.id, { startDate: "2026-01-05" }));
});

const statuses = async () =>
  (await db.select().from(tasks).where(eq(tasks.milestoneId, milestone.id)).orderBy(asc(tasks.position))).map(
    (task) => `${task.title}:${task.status}`,
  );

describe("the plan page's moves and bulk edit", () => {
  it("moves a task and answers what to announce; a bad move is a 400 and a champion's vendor task a 403", async () => {
    const first = await createTask(milestone, { title: "First", side: "customer", position: 0 });
    await createTask(milestone, { title: "Second", side: "vendor", position: 1 });
    const params = { accountId: account.id };
    const moved = await plan({
      request: await post("csm", [
        ["intent", "moveTask"],
        ["id", first.id],
        ["direction", "down"],
      ]),
      params,
      context,
    });
    expect(moved.status).toBe(200);
    expect(moved.data).toEqual({
      moved: { kind: "task", id: first.id, title: "First", position: 2, of: 2, direction: "down" },
    });

    const both = await plan({
      request: await post("csm", [
        ["intent", "moveTask"],
        ["id", first.id],
        ["direction", "down"],
        ["toIndex", "0"],
      ]),
      params,
      context,
    });
    expect(both.status).toBe(400);
    const sideways = await plan({
      request: await post("csm", [
        ["intent", "moveTask"],
        ["id", first.id],
        ["direction", "sideways"],
      ]),
      params,
      context,
    });
    expect(sideways.status).toBe(400);
    const [second] = await db.select().from(tasks).where(eq(tasks.title, "Second"));
    const refused = await plan({
      request: await post("champion", [
        ["intent", "moveTask"],
        ["id", second!.id],
        ["toIndex", "1"],
      ]),
      params,
      context,
    });
    expect(refused.status).toBe(403);
    expect(refused.data).toEqual({ moveError: "plans:reorder.errors.forbidden" });
    expect(await statuses()).toEqual(["Second:todo", "First:todo"]);
  });

  it("applies a bulk status; refuses a stale one with 409 and a malformed or empty selection with 400, writing nothing", async () => {
    const list = await db.select().from(tasks).where(eq(tasks.milestoneId, milestone.id));
    const selection = list.map((task): [string, string] => ["tasks", `${task.id}:${task.version}`]);
    const params = { accountId: account.id };
    const stale = await plan({
      request: await post("csm", [
        ["intent", "bulk"],
        ["status", "done"],
        ["tasks", `${list[0]!.id}:${list[0]!.version + 1}`],
        ...selection.slice(1),
      ]),
      params,
      context,
    });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ bulk: { ok: false, error: "stale", titles: [list[0]!.title] } });
    expect(await statuses()).toEqual(["Second:todo", "First:todo"]);

    for (const fields of [
      [
        ["intent", "bulk"],
        ["status", "done"],
      ],
      [
        ["intent", "bulk"],
        ["status", "done"],
        ["tasks", "not an id"],
      ],
      [["intent", "bulk"], ...selection],
      [["intent", "bulk"], ["status", "finished"], ...selection],
    ] as [string, string][][]) {
      const answer = await plan({ request: await post("csm", fields), params, context });
      expect(answer.status).toBe(400);
      expect(answer.data).toMatchObject({ bulk: { ok: false, error: "invalid" } });
    }
    expect(await statuses()).toEqual(["Second:todo", "First:todo"]);

    const done = await plan({
      request: await post("csm", [["intent", "bulk"], ["status", "done"], ...selection]),
      params,
      context,
    });
    expect(done.status).toBe(200);
    expect(done.data).toEqual({ bulk: { ok: true, updated: 2 } });
    expect(await statuses()).toEqual(["Second:done", "First:done"]);
  });
});
