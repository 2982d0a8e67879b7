import { describe, expect, it } from "vitest";
import { type MemberForRule, leavesNoChampion, seatsLeft } from "~/domain/people/rules";

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
