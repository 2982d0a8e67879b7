import { describe, expect, it } from "vitest";
import {
  MilestoneInputSchema,
  OutcomeInputSchema,
  TaskInputSchema,
  changesOf,
  dateErrors,
  mayOwnOutcome,
} from "~/domain/plans/plan-edit-rules";

describe("plan edit schemas", () => {
  it("trim text, turn blanks into nulls and read checkboxes", () => {
    expect(OutcomeInputSchema.parse({ title: "  Faster reports ", ownerId: "", targetDate: "" })).toEqual({
      title: "Faster reports",
      why: "",
      successCriteria: "",
      ownerId: null,
      targetDate: null,
    });
    expect(TaskInputSchema.parse({ title: "T", side: "vendor", internal: "on" })).toMatchObject({
      internal: true,
      dueDate: null,
      assigneeId: null,
    });
    expect(TaskInputSchema.parse({ title: "T", side: "customer" })).toMatchObject({ internal: false });
  });

  it("refuse impossible dates, a missing milestone date and internal customer tasks", () => {
    expect(MilestoneInputSchema.safeParse({ title: "M", targetDate: "2026-02-29" }).success).toBe(false);
    expect(MilestoneInputSchema.safeParse({ title: "M", targetDate: "2028-02-29" }).success).toBe(true);
    expect(MilestoneInputSchema.safeParse({ title: "M", targetDate: "" }).error?.issues[0]?.message).toBe(
      "date.required",
    );
    expect(TaskInputSchema.safeParse({ title: "T", side: "customer", internal: "on" }).error?.issues[0]).toMatchObject({
      path: ["internal"],
      message: "internal.vendorOnly",
    });
  });
});

describe("dateErrors", () => {
  it("flags dates before the plan's start, not on or after it, nor missing ones", () => {
    expect(dateErrors("2026-01-05", { a: "2026-01-04", b: "2026-01-05", c: "2027-01-01", d: null })).toEqual({
      a: "date.beforeStart",
    });
  });
});

describe("changesOf", () => {
  it("lists only the fields that differ, old → new", () => {
    expect(
      changesOf({ title: "A", dueDate: null, internal: false }, { title: "A", dueDate: "2026-02-01", internal: true }, [
        "title",
        "dueDate",
        "internal",
      ]),
    ).toEqual({
      dueDate: { from: null, to: "2026-02-01" },
      internal: { from: false, to: true },
    });
  });
});

describe("mayOwnOutcome", () => {
  it("is an active person of the account, or an active CSM or admin", () => {
    const own = "accountaaaaaaaaa";
    expect(mayOwnOutcome({ staffRole: null, accountId: own, active: true }, own)).toBe(true);
    expect(mayOwnOutcome({ staffRole: "csm", accountId: null, active: true }, own)).toBe(true);
    expect(mayOwnOutcome({ staffRole: "admin", accountId: null, active: true }, own)).toBe(true);
    expect(mayOwnOutcome({ staffRole: "marketing", accountId: null, active: true }, own)).toBe(false);
    expect(mayOwnOutcome({ staffRole: null, accountId: "otheraccountbbbb", active: true }, own)).toBe(false);
    expect(mayOwnOutcome({ staffRole: null, accountId: own, active: false }, own)).toBe(false);
  });
});
