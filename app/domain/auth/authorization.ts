import type { Actor } from "./actor";

/**
 * The one authorization rule. Every loader and action asks it (through guards.server.ts).
 *
 * Account actions are about one customer account:
 * - `account.view`   see the account's pages (home, team list)
 * - `account.edit`   change its commercial details (segment, seats, renewal, owning CSM)
 * - `people.manage`  invite people, change their role, deactivate them
 * - `training.team`  see the team's training adoption (who finished which course)
 * - `training.link`  make a plan task require a course of some of the account's people
 * - `usage.view`     the account's product usage in full (the staff Usage tab: every product user, trends)
 * - `usage.team`     the team's adoption summary (the champion's own account; staff too)
 * - `health.view`    the staff Health tab: the score, its measures, the CSM pulse and the touches
 * - `health.manage`  set the CSM pulse and log touches (the staff who look after accounts)
 * - `revenue.view`   the staff Revenue tab: the subscription, its ARR and ledger (not marketing's business)
 * - `revenue.manage` add ledger entries, start a subscription, set a forecast, close a renewal
 * Workspace actions are about the vendor's workspace as a whole:
 * - `templates.view`   read the plan templates (marketing follows what plans promise)
 * - `templates.manage` create, edit, duplicate and delete plan templates (staff who plan)
 * - `training.adoption` the cross-account training adoption table
 * - `advocacy.view`    see the advocacy pipeline and NPS (every staff member: CSMs follow their accounts)
 * - `advocacy.manage`  move opportunities, configure ask rules and guardrails (marketing and admins)
 * - `telemetry.manage` create, rotate and revoke the product's write keys, name its key features (admins)
 * - `jobs.manage`      see the background jobs and retry failed ones (admins)
 * - `health.models`    edit the health scoring models and what customers see of their health (admins)
 * - `revenue.report`   the retention and renewals pages (admins and CSMs)
 * - `accounts.export`  the accounts, people and ledger CSV exports (they carry ARR: admins and CSMs)
 * - `accounts.import`  import accounts and people from CSV (a whole book of business, ARR included: admins)
 */
export type AccountAction =
  | "account.view"
  | "account.edit"
  | "people.manage"
  | "training.team"
  | "training.link"
  | "usage.view"
  | "usage.team"
  | "health.view"
  | "health.manage"
  | "revenue.view"
  | "revenue.manage";
export type WorkspaceAction =
  | "accounts.list"
  | "accounts.create"
  | "accounts.export"
  | "accounts.import"
  | "staff.manage"
  | "outbox.read"
  | "templates.view"
  | "templates.manage"
  | "training.adoption"
  | "advocacy.view"
  | "advocacy.manage"
  | "telemetry.manage"
  | "jobs.manage"
  | "health.models"
  | "revenue.report"
  | "workQueue.view"
  | "playbooks.manage";

export function canOnAccount(actor: Actor, action: AccountAction, accountId: string): boolean {
  if (actor.kind === "customer") {
    // A customer's world is their own account; everything else does not exist for them.
    if (actor.accountId !== accountId) return false;
    switch (action) {
      case "account.view":
        return true;
      case "people.manage":
      case "training.team":
      case "usage.team":
        return actor.accountRole === "champion";
      case "account.edit":
      case "training.link":
      case "usage.view":
      case "health.view":
      case "health.manage":
      case "revenue.view":
      case "revenue.manage":
        return false;
    }
  }
  switch (actor.staffRole) {
    case "admin":
      return true;
    // CSMs own accounts but cover for each other, so they may act on any account.
    case "csm":
      return true;
    case "marketing":
      // Marketing looks for advocates: it reads accounts and their training, and changes nothing.
      return (
        action === "account.view" ||
        action === "training.team" ||
        action === "usage.view" ||
        action === "usage.team" ||
        action === "health.view"
      );
  }
}

export function canInWorkspace(actor: Actor, action: WorkspaceAction): boolean {
  if (actor.kind === "customer") return false;
  switch (action) {
    case "accounts.list":
    case "templates.view":
    case "training.adoption":
    case "advocacy.view":
      return true;
    case "advocacy.manage":
      return actor.staffRole === "admin" || actor.staffRole === "marketing";
    case "accounts.create":
    case "accounts.export":
    case "templates.manage":
    case "revenue.report":
    case "workQueue.view":
      return actor.staffRole === "admin" || actor.staffRole === "csm";
    case "accounts.import":
    case "staff.manage":
    case "outbox.read":
    case "telemetry.manage":
    case "jobs.manage":
    case "health.models":
    case "playbooks.manage":
      return actor.staffRole === "admin";
  }
}

/**
 * Whether a refusal may admit the resource exists. Customers asking about another account get
 * 404; someone who may see the account but not do this to it gets 403.
 */
export function refusalStatus(actor: Actor, accountId: string): 403 | 404 {
  return canOnAccount(actor, "account.view", accountId) ? 403 : 404;
}
