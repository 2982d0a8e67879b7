import type { Actor } from "~/domain/auth/actor";

/**
 * Who may do what with a plan's value metrics. A pure rule, asked after the account guard:
 * - `value.view`          see metrics, measurements and ROI (everyone on the account, all staff)
 * - `metric.define`       add, change or remove a metric (the champion, who owns the numbers, and CSMs/admins)
 * - `measurement.record`  record a measurement (the same people; members read them)
 */
export type ValueAction = "value.view" | "metric.define" | "measurement.record";
export const VALUE_ACTIONS: readonly ValueAction[] = ["value.view", "metric.define", "measurement.record"];

export function canOnValue(actor: Actor, action: ValueAction, context: { accountId: string }): boolean {
  if (actor.kind === "customer") {
    if (actor.accountId !== context.accountId) return false;
    return action === "value.view" || actor.accountRole === "champion";
  }
  return action === "value.view" || actor.staffRole === "admin" || actor.staffRole === "csm";
}
