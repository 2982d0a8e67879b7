import { describe, expect, it } from "vitest";
import { DEMO_TEMPLATES } from "~db/seed/demo-templates";
import { sampleTemplateDefinition } from "~db/seed/factories";
import {
  TEMPLATE_LIMITS,
  TemplateInputSchema,
  copyName,
  definitionFromInput,
  draftFromTemplate,
} from "~/domain/plans/template-schemas";
import { previewTemplate } from "~/domain/plans/template-preview";
import { parseSubmission } from "~/lib/forms";

function validInput() {
  return {
    name: "  Starter onboarding ",
    description: "For teams under 50 people.",
    segmentId: "",
    outcomes: [
      { key: "reporting", title: "Reporting automated", why: "", successCriteria: "No spreadsheets", dayOffset: "60" },
    ],
    milestones: [
      {
        key: "m30",
        title: "Data connected",
        description: "",
        dayOffset: "30",
        outcomeKey: "reporting",
        tasks: [{ title: "Connect", notes: "", side: "customer", dayOffset: "20" }],
      },
      {
        key: "m60",
        title: "Dashboards live",
        description: "",
        dayOffset: "60",
        outcomeKey: "",
        tasks: [{ title: "Train", notes: "", side: "vendor", dayOffset: "60" }],
      },
    ],
  };
}

function errorsOf(input: unknown): Record<string, string> {
  const result = TemplateInputSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("TemplateInputSchema", () => {
  it("accepts a valid template, trimming text, turning numbers and blanks into values", () => {
    const parsed = TemplateInputSchema.parse(validInput());
    expect(parsed.name).toBe("Starter onboarding");
    expect(parsed.segmentId).toBeNull();
    expect(parsed.milestones[0]!.dayOffset).toBe(30);
    expect(parsed.milestones[1]!.outcomeKey).toBeNull();
    expect(definitionFromInput(parsed)).toEqual({
      outcomes: [
        { key: "reporting", title: "Reporting automated", why: "", successCriteria: "No spreadsheets", dayOffset: 60 },
      ],
      milestones: [
        { key: "m30", title: "Data connected", description: "", dayOffset: 30, outcomeKey: "reporting" },
        { key: "m60", title: "Dashboards live", description: "", dayOffset: 60, outcomeKey: null },
      ],
      tasks: [
        { milestoneKey: "m30", title: "Connect", notes: "", side: "customer", dayOffset: 20 },
        { milestoneKey: "m60", title: "Train", notes: "", side: "vendor", dayOffset: 60 },
      ],
    });
  });

  it("refuses blank and overlong names and titles, next to the field", () => {
    const input = validInput();
    input.name = "   ";
    input.outcomes[0]!.title = "";
    input.milestones[0]!.title = "x".repeat(TEMPLATE_LIMITS.title + 1);
    input.milestones[1]!.tasks[0]!.title = " ";
    expect(errorsOf(input)).toEqual({
      name: "template.nameRequired",
      "outcomes.0.title": "template.outcomeTitleRequired",
      "milestones.0.title": "template.titleTooLong",
      "milestones.1.tasks.0.title": "template.taskTitleRequired",
    });
    expect(errorsOf({ ...validInput(), name: "n".repeat(121) })).toEqual({ name: "template.nameTooLong" });
  });

  it.each([
    ["-1", "template.dayRange"],
    ["1096", "template.dayRange"],
    ["2.5", "template.dayInvalid"],
    ["soon", "template.dayInvalid"],
    ["", "template.dayRequired"],
  ])("refuses the day offset %j (%s)", (value, code) => {
    const input = validInput();
    input.outcomes[0]!.dayOffset = value;
    expect(errorsOf(input)).toEqual({ "outcomes.0.dayOffset": code });
  });

  it("accepts day 0 and day 1095", () => {
    const input = validInput();
    input.milestones[0]!.dayOffset = "0";
    input.milestones[0]!.tasks[0]!.dayOffset = "0";
    input.outcomes[0]!.dayOffset = "1095";
    expect(errorsOf(input)).toEqual({});
  });

  it("needs at least one milestone", () => {
    expect(errorsOf({ ...validInput(), milestones: [] })).toEqual({ milestones: "template.milestoneRequired" });
    expect(errorsOf({ name: "No rows" })).toEqual({ milestones: "template.milestoneRequired" });
  });

  it("refuses a task due after its milestone, a link to an unknown outcome and duplicate keys", () => {
    const input = validInput();
    input.milestones[0]!.tasks[0]!.dayOffset = "31";
    input.milestones[1]!.outcomeKey = "nope";
    input.milestones[1]!.key = "m30";
    expect(errorsOf(input)).toEqual({
      "milestones.0.tasks.0.dayOffset": "template.taskAfterMilestone",
      "milestones.1.outcomeKey": "template.unknownOutcome",
      "milestones.1.key": "template.duplicateKey",
    });
  });

  it("refuses a bad side, a malformed key or segment id", () => {
    const input = validInput() as ReturnType<typeof validInput> & { segmentId: string };
    input.milestones[0]!.tasks[0]!.side = "both";
    input.milestones[0]!.key = "Has Spaces";
    input.segmentId = "not-an-id";
    expect(errorsOf(input)).toEqual({
      "milestones.0.tasks.0.side": "template.sideInvalid",
      "milestones.0.key": "template.keyInvalid",
      segmentId: "template.segmentInvalid",
    });
  });

  it("refuses oversize input: too many rows, too much text", () => {
    const input = validInput();
    const task = { title: "T", notes: "", side: "customer", dayOffset: "1" };
    input.milestones = Array.from({ length: TEMPLATE_LIMITS.milestones + 1 }, (_, i) => ({
      key: `m${i}`,
      title: "M",
      description: "",
      dayOffset: "30",
      outcomeKey: "",
      tasks: [],
    }));
    expect(errorsOf(input)).toEqual({ milestones: "template.tooManyMilestones" });
    input.milestones = [
      {
        key: "m",
        title: "M",
        description: "d".repeat(TEMPLATE_LIMITS.text + 1),
        dayOffset: "30",
        outcomeKey: "",
        tasks: Array(TEMPLATE_LIMITS.tasksPerMilestone + 1).fill(task),
      },
    ];
    expect(errorsOf(input)).toEqual({
      "milestones.0.description": "template.textTooLong",
      "milestones.0.tasks": "template.tooManyTasks",
    });
    input.milestones = Array.from({ length: 7 }, (_, i) => ({
      key: `m${i}`,
      title: "M",
      description: "",
      dayOffset: "30",
      outcomeKey: "",
      tasks: Array(TEMPLATE_LIMITS.tasksPerMilestone).fill(task),
    }));
    expect(errorsOf(input)).toEqual({ milestones: "template.tooManyTasks" });
  });

  it("accepts every seeded template and the test factory's, as stored", () => {
    for (const template of [
      ...DEMO_TEMPLATES.map((demo) => ({ ...demo, segmentId: null })),
      { name: "Sample", description: "", segmentId: null, definition: sampleTemplateDefinition() },
    ]) {
      const draft = draftFromTemplate({
        name: template.name,
        description: template.description ?? "",
        segmentId: null,
        definition: template.definition,
      });
      const parsed = TemplateInputSchema.parse(draft);
      // Round trip: stored → editor rows → stored gives the same tasks per milestone.
      const again = definitionFromInput(parsed);
      expect(again.milestones).toEqual(template.definition.milestones);
      expect(again.outcomes).toEqual(template.definition.outcomes);
      for (const milestone of template.definition.milestones) {
        const tasksOf = (tasks: typeof again.tasks) => tasks.filter((task) => task.milestoneKey === milestone.key);
        expect(tasksOf(again.tasks)).toEqual(tasksOf(template.definition.tasks));
      }
    }
  });
});

describe("copyName", () => {
  it("adds (copy), then a number, and stays within the name limit", () => {
    expect(copyName("Onboarding", 1)).toBe("Onboarding (copy)");
    expect(copyName("Onboarding", 3)).toBe("Onboarding (copy 3)");
    const long = copyName("x".repeat(120), 2);
    expect(long).toHaveLength(120);
    expect(long.endsWith(" (copy 2)")).toBe(true);
  });
});

describe("previewTemplate", () => {
  it("dates milestones and tasks from the sample start date, in date order", () => {
    const draft = draftFromTemplate({
      name: "S",
      description: "",
      segmentId: null,
      definition: sampleTemplateDefinition(),
    });
    draft.milestones.reverse();
    const preview = previewTemplate(draft, "2026-01-31");
    expect(preview.map((m) => [m.title, m.dayOffset, m.targetDate, m.outcomeTitle])).toEqual([
      ["Kickoff", 0, "2026-01-31", null],
      ["Data connected", 30, "2026-03-02", "Weekly reporting automated"],
      ["Dashboards live", 60, "2026-04-01", "Team adopts dashboards"],
    ]);
    expect(preview[1]!.tasks.map((t) => [t.title, t.side, t.dueDate])).toEqual([
      ["Connect the warehouse", "customer", "2026-02-20"],
      ["Review the data model", "vendor", "2026-02-28"],
    ]);
  });

  it("shows no date for an offset being typed or a bad start date, and never throws", () => {
    const draft = draftFromTemplate({
      name: "S",
      description: "",
      segmentId: null,
      definition: sampleTemplateDefinition(),
    });
    draft.milestones[0]!.dayOffset = "";
    draft.milestones[1]!.dayOffset = "abc";
    const preview = previewTemplate(draft, "2026-01-31");
    expect(preview.slice(-2).map((m) => m.targetDate)).toEqual([null, null]);
    expect(previewTemplate(draft, "2026-02-30").every((m) => m.targetDate === null)).toBe(true);
  });
});

describe("the template form through the form pipeline", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [name, value] of entries) data.append(name, value);
    return data;
  };
  const errorsOf = (entries: [string, string][]) => {
    const submission = parseSubmission(form(entries), TemplateInputSchema);
    return submission.status === "error" ? submission.error : null;
  };

  it("builds nested rows from conform's names", () => {
    const submission = parseSubmission(
      form([
        ["name", "N"],
        ["milestones[0].key", "m30"],
        ["milestones[0].title", "A"],
        ["milestones[0].dayOffset", "30"],
        ["milestones[0].tasks[0].title", "T"],
        ["milestones[0].tasks[0].side", "vendor"],
        ["milestones[0].tasks[0].dayOffset", "10"],
      ]),
      TemplateInputSchema,
    );
    expect(submission.status).toBe("success");
    expect(submission.status === "success" ? submission.value.milestones : null).toMatchObject([
      { key: "m30", title: "A", dayOffset: 30, tasks: [{ title: "T", side: "vendor", dayOffset: 10 }] },
    ]);
  });

  it("refuses names a real form never sends", () => {
    expect(errorsOf([["milestones[1000].title", "x"]])).toEqual({ "": ["form.malformed"] });
    expect(errorsOf([["__proto__.polluted", "x"]])).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keys refusals by the field's full name", () => {
    expect(
      errorsOf([
        ["name", "N"],
        ["milestones[0].key", "m"],
        ["milestones[0].title", ""],
        ["milestones[0].dayOffset", "5"],
      ]),
    ).toEqual({ "milestones[0].title": ["template.milestoneTitleRequired"] });
    // A NUL byte is refused before the schema runs, next to the field that carried it.
    expect(
      errorsOf([
        ["name", "N"],
        ["milestones[0].tasks[0].title", "a\u0000b"],
      ]),
    ).toEqual({ "milestones[0].tasks[0].title": ["field.nul"] });
  });
});
