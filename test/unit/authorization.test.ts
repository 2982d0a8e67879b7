import { describe, expect, it } from "vitest";
import type { Actor } from "~/domain/auth/actor";
import {
  type AccountAction,
  type WorkspaceAction,
  canInWorkspace,
  canOnAccount,
  refusalStatus,
} from "~/domain/auth/authorization";

const OWN = "ownaccountaaaaaa";
const OTHER = "otheraccountbbbb";

type Role = "admin" | "csm" | "marketing" | "champion" | "member";

function actorFor(role: Role): Actor {
  const base = {
    id: `${role}idxxxxxxxxxxx`.slice(0, 16),
    email: `${role}@test.example`,
    name: role,
    locale: "en",
    timeZone: "UTC",
  };
  if (role === "champion" || role === "member") return { ...base, kind: "customer", accountId: OWN, accountRole: role };
  return { ...base, kind: "staff", staffRole: role };
}

/**
 * The expected answers, written out by hand rather than derived from the code under test.
 * Staff have no account of their own: for them "own" and "other" are just two accounts.
 */
const ACCOUNT_MATRIX: Record<Role, Record<"own" | "other", Record<AccountAction, boolean>>> = {
  admin: {
    own: {
      "account.view": true,
      "account.edit": true,
      "people.manage": true,
      "training.team": true,
      "training.link": true,
      "usage.view": true,
      "usage.team": true,
      "health.view": true,
      "health.manage": true,
      "revenue.view": true,
      "revenue.manage": true,
    },
    other: {
      "account.view": true,
      "account.edit": true,
      "people.manage": true,
      "training.team": true,
      "training.link": true,
      "usage.view": true,
      "usage.team": true,
      "health.view": true,
      "health.manage": true,
      "revenue.view": true,
      "revenue.manage": true,
    },
  },
  csm: {
    own: {
      "account.view": true,
      "account.edit": true,
      "people.manage": true,
      "training.team": true,
      "training.link": true,
      "usage.view": true,
      "usage.team": true,
      "health.view": true,
      "health.manage": true,
      "revenue.view": true,
      "revenue.manage": true,
    },
    other: {
      "account.view": true,
      "account.edit": true,
      "people.manage": true,
      "training.team": true,
      "training.link": true,
      "usage.view": true,
      "usage.team": true,
      "health.view": true,
      "health.manage": true,
      "revenue.view": true,
      "revenue.manage": true,
    },
  },
  marketing: {
    own: {
      "account.view": true,
      "account.edit": false,
      "people.manage": false,
      "training.team": true,
      "training.link": false,
      "usage.view": true,
      "usage.team": true,
      "health.view": true,
      "health.manage": false,
      "revenue.view": false,
      "revenue.manage": false,
    },
    other: {
      "account.view": true,
      "account.edit": false,
      "people.manage": false,
      "training.team": true,
      "training.link": false,
      "usage.view": true,
      "usage.team": true,
      "health.view": true,
      "health.manage": false,
      "revenue.view": false,
      "revenue.manage": false,
    },
  },
  champion: {
    own: {
      "account.view": true,
      "account.edit": false,
      "people.manage": true,
      "training.team": true,
      "training.link": false,
      "usage.view": false,
      "usage.team": true,
      "health.view": false,
      "health.manage": false,
      "revenue.view": false,
      "revenue.manage": false,
    },
    other: {
      "account.view": false,
      "account.edit": false,
      "people.manage": false,
      "training.team": false,
      "training.link": false,
      "usage.view": false,
      "usage.team": false,
      "health.view": false,
      "health.manage": false,
      "revenue.view": false,
      "revenue.manage": false,
    },
  },
  member: {
    own: {
      "account.view": true,
      "account.edit": false,
      "people.manage": false,
      "training.team": false,
      "training.link": false,
      "usage.view": false,
      "usage.team": false,
      "health.view": false,
      "health.manage": false,
      "revenue.view": false,
      "revenue.manage": false,
    },
    other: {
      "account.view": false,
      "account.edit": false,
      "people.manage": false,
      "training.team": false,
      "training.link": false,
      "usage.view": false,
      "usage.team": false,
      "health.view": false,
      "health.manage": false,
      "revenue.view": false,
      "revenue.manage": false,
    },
  },
};

const accountCases = Object.entries(ACCOUNT_MATRIX).flatMap(([role, byScope]) =>
  Object.entries(byScope).flatMap(([scope, byAction]) =>
    Object.entries(byAction).map(([action, allowed]) => ({
      role: role as Role,
      scope: scope as "own" | "other",
      action: action as AccountAction,
      allowed,
    })),
  ),
);

describe("canOnAccount", () => {
  it("covers every role × scope × action", () => {
    expect(accountCases).toHaveLength(5 * 2 * 11);
  });

  it.each(accountCases)("$role on $scope account, $action → $allowed", ({ role, scope, action, allowed }) => {
    expect(canOnAccount(actorFor(role), action, scope === "own" ? OWN : OTHER)).toBe(allowed);
  });
});

describe("refusalStatus", () => {
  it.each([
    { role: "admin", scope: "own", status: 403 },
    { role: "admin", scope: "other", status: 403 },
    { role: "csm", scope: "other", status: 403 },
    { role: "marketing", scope: "own", status: 403 },
    { role: "marketing", scope: "other", status: 403 },
    { role: "champion", scope: "own", status: 403 },
    { role: "champion", scope: "other", status: 404 },
    { role: "member", scope: "own", status: 403 },
    { role: "member", scope: "other", status: 404 },
  ] as const)("$role asking about the $scope account is refused with $status", ({ role, scope, status }) => {
    expect(refusalStatus(actorFor(role), scope === "own" ? OWN : OTHER)).toBe(status);
  });
});

const WORKSPACE_MATRIX: Record<Role, Record<WorkspaceAction, boolean>> = {
  admin: {
    "accounts.list": true,
    "accounts.create": true,
    "accounts.export": true,
    "accounts.import": true,
    "staff.manage": true,
    "outbox.read": true,
    "templates.view": true,
    "templates.manage": true,
    "revenue.report": true,
    "training.adoption": true,
    "advocacy.view": true,
    "advocacy.manage": true,
    "telemetry.manage": true,
    "jobs.manage": true,
    "health.models": true,
    "workQueue.view": true,
    "playbooks.manage": true,
  },
  csm: {
    "accounts.list": true,
    "accounts.create": true,
    "accounts.export": true,
    "accounts.import": false,
    "staff.manage": false,
    "outbox.read": false,
    "templates.view": true,
    "templates.manage": true,
    "revenue.report": true,
    "training.adoption": true,
    "advocacy.view": true,
    "advocacy.manage": false,
    "telemetry.manage": false,
    "jobs.manage": false,
    "health.models": false,
    "workQueue.view": true,
    "playbooks.manage": false,
  },
  marketing: {
    "accounts.list": true,
    "accounts.create": false,
    "accounts.export": false,
    "accounts.import": false,
    "staff.manage": false,
    "outbox.read": false,
    "templates.view": true,
    "templates.manage": false,
    "revenue.report": false,
    "training.adoption": true,
    "advocacy.view": true,
    "advocacy.manage": true,
    "telemetry.manage": false,
    "jobs.manage": false,
    "health.models": false,
    "workQueue.view": false,
    "playbooks.manage": false,
  },
  champion: {
    "accounts.list": false,
    "accounts.create": false,
    "accounts.export": false,
    "accounts.import": false,
    "staff.manage": false,
    "outbox.read": false,
    "templates.view": false,
    "templates.manage": false,
    "revenue.report": false,
    "training.adoption": false,
    "advocacy.view": false,
    "advocacy.manage": false,
    "telemetry.manage": false,
    "jobs.manage": false,
    "health.models": false,
    "workQueue.view": false,
    "playbooks.manage": false,
  },
  member: {
    "accounts.list": false,
    "accounts.create": false,
    "accounts.export": false,
    "accounts.import": false,
    "staff.manage": false,
    "outbox.read": false,
    "templates.view": false,
    "templates.manage": false,
    "revenue.report": false,
    "training.adoption": false,
    "advocacy.view": false,
    "advocacy.manage": false,
    "telemetry.manage": false,
    "jobs.manage": false,
    "health.models": false,
    "workQueue.view": false,
    "playbooks.manage": false,
  },
};

const workspaceCases = Object.entries(WORKSPACE_MATRIX).flatMap(([role, byAction]) =>
  Object.entries(byAction).map(([action, allowed]) => ({
    role: role as Role,
    action: action as WorkspaceAction,
    allowed,
  })),
);

describe("canInWorkspace", () => {
  it("covers every role × action", () => {
    expect(workspaceCases).toHaveLength(5 * 17);
  });

  it.each(workspaceCases)("$role, $action → $allowed", ({ role, action, allowed }) => {
    expect(canInWorkspace(actorFor(role), action)).toBe(allowed);
  });
});
