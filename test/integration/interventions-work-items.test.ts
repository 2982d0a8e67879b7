import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { activity, workItems } from "~db/schema";
import { actorOf, createAccount, createStaff, signedInRequest } from "~db/seed/factories";
import type { StaffActor } from "~/domain/auth/actor";
import {
  closeWorkItem,
  countOpenWorkItems,
  createWorkItem,
  listWorkQueue,
} from "~/domain/interventions/work-items.server";
import { action } from "~/routes/accounts.$accountId.work-items";

async function csm() {
  const user = await createStaff("csm", { timeZone: "UTC" });
  return { user, actor: actorOf(user) as StaffActor };
}

async function item(
  actor: StaffActor,
  accountId: string,
  overrides: { dueDate?: string | null; reason?: string } = {},
) {
  const result = await createWorkItem(actor, accountId, {
    reason: overrides.reason ?? "Call the champion",
    priority: "normal",
    dueDate: overrides.dueDate === undefined ? "2026-12-10" : overrides.dueDate,
    assigneeId: actor.id,
  });
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

function post(userId: string, accountId: string, fields: Record<string, string>) {
  return signedInRequest(userId, `http://localhost/accounts/${accountId}/work-items`, {
    method: "POST",
    body: new URLSearchParams(fields),
  }).then((request) => action({ request, params: { accountId }, context: { clientIp: "127.0.0.1" } }));
}

describe("work items", () => {
  it("lists overdue first, then by due date (none last), pages by keyset, and scopes mine / team", async () => {
    const me = await csm();
    const other = await csm();
    const account = await createAccount();
    const later = await item(me.actor, account.id, { dueDate: "2026-12-20", reason: "later" });
    const none = await item(me.actor, account.id, { dueDate: null, reason: "none" });
    const overdue = await item(me.actor, account.id, { dueDate: "2026-11-01", reason: "overdue" });
    const soon = await item(me.actor, account.id, { dueDate: "2026-12-05", reason: "soon" });
    const theirs = await item(other.actor, account.id, { reason: "theirs" });
    const now = new Date("2026-12-02T12:00:00Z");

    const first = await listWorkQueue(me.actor, { scope: "mine", status: "open" }, null, { now, pageSize: 2 });
    expect(first.items.map((row) => row.id)).toEqual([overdue, soon]);
    expect(first.items[0]!.overdue).toBe(true);
    expect(first.page.total).toBe(4);
    const second = await listWorkQueue(me.actor, { scope: "mine", status: "open" }, first.page.next, {
      now,
      pageSize: 2,
    });
    expect(second.items.map((row) => row.id)).toEqual([later, none]);

    const team = await listWorkQueue(me.actor, { scope: "team", status: "open", accountId: account.id }, null, { now });
    expect(team.items.map((row) => row.id)).toContain(theirs);
    expect((await countOpenWorkItems([account.id])).get(account.id)).toBe(5);
  });

  it("closes with an outcome and a note, records activity, and refuses a second close", async () => {
    const me = await csm();
    const account = await createAccount();
    const id = await item(me.actor, account.id);
    expect(
      await closeWorkItem(me.actor, account.id, { itemId: id, outcome: "escalated", note: "Called them" }),
    ).toEqual({ ok: true });
    const [row] = await db.select().from(workItems).where(eq(workItems.id, id));
    expect(row).toMatchObject({ status: "closed", outcome: "escalated", note: "Called them", closedById: me.user.id });
    const entries = await db.select().from(activity).where(eq(activity.subjectId, id));
    expect(entries.map((entry) => entry.action).sort()).toEqual(["work_item.closed", "work_item.created"]);
    expect(await closeWorkItem(me.actor, account.id, { itemId: id, outcome: "resolved", note: "" })).toEqual({
      ok: false,
      error: "closed",
    });
    expect((await countOpenWorkItems([account.id])).get(account.id)).toBeUndefined();
  });

  it("answers 404 for another account's item and 400 for a bad outcome, changing nothing", async () => {
    const me = await csm();
    const account = await createAccount();
    const elsewhere = await createAccount();
    const id = await item(me.actor, account.id);

    const foreign = (await post(me.user.id, elsewhere.id, {
      intent: "close",
      itemId: id,
      outcome: "resolved",
      note: "",
    })) as {
      init: ResponseInit | null;
    };
    expect(foreign.init?.status).toBe(404);
    const bad = (await post(me.user.id, account.id, { intent: "close", itemId: id, outcome: "shrug", note: "" })) as {
      init: ResponseInit | null;
    };
    expect(bad.init?.status).toBe(400);
    const [row] = await db.select().from(workItems).where(eq(workItems.id, id));
    expect(row).toMatchObject({ status: "open", outcome: null });
  });

  it("refuses a work item for someone who isn't an admin or a CSM", async () => {
    const me = await csm();
    const marketer = await createStaff("marketing");
    const account = await createAccount();
    const result = await createWorkItem(me.actor, account.id, {
      reason: "x",
      priority: "low",
      dueDate: null,
      assigneeId: marketer.id,
    });
    expect(result).toEqual({ ok: false, error: "invalid_assignee" });
    expect(await db.select().from(workItems).where(eq(workItems.accountId, account.id))).toHaveLength(0);
  });
});
