import { describe, expect, it } from "vitest";
import { MESSAGES_PER_PERSON_PER_WEEK, WATCH_DAYS_AFTER_LAST_STEP } from "~/domain/interventions/playbook-rules";
import {
  type RunState,
  type StepFacts,
  type StepInput,
  type StepPerson,
  advanceRun,
  stepEffects,
  weeklyCap,
} from "~/domain/interventions/step-effects";
import { DAY_MS } from "~/lib/time";

const NOW = new Date("2026-12-07T09:00:00Z");
const person = (id: string, locale = "en"): StepPerson => ({ id, name: id, email: `${id}@x.example`, locale });
const champion = person("champion");
const other = person("other-champion", "zh-CN");
const csm = person("csm");
const admin = person("admin");

function facts(overrides: Partial<StepFacts> = {}): StepFacts {
  return {
    people: new Map([champion, csm, admin].map((p) => [p.id, p])),
    champions: new Map([["acct", [champion, other]]]),
    firstAdminId: admin.id,
    cap: weeklyCap(new Map()),
    accepts: () => true,
    ...overrides,
  };
}

const input = (kind: StepInput["step"]["kind"], overrides: Partial<StepInput> = {}): StepInput => ({
  step: { kind, delayDays: 0 },
  accountId: "acct",
  csmId: csm.id,
  taskAssigneeId: champion.id,
  now: NOW,
  ...overrides,
});

describe("a step's effects", () => {
  it("reminds the task's assignee by email and in-app, or the CSM when the task has nobody", () => {
    expect(stepEffects(facts(), input("remind_assignee"))).toEqual({
      records: [{ outcome: "sent", recipientId: champion.id }],
      messages: [{ person: champion, kind: "reminders", email: true, notice: true }],
      workItem: null,
      digestLines: [],
    });
    expect(stepEffects(facts(), input("remind_assignee", { taskAssigneeId: null })).messages[0]?.person).toBe(csm);
    expect(stepEffects(facts(), input("remind_assignee", { taskAssigneeId: undefined })).messages[0]?.person).toBe(csm);
  });

  it("skips a reminder whose assignee is deactivated (no fallback to the CSM)", () => {
    const effects = stepEffects(facts(), input("remind_assignee", { taskAssigneeId: "gone" }));
    expect(effects).toEqual({
      records: [{ outcome: "skipped", recipientId: null }],
      messages: [],
      workItem: null,
      digestLines: [],
    });
  });

  it("tells the champions in their digest: a line each, no email, not counted by the weekly cap", () => {
    const shared = facts({
      cap: weeklyCap(new Map([[champion.id, MESSAGES_PER_PERSON_PER_WEEK]])),
      accepts: (id, kind) => kind === "digest" && id === champion.id,
    });
    expect(stepEffects(shared, input("tell_champion_digest"))).toEqual({
      records: [
        { outcome: "created", recipientId: champion.id },
        { outcome: "skipped", recipientId: other.id },
      ],
      messages: [],
      workItem: null,
      digestLines: [champion],
    });
    expect(shared.cap.allows(other.id)).toBe(true);
    expect(stepEffects(facts(), input("tell_champion_digest", { accountId: "nobody" })).records).toEqual([
      { outcome: "skipped", recipientId: null },
    ]);
  });

  it("fills the weekly cap within a batch: later steps for the same person are capped", () => {
    const shared = facts({ cap: weeklyCap(new Map([[champion.id, MESSAGES_PER_PERSON_PER_WEEK - 2]])) });
    const outcomes = [1, 2, 3].map(() => stepEffects(shared, input("remind_assignee")).records[0]?.outcome);
    expect(outcomes).toEqual(["sent", "sent", "capped"]);
  });

  it("a champion who turned the email off hears nothing and uses no cap; an assignee still gets the in-app reminder", () => {
    const shared = facts({
      cap: weeklyCap(new Map([[champion.id, MESSAGES_PER_PERSON_PER_WEEK - 1]])),
      accepts: (id, kind) => !(id === champion.id && kind === "champion") && !(kind === "reminders"),
    });
    const told = stepEffects(shared, input("tell_champion"));
    expect(told.records).toEqual([
      { outcome: "skipped", recipientId: champion.id },
      { outcome: "sent", recipientId: other.id },
    ]);
    expect(told.messages).toEqual([{ person: other, kind: "champion", email: true, notice: false }]);
    // The champion's one message left is still there (the skipped email used none of it).
    const reminded = stepEffects(shared, input("remind_assignee"));
    expect(reminded.messages).toEqual([{ person: champion, kind: "reminders", email: false, notice: true }]);
    expect(reminded.records).toEqual([{ outcome: "sent", recipientId: champion.id }]);
    expect(stepEffects(shared, input("remind_assignee")).records).toEqual([
      { outcome: "capped", recipientId: champion.id },
    ]);
  });

  it("records one skipped step when the account has no champion", () => {
    expect(stepEffects(facts({ champions: new Map() }), input("tell_champion")).records).toEqual([
      { outcome: "skipped", recipientId: null },
    ]);
  });

  it("creates a work item for the CSM (3 days), escalates to the first admin (1 day, urgent), else skips", () => {
    expect(stepEffects(facts(), input("create_work_item"))).toEqual({
      records: [{ outcome: "created", recipientId: csm.id }],
      messages: [],
      workItem: { assigneeId: csm.id, locale: "en", escalate: false, dueDate: "2026-12-10" },
      digestLines: [],
    });
    expect(stepEffects(facts(), input("escalate_admin")).workItem).toEqual({
      assigneeId: admin.id,
      locale: "en",
      escalate: true,
      dueDate: "2026-12-08",
    });
    expect(stepEffects(facts(), input("create_work_item", { csmId: null })).workItem?.assigneeId).toBe(admin.id);
    expect(stepEffects(facts({ firstAdminId: null }), input("escalate_admin")).records).toEqual([
      { outcome: "skipped", recipientId: null },
    ]);
  });
});

describe("advancing a run", () => {
  const run: RunState = {
    status: "open",
    currentStep: 0,
    nextStepAt: NOW,
    startedAt: new Date(NOW.getTime() - DAY_MS),
    resolvedAt: null,
    endedAt: null,
  };
  const playbook = {
    enabled: true,
    steps: [
      { kind: "remind_assignee" as const, delayDays: 0 },
      { kind: "create_work_item" as const, delayDays: 3 },
    ],
  };

  it("does the next step and schedules the one after by its delay", () => {
    const advance = advanceRun(run, playbook, false, NOW);
    expect(advance).toMatchObject({ kind: "step", index: 0, step: playbook.steps[0] });
    expect(advance.next).toMatchObject({ currentStep: 1, nextStepAt: new Date(NOW.getTime() + 3 * DAY_MS) });
  });

  it("ends as resolved when the reason is gone", () => {
    expect(advanceRun(run, playbook, true, NOW)).toEqual({
      kind: "resolved",
      next: { ...run, status: "resolved", resolvedAt: NOW, endedAt: NOW, nextStepAt: null },
    });
  });

  it("watches daily after the last step, then completes; a turned-off playbook stops", () => {
    const done = { ...run, currentStep: 2 };
    expect(advanceRun(done, playbook, false, NOW)).toMatchObject({
      kind: "watching",
      next: { status: "open", nextStepAt: new Date(NOW.getTime() + DAY_MS) },
    });
    const old = { ...done, startedAt: new Date(NOW.getTime() - (WATCH_DAYS_AFTER_LAST_STEP + 1) * DAY_MS) };
    expect(advanceRun(old, playbook, false, NOW)).toMatchObject({ kind: "ended", next: { status: "completed" } });
    expect(advanceRun(run, { ...playbook, enabled: false }, false, NOW)).toMatchObject({
      kind: "ended",
      next: { status: "stopped", nextStepAt: null },
    });
  });
});
