import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~db/client.server";
import { type Account, type User, sessions } from "~db/schema";
import { createAccount, createCustomer, createStaff, sessionCookie, signedInRequest } from "~db/seed/factories";
import type { AccountAction, WorkspaceAction } from "~/domain/auth/authorization";
import { requireAccountAccess, requireActor, requireWorkspace } from "~/domain/auth/guards.server";
import { startViewAs } from "~/domain/auth/view-as.server";
import { type StaffActor, toActor } from "~/domain/auth/actor";
import { thrownResponse } from "../support/responses";

type Role = "admin" | "csm" | "marketing" | "champion" | "member";
const ROLES: Role[] = ["admin", "csm", "marketing", "champion", "member"];
const ACTIONS: AccountAction[] = ["account.view", "account.edit", "people.manage", "training.team", "training.link"];

let own: Account;
let other: Account;
const people = {} as Record<Role, User>;

beforeAll(async () => {
  people.admin = await createStaff("admin");
  people.csm = await createStaff("csm");
  people.marketing = await createStaff("marketing");
  // The CSM owns `own` but not `other`; customers belong to `own`.
  own = await createAccount({ csmId: people.csm.id });
  other = await createAccount();
  people.champion = await createCustomer(own.id, "champion");
  people.member = await createCustomer(own.id, "member");
  // Someone in the other account, so it is a real, populated account.
  await createCustomer(other.id, "champion");
});

/** What the guard answers, written out by hand: "ok", or the status of the thrown Response. */
const EXPECTED: Record<Role, Record<"own" | "other", Record<AccountAction, "ok" | 403 | 404>>> = {
  admin: {
    own: {
      "account.view": "ok",
      "account.edit": "ok",
      "people.manage": "ok",
      "training.team": "ok",
      "training.link": "ok",
      "usage.view": "ok",
      "usage.team": "ok",
      "health.view": "ok",
      "health.manage": "ok",
      "revenue.view": "ok",
      "revenue.manage": "ok",
    },
    other: {
      "account.view": "ok",
      "account.edit": "ok",
      "people.manage": "ok",
      "training.team": "ok",
      "training.link": "ok",
      "usage.view": "ok",
      "usage.team": "ok",
      "health.view": "ok",
      "health.manage": "ok",
      "revenue.view": "ok",
      "revenue.manage": "ok",
    },
  },
  csm: {
    own: {
      "account.view": "ok",
      "account.edit": "ok",
      "people.manage": "ok",
      "training.team": "ok",
      "training.link": "ok",
      "usage.view": "ok",
      "usage.team": "ok",
      "health.view": "ok",
      "health.manage": "ok",
      "revenue.view": "ok",
      "revenue.manage": "ok",
    },
    other: {
      "account.view": "ok",
      "account.edit": "ok",
      "people.manage": "ok",
      "training.team": "ok",
      "training.link": "ok",
      "usage.view": "ok",
      "usage.team": "ok",
      "health.view": "ok",
      "health.manage": "ok",
      "revenue.view": "ok",
      "revenue.manage": "ok",
    },
  },
  marketing: {
    own: {
      "account.view": "ok",
      "account.edit": 403,
      "people.manage": 403,
      "training.team": "ok",
      "training.link": 403,
      "usage.view": "ok",
      "usage.team": "ok",
      "health.view": "ok",
      "health.manage": 403,
      "revenue.view": 403,
      "revenue.manage": 403,
    },
    other: {
      "account.view": "ok",
      "account.edit": 403,
      "people.manage": 403,
      "training.team": "ok",
      "training.link": 403,
      "usage.view": "ok",
      "usage.team": "ok",
      "health.view": "ok",
      "health.manage": 403,
      "revenue.view": 403,
      "revenue.manage": 403,
    },
  },
  champion: {
    own: {
      "account.view": "ok",
      "account.edit": 403,
      "people.manage": "ok",
      "training.team": "ok",
      "training.link": 403,
      "usage.view": 403,
      "usage.team": "ok",
      "health.view": 403,
      "health.manage": 403,
      "revenue.view": 403,
      "revenue.manage": 403,
    },
    other: {
      "account.view": 404,
      "account.edit": 404,
      "people.manage": 404,
      "training.team": 404,
      "training.link": 404,
      "usage.view": 404,
      "usage.team": 404,
      "health.view": 404,
      "health.manage": 404,
      "revenue.view": 404,
      "revenue.manage": 404,
    },
  },
  member: {
    own: {
      "account.view": "ok",
      "account.edit": 403,
      "people.manage": 403,
      "training.team": 403,
      "training.link": 403,
      "usage.view": 403,
      "usage.team": 403,
      "health.view": 403,
      "health.manage": 403,
      "revenue.view": 403,
      "revenue.manage": 403,
    },
    other: {
      "account.view": 404,
      "account.edit": 404,
      "people.manage": 404,
      "training.team": 404,
      "training.link": 404,
      "usage.view": 404,
      "usage.team": 404,
      "health.view": 404,
      "health.manage": 404,
      "revenue.view": 404,
      "revenue.manage": 404,
    },
  },
};

const cases = ROLES.flatMap((role) =>
  (["own", "other"] as const).flatMap((scope) =>
    ACTIONS.map((action) => ({ role, scope, action, expected: EXPECTED[role][scope][action] })),
  ),
);

describe("requireAccountAccess", () => {
  it.each(cases)("$role on the $scope account, $action → $expected", async ({ role, scope, action, expected }) => {
    const account = scope === "own" ? own : other;
    const request = await signedInRequest(people[role].id, `http://localhost/accounts/${account.id}`);
    const pending = requireAccountAccess(request, account.id, action);
    if (expected === "ok") {
      const result = await pending;
      expect(result.account.id).toBe(account.id);
      expect(result.account.name).toBe(account.name);
      expect(result.actor.id).toBe(people[role].id);
    } else {
      const response = await thrownResponse(pending);
      expect(response.status).toBe(expected);
    }
  });

  it("returns the account summary with its counts and owner", async () => {
    const request = await signedInRequest(people.champion.id);
    const { account } = await requireAccountAccess(request, own.id, "account.view");
    expect(account).toMatchObject({
      id: own.id,
      csmId: people.csm.id,
      csmName: people.csm.name,
      activePeople: 2,
      pendingInvitations: 0,
    });
  });

  it.each(["../x", "123", "", "OWNACCOUNTAAAAAA", "abcdefghijklmnop/../x", undefined])(
    "answers 404 for the malformed id %j, even to an admin",
    async (accountId) => {
      const request = await signedInRequest(people.admin.id);
      const response = await thrownResponse(requireAccountAccess(request, accountId, "account.view"));
      expect(response.status).toBe(404);
    },
  );

  it("answers 404 for a well-formed id that matches no account", async () => {
    const request = await signedInRequest(people.admin.id);
    const response = await thrownResponse(requireAccountAccess(request, "zzzzzzzzzzzzzzzz", "account.view"));
    expect(response.status).toBe(404);
  });

  it("sends a visitor who is not signed in to the sign-in page, remembering where they were going", async () => {
    const request = new Request(`http://localhost/accounts/${own.id}/people?tab=invited`);
    const response = await thrownResponse(requireAccountAccess(request, own.id, "account.view"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(
      `/login?redirectTo=${encodeURIComponent(`/accounts/${own.id}/people?tab=invited`)}`,
    );
  });

  it("sends a visitor to plain /login from the home page", async () => {
    const response = await thrownResponse(requireActor(new Request("http://localhost/")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
  });

  it("treats an unknown or forged session cookie as not signed in", async () => {
    for (const cookie of ["tandem_session=forged-session-id", "tandem_session=", "other=1"]) {
      const request = new Request("http://localhost/accounts", { headers: { Cookie: cookie } });
      const response = await thrownResponse(requireWorkspace(request, "accounts.list"));
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Faccounts");
    }
  });
});

/*
 * Viewing as a customer: on the viewed account a staff member gets exactly the customer's answers
 * (reading only: every POST is 403); another account's pages are the staff member's own.
 */
const viewAsCases = (["admin", "csm", "marketing"] as const).flatMap((viewer) =>
  (["champion", "member"] as const).flatMap((as) =>
    (["own", "other"] as const).flatMap((scope) =>
      ACTIONS.map((action) => ({
        viewer,
        as,
        scope,
        action,
        expected: scope === "own" ? EXPECTED[as].own[action] : EXPECTED[viewer].other[action],
      })),
    ),
  ),
);

describe("requireAccountAccess while viewing as a customer", () => {
  async function viewing(viewer: Role, as: Role, path: string, init: RequestInit = {}) {
    const started = await startViewAs(toActor(people[viewer]) as StaffActor, own.id, people[as].id);
    if (!started.ok) throw new Error(started.error);
    const cookie = `${await sessionCookie(people[viewer].id)}; ${started.setCookie.split(";")[0]}`;
    return new Request(`http://localhost${path}`, { ...init, headers: { Cookie: cookie } });
  }

  it.each(viewAsCases)(
    "$viewer viewing as the $as, on the $scope account, $action → $expected",
    async ({ viewer, as, scope, action, expected }) => {
      const account = scope === "own" ? own : other;
      const pending = requireAccountAccess(await viewing(viewer, as, `/accounts/${account.id}`), account.id, action);
      if (expected === "ok") {
        const result = await pending;
        expect(result.actor.id).toBe(people[scope === "own" ? as : viewer].id);
      } else {
        expect((await thrownResponse(pending)).status).toBe(expected);
      }
    },
  );

  it.each(ACTIONS)("a POST while viewing as the champion, %s → 403", async (action) => {
    const request = await viewing("csm", "champion", `/accounts/${own.id}`, { method: "POST", body: "x=1" });
    expect((await thrownResponse(requireAccountAccess(request, own.id, action))).status).toBe(403);
  });
});

const WORKSPACE: Record<Role, Record<WorkspaceAction, "ok" | 404>> = {
  admin: {
    "accounts.list": "ok",
    "accounts.create": "ok",
    "accounts.export": "ok",
    "accounts.import": "ok",
    "staff.manage": "ok",
    "outbox.read": "ok",
    "templates.view": "ok",
    "templates.manage": "ok",
    "revenue.report": "ok",
    "training.adoption": "ok",
    "advocacy.view": "ok",
    "advocacy.manage": "ok",
    "telemetry.manage": "ok",
    "jobs.manage": "ok",
    "health.models": "ok",
    "workQueue.view": "ok",
    "playbooks.manage": "ok",
  },
  csm: {
    "accounts.list": "ok",
    "accounts.create": "ok",
    "accounts.export": "ok",
    "accounts.import": 404,
    "staff.manage": 404,
    "outbox.read": 404,
    "templates.view": "ok",
    "templates.manage": "ok",
    "revenue.report": "ok",
    "training.adoption": "ok",
    "advocacy.view": "ok",
    "advocacy.manage": 404,
    "telemetry.manage": 404,
    "jobs.manage": 404,
    "health.models": 404,
    "workQueue.view": "ok",
    "playbooks.manage": 404,
  },
  marketing: {
    "accounts.list": "ok",
    "accounts.create": 404,
    "accounts.export": 404,
    "accounts.import": 404,
    "staff.manage": 404,
    "outbox.read": 404,
    "templates.view": "ok",
    "templates.manage": 404,
    "revenue.report": 404,
    "training.adoption": "ok",
    "advocacy.view": "ok",
    "advocacy.manage": "ok",
    "telemetry.manage": 404,
    "jobs.manage": 404,
    "health.models": 404,
    "workQueue.view": 404,
    "playbooks.manage": 404,
  },
  champion: {
    "accounts.list": 404,
    "accounts.create": 404,
    "accounts.export": 404,
    "accounts.import": 404,
    "staff.manage": 404,
    "outbox.read": 404,
    "templates.view": 404,
    "templates.manage": 404,
    "revenue.report": 404,
    "training.adoption": 404,
    "advocacy.view": 404,
    "advocacy.manage": 404,
    "telemetry.manage": 404,
    "jobs.manage": 404,
    "health.models": 404,
    "workQueue.view": 404,
    "playbooks.manage": 404,
  },
  member: {
    "accounts.list": 404,
    "accounts.create": 404,
    "accounts.export": 404,
    "accounts.import": 404,
    "staff.manage": 404,
    "outbox.read": 404,
    "templates.view": 404,
    "templates.manage": 404,
    "revenue.report": 404,
    "training.adoption": 404,
    "advocacy.view": 404,
    "advocacy.manage": 404,
    "telemetry.manage": 404,
    "jobs.manage": 404,
    "health.models": 404,
    "workQueue.view": 404,
    "playbooks.manage": 404,
  },
};

const workspaceCases = ROLES.flatMap((role) =>
  (Object.keys(WORKSPACE[role]) as WorkspaceAction[]).map((action) => ({
    role,
    action,
    expected: WORKSPACE[role][action],
  })),
);

describe("requireWorkspace", () => {
  it.each(workspaceCases)("$role, $action → $expected", async ({ role, action, expected }) => {
    const request = await signedInRequest(people[role].id, "http://localhost/accounts");
    const pending = requireWorkspace(request, action);
    if (expected === "ok") {
      const actor = await pending;
      expect(actor).toMatchObject({ kind: "staff", id: people[role].id, staffRole: role });
    } else {
      expect((await thrownResponse(pending)).status).toBe(expected);
    }
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const response = await thrownResponse(requireWorkspace(new Request("http://localhost/staff"), "staff.manage"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fstaff");
  });
});

describe("sessions of deactivated people", () => {
  it("no longer authenticate, even though the session row is still there", async () => {
    const person = await createCustomer(own.id, "member");
    const cookieRequest = await signedInRequest(person.id, `http://localhost/accounts/${own.id}`);
    const cookie = cookieRequest.headers.get("Cookie")!;
    await expect(requireAccountAccess(cookieRequest, own.id, "account.view")).resolves.toMatchObject({
      account: { id: own.id },
    });

    await db.execute(sql`update users set deactivated_at = now() where id = ${person.id}`);
    expect(await db.$count(sessions, eq(sessions.userId, person.id))).toBe(1);

    // A new Request: the guard caches the session per request object.
    const later = new Request(`http://localhost/accounts/${own.id}`, { headers: { Cookie: cookie } });
    const response = await thrownResponse(requireAccountAccess(later, own.id, "account.view"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/accounts/${own.id}`)}`);
  });

  it("applies to staff too", async () => {
    const person = await createStaff("admin");
    const request = await signedInRequest(person.id, "http://localhost/staff");
    const cookie = request.headers.get("Cookie")!;
    await expect(requireWorkspace(request, "staff.manage")).resolves.toMatchObject({ id: person.id });
    await db.execute(sql`update users set deactivated_at = now() where id = ${person.id}`);
    const later = new Request("http://localhost/staff", { headers: { Cookie: cookie } });
    expect((await thrownResponse(requireWorkspace(later, "staff.manage"))).status).toBe(302);
  });
});
