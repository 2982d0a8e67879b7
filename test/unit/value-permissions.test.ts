import { describe, expect, it } from "vitest";
import type { Actor } from "~/domain/auth/actor";
import { VALUE_ACTIONS, type ValueAction, canOnValue } from "~/domain/value/value-permissions";

const OWN = "ownaccountaaaaaa";
const OTHER = "otheraccountbbbb";
type Role = "admin" | "csm" | "marketing" | "champion" | "member" | "outsider" | "outsiderMember";

function actorFor(role: Role): Actor {
  const base = {
    id: `${role}xxxxxxxxxxxxxxxx`.slice(0, 16),
    email: `${role}@test.example`,
    name: role,
    locale: "en",
    timeZone: "UTC",
  };
  if (role === "champion" || role === "member") return { ...base, kind: "customer", accountId: OWN, accountRole: role };
  if (role === "outsider") return { ...base, kind: "customer", accountId: OTHER, accountRole: "champion" };
  if (role === "outsiderMember") return { ...base, kind: "customer", accountId: OTHER, accountRole: "member" };
  return { ...base, kind: "staff", staffRole: role };
}

/** Who may do each action on the value of account OWN. */
const EXPECTED: Record<ValueAction, Role[]> = {
  "value.view": ["admin", "csm", "marketing", "champion", "member"],
  "metric.define": ["admin", "csm", "champion"],
  "measurement.record": ["admin", "csm", "champion"],
};

describe("canOnValue", () => {
  const roles: Role[] = ["admin", "csm", "marketing", "champion", "member", "outsider", "outsiderMember"];
  for (const action of VALUE_ACTIONS) {
    for (const role of roles) {
      const allowed = EXPECTED[action].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(canOnValue(actorFor(role), action, { accountId: OWN })).toBe(allowed);
      });
    }
  }
});
