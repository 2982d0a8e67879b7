import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type User, activity, milestones, planTemplates, plans, tasks } from "~db/schema";
import {
  actorOf,
  createAccount,
  createCustomer,
  createSegment,
  createStaff,
  createTemplate,
  whileHeld,
} from "~db/seed/factories";
import {
  createTemplate as saveNewTemplate,
  deleteTemplate,
  duplicateTemplate,
  updateTemplate,
} from "~/domain/plans/template-editing.server";
import { type TemplateInput, TemplateInputSchema } from "~/domain/plans/template-schemas";
import { applyTemplate, getTemplate } from "~/domain/plans/templates.server";

let csm: User;
let marketing: User;

beforeAll(async () => {
  [csm, marketing] = await Promise.all([createStaff("csm"), createStaff("marketing")]);
});

let sequence = 0;
function input(overrides: Partial<Record<string, unknown>> = {}): TemplateInput {
  sequence += 1;
  return TemplateInputSchema.parse({
    name: `Pilot ${sequence}-${Date.now()}`,
    description: "A 60-day pilot.",
    segmentId: "",
    outcomes: [
      {
        key: "value",
        title: "Pilot proves value",
        why: "Budget decision",
        successCriteria: "3 teams weekly",
        dayOffset: "60",
      },
    ],
    milestones: [
      {
        key: "d30",
        title: "Day 30 check-in",
        description: "",
        dayOffset: "30",
        outcomeKey: "value",
        tasks: [{ title: "Invite pilot users", notes: "", side: "customer", dayOffset: "7" }],
      },
      {
        key: "d60",
        title: "Day 60 review",
        description: "",
        dayOffset: "60",
        outcomeKey: "",
        tasks: [{ title: "Prepare the review", notes: "", side: "vendor", dayOffset: "55" }],
      },
    ],
    ...overrides,
  });
}

async function activityFor(subjectId: string) {
  return db
    .select()
    .from(activity)
    .where(and(eq(activity.subjectType, "template"), eq(activity.subjectId, subjectId)))
    .orderBy(asc(activity.createdAt));
}

describe("createTemplate", () => {
  it("stores the definition flat, at version 1, with an activity entry", async () => {
    const segment = await createSegment();
    const result = await saveNewTemplate(actorOf(csm), input({ name: "Created here", segmentId: segment.id }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await getTemplate(result.id);
    expect(stored).toMatchObject({
      name: "Created here",
      segmentId: segment.id,
      version: 1,
      description: "A 60-day pilot.",
    });
    expect(stored!.definition.tasks).toEqual([
      { milestoneKey: "d30", title: "Invite pilot users", notes: "", side: "customer", dayOffset: 7 },
      { milestoneKey: "d60", title: "Prepare the review", notes: "", side: "vendor", dayOffset: 55 },
    ]);
    expect(await activityFor(result.id)).toEqual([
      expect.objectContaining({ action: "template.created", actorId: csm.id, accountId: null }),
    ]);
  });

  it("refuses a name already used, whatever its case, and an unknown segment", async () => {
    const existing = await createTemplate();
    expect(await saveNewTemplate(actorOf(csm), input({ name: existing.name.toUpperCase() }))).toEqual({
      ok: false,
      error: "name_taken",
    });
    expect(await saveNewTemplate(actorOf(csm), input({ segmentId: "nosuchsegmentxyz" }))).toEqual({
      ok: false,
      error: "unknown_segment",
    });
  });

  it("answers 'taken' to the loser when two people save the same new name at once", async () => {
    const name = `Race ${Date.now()}`;
    const results = await Promise.all([
      saveNewTemplate(actorOf(csm), input({ name })),
      saveNewTemplate(actorOf(csm), input({ name })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "name_taken" }]);
  });

  it("is refused to marketing and to customers, writing nothing", async () => {
    const account = await createAccount();
    const champion = await createCustomer(account.id, "champion");
    const name = `Refused ${Date.now()}`;
    for (const person of [marketing, champion]) {
      expect(await saveNewTemplate(actorOf(person), input({ name }))).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await db.$count(planTemplates, eq(planTemplates.name, name))).toBe(0);
    expect(await saveNewTemplate(actorOf(await createStaff("admin")), input({ name }))).toMatchObject({ ok: true });
  });
});

describe("updateTemplate", () => {
  it("saves with the version it was loaded at, bumps it, and refuses the stale one", async () => {
    const template = await createTemplate();
    const first = await updateTemplate(actorOf(csm), template.id, input({ name: `${template.name} v2` }), 1);
    expect(first).toEqual({ ok: true, id: template.id });
    const stale = await updateTemplate(actorOf(csm), template.id, input({ name: `${template.name} v3` }), 1);
    expect(stale).toEqual({ ok: false, error: "stale" });
    const stored = await getTemplate(template.id);
    expect(stored).toMatchObject({ name: `${template.name} v2`, version: 2 });
    expect(stored!.definition.milestones.map((m) => m.title)).toEqual(["Day 30 check-in", "Day 60 review"]);
    expect((await activityFor(template.id)).map((a) => [a.action, a.details])).toEqual([
      [
        "template.updated",
        expect.objectContaining({
          renamedFrom: template.name,
          version: 2,
          counts: { outcomes: 1, milestones: 2, tasks: 2 },
        }),
      ],
    ]);
  });

  it("keeps its own name, refuses another template's, and answers not_found for an unknown id", async () => {
    const [template, other] = await Promise.all([createTemplate(), createTemplate()]);
    expect(await updateTemplate(actorOf(csm), template.id, input({ name: template.name }), 1)).toMatchObject({
      ok: true,
    });
    expect(await updateTemplate(actorOf(csm), template.id, input({ name: other.name.toLowerCase() }), 2)).toEqual({
      ok: false,
      error: "name_taken",
    });
    expect(await updateTemplate(actorOf(csm), "nosuchtemplate00", input(), 1)).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await updateTemplate(actorOf(marketing), template.id, input(), 2)).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect((await getTemplate(template.id))!.version).toBe(2);
  });

  it("lets exactly one of two saves from the same version through", async () => {
    const template = await createTemplate();
    const results = await whileHeld(
      (tx) => tx.select().from(planTemplates).where(eq(planTemplates.id, template.id)).for("update"),
      2,
      () =>
        Promise.all([
          updateTemplate(actorOf(csm), template.id, input(), 1),
          updateTemplate(actorOf(csm), template.id, input(), 1),
        ]),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.error)).sort()).toEqual(["ok", "stale"]);
    expect((await getTemplate(template.id))!.version).toBe(2);
  });

  it("changes what applying the template produces", async () => {
    const template = await createTemplate();
    const edited = input({
      name: `${template.name} edited`,
      milestones: [
        {
          key: "d30",
          title: "Day 30: first report",
          description: "",
          dayOffset: "30",
          outcomeKey: "",
          tasks: [{ title: "Send the first report", notes: "", side: "customer", dayOffset: "25" }],
        },
        {
          key: "d60",
          title: "Day 60: team trained",
          description: "",
          dayOffset: "60",
          outcomeKey: "value",
          tasks: [{ title: "Train the team", notes: "", side: "vendor", dayOffset: "60" }],
        },
      ],
    });
    expect(await updateTemplate(actorOf(csm), template.id, edited, 1)).toMatchObject({ ok: true });
    const account = await createAccount();
    const applied = await applyTemplate(actorOf(csm), {
      accountId: account.id,
      templateId: template.id,
      startDate: "2026-03-01",
      name: "",
    });
    if (!applied.ok) throw new Error(applied.error);
    const milestoneRows = await db
      .select()
      .from(milestones)
      .where(eq(milestones.planId, applied.planId))
      .orderBy(asc(milestones.position));
    expect(milestoneRows.map((m) => [m.title, m.targetDate])).toEqual([
      ["Day 30: first report", "2026-03-31"],
      ["Day 60: team trained", "2026-04-30"],
    ]);
    const taskRows = await db.select().from(tasks).where(eq(tasks.planId, applied.planId)).orderBy(asc(tasks.dueDate));
    expect(taskRows.map((t) => [t.title, t.side, t.dueDate])).toEqual([
      ["Send the first report", "customer", "2026-03-26"],
      ["Train the team", "vendor", "2026-04-30"],
    ]);
    const [plan] = await db.select().from(plans).where(eq(plans.id, applied.planId));
    expect(plan!.name).toBe(`${template.name} edited`);
  });
});

describe("duplicateTemplate", () => {
  it("copies under a free name, at version 1", async () => {
    const template = await createTemplate();
    const first = await duplicateTemplate(actorOf(csm), template.id);
    const second = await duplicateTemplate(actorOf(csm), template.id);
    if (!first.ok || !second.ok) throw new Error("expected copies");
    const [a, b] = await Promise.all([getTemplate(first.id), getTemplate(second.id)]);
    expect([a!.name, b!.name]).toEqual([`${template.name} (copy)`, `${template.name} (copy 2)`]);
    expect(a).toMatchObject({ version: 1, definition: template.definition, segmentId: template.segmentId });
    expect(await duplicateTemplate(actorOf(csm), "nosuchtemplate00")).toEqual({ ok: false, error: "not_found" });
    expect(await duplicateTemplate(actorOf(marketing), template.id)).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("deleteTemplate", () => {
  it("deletes it; plans made from it keep their content and lose only the link", async () => {
    const template = await createTemplate();
    const account = await createAccount();
    const applied = await applyTemplate(actorOf(csm), {
      accountId: account.id,
      templateId: template.id,
      startDate: "2026-01-05",
      name: "",
    });
    if (!applied.ok) throw new Error(applied.error);

    expect(await deleteTemplate(actorOf(csm), template.id, 2)).toEqual({ ok: false, error: "stale" });
    expect(await deleteTemplate(actorOf(marketing), template.id, 1)).toEqual({ ok: false, error: "forbidden" });
    expect(await deleteTemplate(actorOf(csm), template.id, 1)).toEqual({ ok: true, detachedPlans: 1 });

    expect(await getTemplate(template.id)).toBeNull();
    const [plan] = await db.select().from(plans).where(eq(plans.id, applied.planId));
    expect(plan).toMatchObject({ templateId: null, name: template.name });
    expect(await db.$count(milestones, eq(milestones.planId, applied.planId))).toBe(3);
    expect((await activityFor(template.id)).map((a) => [a.action, a.details])).toEqual([
      ["template.deleted", { name: template.name, detachedPlans: 1 }],
    ]);
    expect(await deleteTemplate(actorOf(csm), template.id, 1)).toEqual({ ok: false, error: "not_found" });
  });
});
