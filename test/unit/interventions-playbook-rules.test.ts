import { describe, expect, it } from "vitest";
import { parseSubmission } from "~/lib/forms";
import { PlaybookInputSchema } from "~/domain/interventions/playbook-rules";

function parse(fields: Record<string, string>) {
  const submission = parseSubmission(new URLSearchParams(fields), PlaybookInputSchema);
  return Object.assign(submission, { error: submission.status === "error" ? submission.error : undefined });
}

const base = {
  name: "Overdue",
  triggerKind: "task_overdue",
  "steps[0].kind": "remind_assignee",
  "steps[0].delayDays": "0",
};

describe("the playbook form", () => {
  it("keeps the filled rows in order and drops empty ones", () => {
    const result = parse({
      ...base,
      "steps[1].kind": "",
      "steps[1].delayDays": "",
      "steps[2].kind": "escalate_admin",
      "steps[2].delayDays": "7",
    });
    expect(result.status).toBe("success");
    expect(result.status === "success" && result.value.steps).toEqual([
      { kind: "remind_assignee", delayDays: 0 },
      { kind: "escalate_admin", delayDays: 7 },
    ]);
  });

  it("refuses no steps, negative or absurd delays and unknown kinds, next to the field", () => {
    expect(parse({ name: "x", triggerKind: "task_overdue" }).error).toMatchObject({
      steps: ["interventions:playbooks.fields.stepsRequired"],
    });
    expect(parse({ ...base, "steps[0].delayDays": "-1" }).error).toMatchObject({
      "steps[0].delayDays": ["interventions:playbooks.fields.delayInvalid"],
    });
    expect(parse({ ...base, "steps[0].delayDays": "366" }).error).toMatchObject({
      "steps[0].delayDays": ["interventions:playbooks.fields.delayInvalid"],
    });
    expect(parse({ ...base, "steps[0].kind": "call_the_ceo" }).error).toMatchObject({
      "steps[0].kind": ["interventions:playbooks.fields.stepKindInvalid"],
    });
  });

  it("needs days for the condition triggers", () => {
    expect(parse({ ...base, triggerKind: "renewal_within" }).error).toMatchObject({
      triggerDays: ["interventions:playbooks.fields.daysInvalid"],
    });
    const ok = parse({ ...base, triggerKind: "no_sign_in", triggerDays: "21" });
    expect(ok.status === "success" && ok.value.trigger).toEqual({ kind: "no_sign_in", days: 21 });
    expect(parse({ ...base, triggerKind: "nps" }).error).toMatchObject({
      triggerKind: ["interventions:playbooks.fields.triggerInvalid"],
    });
  });
});
