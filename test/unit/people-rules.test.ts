import { describe, expect, it } from "vitest";
import { UseCasesSchema } from "~/domain/people/account-schemas";
import {
  type MemberForRule,
  adoptSpellings,
  leavesNoChampion,
  normalizeUseCases,
  sameUseCases,
  seatsLeft,
} from "~/domain/people/rules";

describe("seatsLeft", () => {
  it("subtracts active people and pending invitations from the licence", () => {
    expect(seatsLeft(10, 3, 2)).toBe(5);
    expect(seatsLeft(10, 0, 0)).toBe(10);
  });

  it("is zero when the account is exactly full", () => {
    expect(seatsLeft(5, 4, 1)).toBe(0);
    expect(seatsLeft(5, 5, 0)).toBe(0);
  });

  it("never goes below zero when the licence was reduced under the headcount", () => {
    expect(seatsLeft(2, 3, 1)).toBe(0);
  });
});

const champion = (id: string, active = true): MemberForRule => ({ id, accountRole: "champion", active });
const member = (id: string, active = true): MemberForRule => ({ id, accountRole: "member", active });

describe("leavesNoChampion", () => {
  it("refuses demoting the only champion", () => {
    expect(leavesNoChampion([champion("c1"), member("m1")], { userId: "c1", newRole: "member" })).toBe(true);
  });

  it("refuses deactivating the only champion", () => {
    expect(leavesNoChampion([champion("c1"), member("m1")], { userId: "c1", deactivate: true })).toBe(true);
  });

  it("allows demoting or deactivating a champion when another active champion remains", () => {
    const members = [champion("c1"), champion("c2"), member("m1")];
    expect(leavesNoChampion(members, { userId: "c1", newRole: "member" })).toBe(false);
    expect(leavesNoChampion(members, { userId: "c1", deactivate: true })).toBe(false);
  });

  it("does not count a deactivated champion as the remaining one", () => {
    const members = [champion("c1"), champion("c2", false)];
    expect(leavesNoChampion(members, { userId: "c1", newRole: "member" })).toBe(true);
    expect(leavesNoChampion(members, { userId: "c1", deactivate: true })).toBe(true);
  });

  it("allows changes to members that leave the champion untouched", () => {
    const members = [champion("c1"), member("m1")];
    expect(leavesNoChampion(members, { userId: "m1", deactivate: true })).toBe(false);
    expect(leavesNoChampion(members, { userId: "m1", newRole: "champion" })).toBe(false);
    expect(leavesNoChampion(members, { userId: "m1", newRole: "member" })).toBe(false);
  });

  it("treats keeping the champion role as no change", () => {
    expect(leavesNoChampion([champion("c1")], { userId: "c1", newRole: "champion" })).toBe(false);
    expect(leavesNoChampion([champion("c1")], { userId: "c1" })).toBe(false);
  });

  it("does not block an account that has no champion yet", () => {
    const members = [member("m1"), member("m2")];
    expect(leavesNoChampion(members, { userId: "m1", deactivate: true })).toBe(false);
    expect(leavesNoChampion(members, { userId: "m1", newRole: "member" })).toBe(false);
    expect(leavesNoChampion([], { userId: "nobody", deactivate: true })).toBe(false);
  });

  it("does not block an account whose only champion is already deactivated", () => {
    const members = [champion("c1", false), member("m1")];
    expect(leavesNoChampion(members, { userId: "m1", deactivate: true })).toBe(false);
    expect(leavesNoChampion(members, { userId: "c1", newRole: "member" })).toBe(false);
  });
});

describe("use cases", () => {
  it("splits on commas and new lines, tidies spaces and drops blanks", () => {
    expect(normalizeUseCases("  Financial reporting,Embedded   dashboards ,, \n Operational KPIs,")).toEqual([
      "Financial reporting",
      "Embedded dashboards",
      "Operational KPIs",
    ]);
    expect(normalizeUseCases("")).toEqual([]);
    expect(normalizeUseCases(" , ,")).toEqual([]);
    expect(normalizeUseCases(["Self-serve analytics", " Embedded dashboards, Store KPIs "])).toEqual([
      "Self-serve analytics",
      "Embedded dashboards",
      "Store KPIs",
    ]);
  });

  it("keeps a use case once when it is repeated in another case, with its first spelling", () => {
    expect(normalizeUseCases("Store KPIs, store kpis, STORE  KPIS, Forecasting")).toEqual([
      "Store KPIs",
      "Forecasting",
    ]);
  });

  it("accepts up to 10 use cases of up to 60 characters, counted after duplicates are dropped", () => {
    const ten = Array.from({ length: 10 }, (_, i) => `Use case ${i + 1}`);
    expect(UseCasesSchema.parse(ten.join(", "))).toEqual(ten);
    expect(UseCasesSchema.parse([...ten, "use case 1"].join(", "))).toEqual(ten);
    expect(UseCasesSchema.parse("x".repeat(60))).toEqual(["x".repeat(60)]);
    expect(UseCasesSchema.parse(undefined)).toEqual([]);
  });

  it("refuses an 11th use case or one longer than 60 characters, with a code for the field", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Use case ${i + 1}`).join(", ");
    expect(UseCasesSchema.safeParse(eleven).error?.issues[0]?.message).toBe("account.tooManyUseCases");
    expect(UseCasesSchema.safeParse(`Reporting, ${"x".repeat(61)}`).error?.issues[0]?.message).toBe(
      "account.useCaseTooLong",
    );
    expect(UseCasesSchema.safeParse(42).success).toBe(false);
  });

  it("adopts the spelling other accounts already use, and keeps new ones as typed", () => {
    expect(
      adoptSpellings(["financial Reporting", "Store KPIs"], ["Financial reporting", "Embedded dashboards"]),
    ).toEqual(["Financial reporting", "Store KPIs"]);
    expect(adoptSpellings([], ["Financial reporting"])).toEqual([]);
  });

  it("compares lists by content and order", () => {
    expect(sameUseCases(["A", "B"], ["A", "B"])).toBe(true);
    expect(sameUseCases(["A", "B"], ["B", "A"])).toBe(false);
    expect(sameUseCases([], [])).toBe(true);
    expect(sameUseCases(["A"], ["a"])).toBe(false);
  });
});
