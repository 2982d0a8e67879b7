import { and, asc, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type TemplateDefinition, type User, activity, milestones, outcomes, plans, tasks } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createPlan,
  createSegment,
  createStaff,
  createTemplate,
  sampleTemplateDefinition,
} from "~db/seed/factories";
import { applyTemplate, getTemplate, listTemplates } from "~/domain/plans/templates.server";

let csm: User;

beforeAll(async () => {
  csm = await createStaff("csm");
});

async function rowCounts(accountId: string) {
  const [[p], [o], [m], [t], [a]] = await Promise.all([
    db.select({ n: count() }).from(plans).where(eq(plans.accountId, accountId)),
    db.select({ n: count() }).from(outcomes).where(eq(outcomes.accountId, accountId)),
    db.select({ n: count() }).from(milestones).where(eq(milestones.accountId, accountId)),
    db.select({ n: count() }).from(tasks).where(eq(tasks.accountId, accountId)),
    db
      .select({ n: count() })
      .from(activity)
      .where(and(eq(activity.accountId, accountId), eq(activity.action, "plan.created"))),
  ]);
  return { plans: p!.n, outcomes: o!.n, milestones: m!.n, tasks: t!.n, activity: a!.n };
}

describe("applyTemplate", () => {
  it("creates the plan, its outcomes, milestones and tasks dated from the start date", async () => {
    const account = await createAccount();
    const template = await createTemplate({ name: `Onboarding ${account.id}` });
    const result = await applyTemplate(actorOf(csm), {
      accountId: account.id,
      templateId: template.id,
      startDate: "2026-01-31",
      name: "  ",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const [plan] = await db.select().from(plans).where(eq(plans.id, result.planId));
    expect(plan).toMatchObject({
      accountId: account.id,
      name: template.name,
      templateId: template.id,
      startDate: "2026-01-31",
      isCurrent: true,
      createdById: csm.id,
    });

    const outcomeRows = await db
      .select()
      .from(outcomes)
      .where(eq(outcomes.planId, result.planId))
      .orderBy(asc(outcomes.position));
    expect(outcomeRows.map((o) => [o.title, o.targetDate, o.position, o.accountId, o.ownerId])).toEqual([
      ["Weekly reporting automated", "2026-04-01", 0, account.id, null],
      ["Team adopts dashboards", "2026-05-01", 1, account.id, null],
    ]);

    const milestoneRows = await db
      .select()
      .from(milestones)
      .where(eq(milestones.planId, result.planId))
      .orderBy(asc(milestones.position));
    const outcomeIdOf = (title: string) => outcomeRows.find((o) => o.title === title)!.id;
    expect(
      milestoneRows.map((m) => [m.title, m.targetDate, m.outcomeId, m.accountId, m.vendorSignedAt, m.customerSignedAt]),
    ).toEqual([
      ["Kickoff", "2026-01-31", null, account.id, null, null],
      ["Data connected", "2026-03-02", outcomeIdOf("Weekly reporting automated"), account.id, null, null],
      ["Dashboards live", "2026-04-01", outcomeIdOf("Team adopts dashboards"), account.id, null, null],
    ]);

    const taskRows = await db.select().from(tasks).where(eq(tasks.planId, result.planId)).orderBy(asc(tasks.dueDate));
    const milestoneTitle = (id: string) => milestoneRows.find((m) => m.id === id)!.title;
    expect(
      taskRows.map((t) => [
        t.title,
        milestoneTitle(t.milestoneId),
        t.side,
        t.dueDate,
        t.status,
        t.assigneeId,
        t.internal,
        t.notes,
      ]),
    ).toEqual([
      ["Run the kickoff call", "Kickoff", "vendor", "2026-01-31", "todo", null, false, ""],
      ["Connect the warehouse", "Data connected", "customer", "2026-02-20", "todo", null, false, "Read-only user."],
      ["Review the data model", "Data connected", "vendor", "2026-02-28", "todo", null, false, ""],
      ["Build the ops dashboard", "Dashboards live", "customer", "2026-03-22", "todo", null, false, ""],
      ["Train the team", "Dashboards live", "vendor", "2026-03-27", "todo", null, false, ""],
    ]);
    expect(taskRows.every((t) => t.accountId === account.id)).toBe(true);

    const [entry] = await db
      .select()
      .from(activity)
      .where(and(eq(activity.accountId, account.id), eq(activity.action, "plan.created")));
    expect(entry).toMatchObject({
      actorId: csm.id,
      subjectType: "plan",
      subjectId: result.planId,
      details: { name: template.name, templateId: template.id, templateName: template.name, startDate: "2026-01-31" },
    });
  });

  it("makes the new plan current and the account's previous one not", async () => {
    const account = await createAccount();
    const other = await createAccount();
    const otherPlan = await createPlan(other.id);
    const template = await createTemplate();
    const first = await applyTemplate(actorOf(csm), {
      accountId: account.id,
      templateId: template.id,
      startDate: "2026-01-05",
      name: "Onboarding",
    });
    const second = await applyTemplate(actorOf(csm), {
      accountId: account.id,
      templateId: template.id,
      startDate: "2026-06-01",
      name: "Expansion",
    });
    if (!first.ok || !second.ok) throw new Error("expected both plans to be created");
    const rows = await db
      .select({ id: plans.id, name: plans.name, isCurrent: plans.isCurrent })
      .from(plans)
      .where(eq(plans.accountId, account.id));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { id: second.planId, name: "Expansion", isCurrent: true },
      { id: first.planId, name: "Onboarding", isCurrent: false },
    ]);
    // Another account's current plan is left alone.
    const [untouched] = await db.select({ isCurrent: plans.isCurrent }).from(plans).where(eq(plans.id, otherPlan.id));
    expect(untouched!.isCurrent).toBe(true);
  });

  it("writes nothing for an unknown template, account or start date", async () => {
    const account = await createAccount();
    const current = await createPlan(account.id);
    const template = await createTemplate();
    const actor = actorOf(csm);
    expect(
      await applyTemplate(actor, {
        accountId: account.id,
        templateId: "nosuchtemplate00",
        startDate: "2026-01-05",
        name: "X",
      }),
    ).toEqual({
      ok: false,
      error: "unknown_template",
    });
    expect(
      await applyTemplate(actor, {
        accountId: "nosuchaccount000",
        templateId: template.id,
        startDate: "2026-01-05",
        name: "X",
      }),
    ).toEqual({
      ok: false,
      error: "unknown_account",
    });
    expect(
      await applyTemplate(actor, {
        accountId: account.id,
        templateId: template.id,
        startDate: "2026-02-30",
        name: "X",
      }),
    ).toEqual({
      ok: false,
      error: "invalid_start_date",
    });
    expect(await rowCounts(account.id)).toEqual({ plans: 1, outcomes: 0, milestones: 0, tasks: 0, activity: 0 });
    const [still] = await db.select({ isCurrent: plans.isCurrent }).from(plans).where(eq(plans.id, current.id));
    expect(still!.isCurrent).toBe(true);
  });

  it("rolls everything back when a write fails half-way", async () => {
    const account = await createAccount();
    const current = await createPlan(account.id);
    // A task side the database refuses: the plan, outcomes and milestones are written before it fails.
    const definition = sampleTemplateDefinition();
    definition.tasks[4]!.side = "both" as TemplateDefinition["tasks"][number]["side"];
    const template = await createTemplate({ definition });
    await expect(
      applyTemplate(actorOf(csm), {
        accountId: account.id,
        templateId: template.id,
        startDate: "2026-01-05",
        name: "Broken",
      }),
    ).rejects.toThrow();
    expect(await rowCounts(account.id)).toEqual({ plans: 1, outcomes: 0, milestones: 0, tasks: 0, activity: 0 });
    const [still] = await db.select({ isCurrent: plans.isCurrent }).from(plans).where(eq(plans.id, current.id));
    expect(still!.isCurrent).toBe(true);
  });

  it("is refused to people who may not create plans", async () => {
    const account = await createAccount();
    const template = await createTemplate();
    const input = { accountId: account.id, templateId: template.id, startDate: "2026-01-05", name: "X" };
    const champion = await createCustomer(account.id, "champion");
    const marketing = await createStaff("marketing");
    expect(await applyTemplate(actorOf(champion), input)).toEqual({ ok: false, error: "forbidden" });
    expect(await applyTemplate(actorOf(marketing), input)).toEqual({ ok: false, error: "forbidden" });
    expect(await applyTemplate(actorOf(await createStaff("admin")), input)).toMatchObject({ ok: true });
    expect((await rowCounts(account.id)).plans).toBe(1);
  });

  it("applies inside a caller's transaction, and rolls back with it", async () => {
    const account = await createAccount();
    const template = await createTemplate();
    await expect(
      db.transaction(async (tx) => {
        const result = await applyTemplate(
          actorOf(csm),
          { accountId: account.id, templateId: template.id, startDate: "2026-01-05", name: "X" },
          tx,
        );
        expect(result.ok).toBe(true);
        throw new Error("caller gives up");
      }),
    ).rejects.toThrow("caller gives up");
    expect(await rowCounts(account.id)).toEqual({ plans: 0, outcomes: 0, milestones: 0, tasks: 0, activity: 0 });
  });
});

describe("listTemplates and getTemplate", () => {
  it("lists templates by name with their segment and size", async () => {
    const segment = await createSegment({ name: `Segment for templates ${Date.now()}` });
    const a = await createTemplate({ name: `zz-list B ${segment.id}`, segmentId: segment.id });
    const b = await createTemplate({ name: `zz-list A ${segment.id}` });
    const listed = (await listTemplates()).filter((t) => t.id === a.id || t.id === b.id);
    expect(listed).toEqual([
      {
        id: b.id,
        name: b.name,
        description: "",
        segmentId: null,
        segmentName: null,
        outcomeCount: 2,
        milestoneCount: 3,
        taskCount: 5,
        updatedAt: b.updatedAt,
      },
      {
        id: a.id,
        name: a.name,
        description: "",
        segmentId: segment.id,
        segmentName: segment.name,
        outcomeCount: 2,
        milestoneCount: 3,
        taskCount: 5,
        updatedAt: a.updatedAt,
      },
    ]);
  });

  it("gets one template with its definition, or null", async () => {
    const template = await createTemplate();
    expect((await getTemplate(template.id))?.definition).toEqual(sampleTemplateDefinition());
    expect(await getTemplate("nosuchtemplate00")).toBeNull();
  });
});
