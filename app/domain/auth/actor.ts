import type { AccountRole, StaffRole } from "~db/schema";

interface ActorBase {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
}

export type StaffActor = ActorBase & { kind: "staff"; staffRole: StaffRole };
export type CustomerActor = ActorBase & {
  kind: "customer";
  accountId: string;
  accountRole: AccountRole;
  /** Set when a staff member views the portal as this person (read-only): see auth/view-as.ts. */
  viewAs?: { staffUserId: string };
};
/** The signed-in person a request acts for. */
export type Actor = StaffActor | CustomerActor;

export function toActor(user: {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  staffRole: StaffRole | null;
  accountId: string | null;
  accountRole: AccountRole | null;
}): Actor {
  const base = { id: user.id, email: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone };
  if (user.staffRole) return { ...base, kind: "staff", staffRole: user.staffRole };
  if (user.accountId && user.accountRole) {
    return { ...base, kind: "customer", accountId: user.accountId, accountRole: user.accountRole };
  }
  throw new Error(`User ${user.id} is neither staff nor a member of an account`);
}

/** Where a person lands after signing in. */
export function homePath(actor: Actor): string {
  if (actor.kind === "customer") return `/accounts/${actor.accountId}`;
  // The portfolio is the CSM's start page (and the admin's, who watches the team); marketing starts at the list.
  return actor.staffRole === "marketing" ? "/accounts" : "/portfolio";
}
