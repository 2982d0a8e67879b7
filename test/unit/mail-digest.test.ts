import { describe, expect, it } from "vitest";
import { type DigestContent, hasSomethingToSay, weekdayName } from "~/domain/mail/digest";

const empty: DigestContent = {
  name: "Ana",
  accountId: "a1",
  accountName: "Acme",
  openTasks: 0,
  overdue: [],
  dueThisWeek: [],
  plan: { name: "Rollout", progress: 0.4, nextMilestone: { title: "Go live", targetDate: "2026-04-01" } },
  training: [],
  asks: [],
  lines: [],
};

describe("the digest's nothing-to-say rule", () => {
  it("the plan's progress alone is not news", () => {
    expect(hasSomethingToSay(empty)).toBe(false);
    expect(hasSomethingToSay({ ...empty, plan: null })).toBe(false);
  });

  it("a task, a course or an ask of theirs is", () => {
    expect(hasSomethingToSay({ ...empty, openTasks: 1 })).toBe(true);
    expect(
      hasSomethingToSay({ ...empty, training: [{ title: "Basics", path: "/training/basics", dueDate: null }] }),
    ).toBe(true);
    expect(hasSomethingToSay({ ...empty, asks: [{ askType: "review" }] })).toBe(true);
  });

  it("so is a line kept for the digest", () => {
    expect(
      hasSomethingToSay({
        ...empty,
        lines: [{ id: "l1", kind: "playbook", params: { reason: "“Go live” is at risk" }, href: "/accounts/a1/plan" }],
      }),
    ).toBe(true);
  });
});

describe("weekday names", () => {
  it("names ISO weekdays (1 = Monday) in the viewer's language", () => {
    expect(weekdayName(1, "en")).toBe("Monday");
    expect(weekdayName(7, "en")).toBe("Sunday");
    expect(weekdayName(3, "zh-CN")).toBe("星期三");
  });
});
