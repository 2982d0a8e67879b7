import { describe, expect, it } from "vitest";
import type { Actor } from "~/domain/auth/actor";
import {
  type AssigneeRef,
  type PlanAction,
  type PlanContext,
  type PlanTaskRef,
  PLAN_ACTIONS,
  canOnPlan,
} from "~/domain/plans/plan-permissions";

const OWN = "ownaccountaaaaaa";
const OTHER = "otheraccountbbbb";

/** Everyone who might ask; `outsider` and `outsiderMember` belong to another account. */
type Role = "admin" | "csm" | "marketing" | "champion" | "member" | "outsider" | "outsiderMember";
const ROLES: Role[] = ["admin", "csm", "marketing", "champion", "member", "outsider", "outsiderMember"];

const idOf = (role: Role) => `${role.toLowerCase()}xxxxxxxxxxxxxxxx`.slice(0, 16);

function actorFor(role: Role): Actor {
  const base = { id: idOf(role), email: `${role}@test.example`, name: role, locale: "en", timeZone: "UTC" };
  switch (role) {
    case "champion":
    case "member":
      return { ...base, kind: "customer", accountId: OWN, accountRole: role };
    case "outsider":
      return { ...base, kind: "customer", accountId: OTHER, accountRole: "champion" };
    case "outsiderMember":
      return { ...base, kind: "customer", accountId: OTHER, accountRole: "member" };
    default:
      return { ...base, kind: "staff", staffRole: role };
  }
}

const task = (side: "customer" | "vendor", assignee: Role | null = null, internal = false): PlanTaskRef => ({
  side,
  assigneeId: assignee ? idOf(assignee) : null,
  internal,
});
const person = {
  ownMember: { staffRole: null, accountId: OWN, active: true },
  ownDeactivated: { staffRole: null, accountId: OWN, active: false },
  otherAccount: { staffRole: null, accountId: OTHER, active: true },
  csm: { staffRole: "csm", accountId: null, active: true },
  admin: { staffRole: "admin", accountId: null, active: true },
  marketing: { staffRole: "marketing", accountId: null, active: true },
  deactivatedCsm: { staffRole: "csm", accountId: null, active: false },
} satisfies Record<string, AssigneeRef>;

type Case = {
  name: string;
  action: PlanAction;
  context: Omit<PlanContext<PlanAction>, "accountId"> & Record<string, unknown>;
  allowed: Role[];
};

/** Written out by hand: for each question, exactly who may. Everyone else may not. */
const MATRIX: Case[] = [
  {
    name: "view the plan",
    action: "plan.view",
    context: {},
    allowed: ["admin", "csm", "marketing", "champion", "member"],
  },
  { name: "apply a template / create a plan", action: "plan.create", context: {}, allowed: ["admin", "csm"] },
  { name: "edit the plan, its outcomes and milestones", action: "plan.edit", context: {}, allowed: ["admin", "csm"] },
  {
    name: "sign off for the vendor",
    action: "milestone.sign_off",
    context: { side: "vendor" },
    allowed: ["admin", "csm"],
  },
  {
    name: "sign off for the customer",
    action: "milestone.sign_off",
    context: { side: "customer" },
    allowed: ["champion"],
  },
  { name: "rate a milestone", action: "milestone.rate", context: {}, allowed: ["champion"] },
  {
    name: "add a customer task",
    action: "task.create",
    context: { side: "customer", internal: false },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "add a vendor task",
    action: "task.create",
    context: { side: "vendor", internal: false },
    allowed: ["admin", "csm"],
  },
  {
    name: "add an internal task",
    action: "task.create",
    context: { side: "vendor", internal: true },
    allowed: ["admin", "csm"],
  },
  {
    name: "add an internal customer task (impossible)",
    action: "task.create",
    context: { side: "customer", internal: true },
    allowed: [],
  },
  {
    name: "delete a customer task",
    action: "task.delete",
    context: { task: task("customer", "member") },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "delete a vendor task",
    action: "task.delete",
    context: { task: task("vendor", "csm") },
    allowed: ["admin", "csm"],
  },
  {
    name: "delete an internal task",
    action: "task.delete",
    context: { task: task("vendor", null, true) },
    allowed: ["admin", "csm"],
  },
  {
    name: "move a customer task",
    action: "task.move",
    context: { task: task("customer", "member") },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "move a vendor task",
    action: "task.move",
    context: { task: task("vendor", "csm") },
    allowed: ["admin", "csm"],
  },
  {
    name: "move an internal task",
    action: "task.move",
    context: { task: task("vendor", null, true) },
    allowed: ["admin", "csm"],
  },
  {
    name: "edit a customer task",
    action: "task.edit",
    context: { task: task("customer") },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "edit a customer task assigned to the member",
    action: "task.edit",
    context: { task: task("customer", "member") },
    allowed: ["admin", "csm", "champion"],
  },
  { name: "edit a vendor task", action: "task.edit", context: { task: task("vendor") }, allowed: ["admin", "csm"] },
  {
    name: "edit an internal task",
    action: "task.edit",
    context: { task: task("vendor", null, true) },
    allowed: ["admin", "csm"],
  },
  {
    name: "complete a customer task assigned to the member",
    action: "task.complete",
    context: { task: task("customer", "member") },
    allowed: ["admin", "csm", "champion", "member"],
  },
  {
    name: "complete an unassigned customer task",
    action: "task.complete",
    context: { task: task("customer") },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "complete a customer task wrongly pointing at an outsider",
    action: "task.complete",
    context: { task: task("customer", "outsider") },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "complete a vendor task assigned to the CSM",
    action: "task.complete",
    context: { task: task("vendor", "csm") },
    allowed: ["admin", "csm"],
  },
  {
    name: "complete an unassigned vendor task",
    action: "task.complete",
    context: { task: task("vendor") },
    allowed: ["admin", "csm"],
  },
  {
    name: "complete an internal task",
    action: "task.complete",
    context: { task: task("vendor", "admin", true) },
    allowed: ["admin", "csm"],
  },
  {
    name: "assign a customer task to a person of the account",
    action: "task.assign",
    context: { task: task("customer"), assignee: person.ownMember },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "assign a customer task to a person of another account",
    action: "task.assign",
    context: { task: task("customer"), assignee: person.otherAccount },
    allowed: [],
  },
  {
    name: "assign a customer task to a CSM",
    action: "task.assign",
    context: { task: task("customer"), assignee: person.csm },
    allowed: [],
  },
  {
    name: "assign a customer task to a deactivated person",
    action: "task.assign",
    context: { task: task("customer"), assignee: person.ownDeactivated },
    allowed: [],
  },
  {
    name: "unassign a customer task",
    action: "task.assign",
    context: { task: task("customer", "member"), assignee: null },
    allowed: ["admin", "csm", "champion"],
  },
  {
    name: "assign a vendor task to a CSM",
    action: "task.assign",
    context: { task: task("vendor"), assignee: person.csm },
    allowed: ["admin", "csm"],
  },
  {
    name: "assign a vendor task to an admin",
    action: "task.assign",
    context: { task: task("vendor"), assignee: person.admin },
    allowed: ["admin", "csm"],
  },
  {
    name: "assign a vendor task to marketing",
    action: "task.assign",
    context: { task: task("vendor"), assignee: person.marketing },
    allowed: [],
  },
  {
    name: "assign a vendor task to a deactivated CSM",
    action: "task.assign",
    context: { task: task("vendor"), assignee: person.deactivatedCsm },
    allowed: [],
  },
  {
    name: "assign a vendor task to a customer person",
    action: "task.assign",
    context: { task: task("vendor"), assignee: person.ownMember },
    allowed: [],
  },
  {
    name: "assign an internal task to a CSM",
    action: "task.assign",
    context: { task: task("vendor", null, true), assignee: person.csm },
    allowed: ["admin", "csm"],
  },
  { name: "see internal items", action: "internal.view", context: {}, allowed: ["admin", "csm", "marketing"] },
  { name: "comment", action: "comment", context: { internal: false }, allowed: ["admin", "csm", "champion", "member"] },
  { name: "comment internally", action: "comment", context: { internal: true }, allowed: ["admin", "csm"] },
];

const cases = MATRIX.flatMap((row) => ROLES.map((role) => ({ ...row, role, expected: row.allowed.includes(role) })));

describe("canOnPlan", () => {
  it.each(cases)("$role: $name → $expected", ({ role, action, context, expected }) => {
    expect(canOnPlan(actorFor(role), action, { accountId: OWN, ...context } as PlanContext<PlanAction>)).toBe(expected);
  });

  it("the matrix asks about every plan action", () => {
    expect(new Set(MATRIX.map((row) => row.action))).toEqual(new Set(PLAN_ACTIONS));
  });

  it("customers of another account may do nothing at all on this plan, whatever the context", () => {
    for (const role of ["outsider", "outsiderMember"] as const) {
      for (const row of MATRIX) {
        expect(
          canOnPlan(actorFor(role), row.action, { accountId: OWN, ...row.context } as PlanContext<PlanAction>),
        ).toBe(false);
      }
    }
  });

  it("an outsider does have these rights on their own account's plan", () => {
    expect(canOnPlan(actorFor("outsider"), "plan.view", { accountId: OTHER })).toBe(true);
    expect(canOnPlan(actorFor("outsider"), "milestone.sign_off", { accountId: OTHER, side: "customer" })).toBe(true);
  });
});
