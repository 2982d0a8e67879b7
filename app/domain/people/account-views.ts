import type { AccountSummary } from "./accounts.server";

/**
 * What the account home shows of an account, per side. Loader data is shipped to the browser, so a
 * customer's copy carries only what their page renders: never the annual cost, the CSM's id, the
 * row version (the edit form's, staff only) or the seat and renewal facts of the staff panel.
 */
export function customerAccountHome(account: AccountSummary) {
  return { view: "customer" as const, id: account.id, name: account.name, csmName: account.csmName };
}

/**
 * The customer's "Your CSM" card: name, title, email and booking link, or null with no CSM. A CSM
 * who has left (deactivated) keeps their name there but not the ways to reach them.
 */
export function customerCsmCard(account: AccountSummary) {
  if (!account.csmName) return null;
  const reachable = account.csmActive;
  return {
    name: account.csmName,
    title: account.csmTitle ?? "",
    email: reachable ? account.csmEmail : null,
    meetingUrl: reachable ? account.csmMeetingUrl : null,
  };
}

/** The staff overview panel: the account's facts (the cost and version stay with the edit form). */
export function staffAccountHome(account: AccountSummary) {
  return {
    view: "staff" as const,
    id: account.id,
    name: account.name,
    csmName: account.csmName,
    segmentName: account.segmentName,
    industry: account.industry,
    region: account.region,
    licensedSeats: account.licensedSeats,
    activePeople: account.activePeople,
    pendingInvitations: account.pendingInvitations,
    renewalDate: account.renewalDate,
    timeZone: account.timeZone,
  };
}
