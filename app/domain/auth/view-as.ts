import type { Actor } from "./actor";

/*
 * "View as customer": a staff member opens an account's portal as one of its people, read-only.
 * This file is the pure part (which pages honour it); view-as.server.ts reads the cookie and
 * resolves the actor, guards.server.ts applies both.
 */

/**
 * What a page does while a staff member views an account as a customer:
 * - `customer`: the page is the customer's (their account's pages, training, community reading) and
 *   resolves to the customer person's actor;
 * - `personal`: the customer's own pages (notifications, settings, my tasks, community profile)
 *   are refused — they are that person's, not the account's;
 * - `staff`: everything else (staff pages, other accounts) is the staff member's own view.
 */
export type ViewAsScope = "customer" | "personal" | "staff";

const PERSONAL = ["/notifications", "/settings", "/my-tasks", "/community/profile"];
const STAFF_UNDER_CUSTOMER = ["/training/adoption", "/community/moderation", "/community/reports", "/community/spaces"];

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The page a path stands for (a single-fetch `.data` request stands for its page). */
function pagePath(pathname: string): string {
  const path = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export function viewAsScope(pathname: string, accountId: string): ViewAsScope {
  const path = pagePath(pathname);
  if (path === "/") return "customer";
  if (PERSONAL.some((prefix) => under(path, prefix))) return "personal";
  if (STAFF_UNDER_CUSTOMER.some((prefix) => under(path, prefix))) return "staff";
  if (under(path, `/accounts/${accountId}`)) return "customer";
  if (under(path, "/training") || under(path, "/community")) return "customer";
  return "staff";
}

/** Only reading is possible while viewing as a customer. */
export function isReadRequest(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** Whether this actor is a customer being viewed by a staff member: loaders skip every write then. */
export function isViewAs(actor: Actor): boolean {
  return actor.kind === "customer" && actor.viewAs !== undefined;
}
