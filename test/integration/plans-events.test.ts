import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { events } from "~db/schema";
import { createAccount, createStaff } from "~db/seed/factories";
import { listEvents, recordEvent } from "~/domain/events/record.server";

describe("recordEvent", () => {
  it("stores a typed event and reads it back", async () => {
    const account = await createAccount();
    const csm = await createStaff("csm");
    const payload = {
      milestoneId: "m1",
      planId: "p1",
      title: "Go-live",
      targetDate: "2026-04-01",
      achievedOn: "2026-03-25",
      daysEarly: 7,
    };
    const id = await recordEvent(db, {
      type: "milestone.achieved",
      accountId: account.id,
      actorId: csm.id,
      subjectId: "m1",
      payload,
    });
    const [row] = await db.select().from(events).where(eq(events.id, id));
    expect(row).toMatchObject({
      type: "milestone.achieved",
      accountId: account.id,
      actorId: csm.id,
      subjectId: "m1",
      payload,
    });
    expect(row!.occurredAt).toBeInstanceOf(Date);

    const listed = await listEvents("milestone.achieved", { accountId: account.id });
    expect(listed.map((event) => event.payload.daysEarly)).toEqual([7]);
  });

  it("keeps a given time, and filters by type and account", async () => {
    const account = await createAccount();
    const other = await createAccount();
    const at = new Date("2026-01-02T03:04:05Z");
    await recordEvent(db, {
      type: "plan.completed",
      accountId: account.id,
      actorId: null,
      subjectId: "p1",
      payload: { planId: "p1" },
      occurredAt: at,
    });
    await recordEvent(db, {
      type: "task.overdue",
      accountId: account.id,
      actorId: null,
      subjectId: "t1",
      payload: { taskId: "t1", planId: "p1", dueDate: "2026-01-01" },
    });
    await recordEvent(db, {
      type: "plan.completed",
      accountId: other.id,
      actorId: null,
      subjectId: "p2",
      payload: { planId: "p2" },
    });
    const completed = await listEvents("plan.completed", { accountId: account.id });
    expect(completed).toEqual([
      expect.objectContaining({ type: "plan.completed", payload: { planId: "p1" }, occurredAt: at }),
    ]);
  });

  it("is written or rolled back with the transaction it is part of", async () => {
    const account = await createAccount();
    await expect(
      db.transaction(async (tx) => {
        await recordEvent(tx, {
          type: "plan.completed",
          accountId: account.id,
          actorId: null,
          subjectId: "p",
          payload: { planId: "p" },
        });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await listEvents("plan.completed", { accountId: account.id })).toEqual([]);
  });
});
