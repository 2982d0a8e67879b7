import type { Actor } from "./actor";
import { canInWorkspace } from "./authorization";

type NavKey =
  | "accounts"
  | "portfolio"
  | "home"
  | "plan"
  | "value"
  | "myTasks"
  | "training"
  | "community"
  | "team"
  | "staff"
  | "telemetry"
  | "templates"
  | "advocacy"
  | "outbox"
  | "jobs"
  | "healthModels"
  | "workQueue"
  | "playbooks"
  | "settings";
export interface NavItem {
  key: NavKey;
  to: string;
  /** Workspace administration sits behind one "Admin" menu so the bar fits at 1366 px. */
  group?: "admin";
  /** Other sections the item stands for (highlighted there too): the portfolio holds the revenue pages. */
  alsoUnder?: string[];
}

/** The navigation that fits a person's role; areas that come later (plans, training…) add theirs here. */
export function navigationFor(actor: Actor, options: { outboxMode: boolean }): NavItem[] {
  if (actor.kind === "customer") {
    return [
      { key: "home", to: `/accounts/${actor.accountId}` },
      { key: "plan", to: `/accounts/${actor.accountId}/plan` },
      { key: "value", to: `/accounts/${actor.accountId}/value` },
      { key: "myTasks", to: "/my-tasks" },
      { key: "training", to: "/training" },
      { key: "community", to: "/community" },
      { key: "team", to: `/accounts/${actor.accountId}/people` },
      { key: "settings", to: "/settings" },
    ];
  }
  const items: NavItem[] = [];
  // Renewals and retention are tabs of the portfolio: one item, so an admin's bar fits at 1366 px.
  if (canInWorkspace(actor, "revenue.report"))
    items.push({ key: "portfolio", to: "/portfolio", alsoUnder: ["/revenue"] });
  items.push({ key: "accounts", to: "/accounts" }, { key: "myTasks", to: "/my-tasks" });
  if (canInWorkspace(actor, "workQueue.view")) items.push({ key: "workQueue", to: "/work-queue" });
  if (canInWorkspace(actor, "training.adoption")) items.push({ key: "training", to: "/training/adoption" });
  items.push({ key: "community", to: "/community" });
  if (canInWorkspace(actor, "templates.view")) items.push({ key: "templates", to: "/templates" });
  if (canInWorkspace(actor, "advocacy.view")) items.push({ key: "advocacy", to: "/advocacy" });
  if (canInWorkspace(actor, "staff.manage")) items.push({ key: "staff", to: "/staff", group: "admin" });
  if (canInWorkspace(actor, "telemetry.manage"))
    items.push({ key: "telemetry", to: "/telemetry/write-keys", group: "admin" });
  if (options.outboxMode && canInWorkspace(actor, "outbox.read"))
    items.push({ key: "outbox", to: "/outbox", group: "admin" });
  if (canInWorkspace(actor, "health.models")) items.push({ key: "healthModels", to: "/health/models", group: "admin" });
  if (canInWorkspace(actor, "playbooks.manage")) items.push({ key: "playbooks", to: "/playbooks", group: "admin" });
  if (canInWorkspace(actor, "jobs.manage")) items.push({ key: "jobs", to: "/jobs", group: "admin" });
  items.push({ key: "settings", to: "/settings" });
  return items;
}
