import type { Actor } from "~/domain/auth/actor";
import type { StaffRole, TaskSide } from "~db/schema";

/**
 * Who may do what on a joint success plan. Like authorization.ts, a pure rule: routes ask it after
 * the account guard (which already answers 404 to customers of another account), and it still says
 * no to them on its own.
 *
 * - `plan.view`            see the plan, its milestones, tasks and comments
 * - `plan.create`          apply a template / create a plan
 * - `plan.edit`            rename the plan, make it current; add, edit, reorder and delete outcomes and milestones
 * - `milestone.sign_off`   sign a milestone off for one side (context: which side)
 * - `milestone.rate`       rate a milestone 1–5 (the champion, when confirming it)
 * - `task.create`          add a task under a milestone (context: the new task's side and internal flag)
 * - `task.edit`            change a task's title, notes, dates, status (asked of the task as it is and as it would be)
 * - `task.delete`          delete a task
 * - `task.move`            move a task up or down among its milestone's tasks (as editing it)
 * - `task.assign`          give a task to someone (context: the task and the assignee, or null to unassign)
 * - `task.complete`        mark a task done
 * - `internal.view`        see internal tasks, notes and comments
 * - `comment`              comment on a milestone or task (context: whether the comment is internal)
 */
export type PlanAction =
  | "plan.view"
  | "plan.create"
  | "plan.edit"
  | "milestone.sign_off"
  | "milestone.rate"
  | "task.create"
  | "task.edit"
  | "task.delete"
  | "task.move"
  | "task.assign"
  | "task.complete"
  | "internal.view"
  | "comment";

export const PLAN_ACTIONS: readonly PlanAction[] = [
  "plan.view",
  "plan.create",
  "plan.edit",
  "milestone.sign_off",
  "milestone.rate",
  "task.create",
  "task.edit",
  "task.delete",
  "task.move",
  "task.assign",
  "task.complete",
  "internal.view",
  "comment",
];

export interface PlanTaskRef {
  side: TaskSide;
  assigneeId: string | null;
  internal: boolean;
}

/** A person a task may be given to, as stored (staff have no account; customers no staff role). */
export interface AssigneeRef {
  staffRole: StaffRole | null;
  accountId: string | null;
  active: boolean;
}

/** An action that needs nothing besides the plan's account. */
type NoContext = Record<never, never>;

/** What each action needs to know besides the plan's account. */
interface PlanActionContexts {
  "plan.view": NoContext;
  "plan.create": NoContext;
  "plan.edit": NoContext;
  "milestone.sign_off": { side: TaskSide };
  "milestone.rate": NoContext;
  "task.create": { side: TaskSide; internal: boolean };
  "task.edit": { task: PlanTaskRef };
  "task.delete": { task: PlanTaskRef };
  "task.move": { task: PlanTaskRef };
  "task.assign": { task: PlanTaskRef; assignee: AssigneeRef | null };
  "task.complete": { task: PlanTaskRef };
  "internal.view": NoContext;
  comment: { internal: boolean };
}

export type PlanContext<A extends PlanAction> = { accountId: string } & PlanActionContexts[A];

function isPlanner(actor: Actor): boolean {
  return actor.kind === "staff" && (actor.staffRole === "admin" || actor.staffRole === "csm");
}

/**
 * Someone a task of `side` on a plan of `accountId` can go to: an active person of that side —
 * a CSM or admin for vendor tasks (marketing only watches plans), a person of the plan's account
 * for customer tasks.
 */
function isOnSide(assignee: AssigneeRef, side: TaskSide, accountId: string): boolean {
  if (!assignee.active) return false;
  if (side === "vendor") return assignee.staffRole === "admin" || assignee.staffRole === "csm";
  return assignee.staffRole === null && assignee.accountId === accountId;
}

export function canOnPlan<A extends PlanAction>(actor: Actor, action: A, context: PlanContext<A>): boolean {
  // A customer's world is their own account; another account's plan doesn't exist for them.
  if (actor.kind === "customer" && actor.accountId !== context.accountId) return false;
  // Marketing follows plans (for advocacy) but never changes them.
  if (actor.kind === "staff" && actor.staffRole === "marketing")
    return action === "plan.view" || action === "internal.view";
  const champion = actor.kind === "customer" && actor.accountRole === "champion";

  switch (action) {
    case "plan.view":
      return true;
    case "plan.create":
    case "plan.edit":
      return isPlanner(actor);
    case "internal.view":
      return actor.kind === "staff";
    case "milestone.sign_off": {
      const { side } = context as PlanContext<"milestone.sign_off">;
      return side === "vendor" ? isPlanner(actor) : champion;
    }
    case "milestone.rate":
      return champion;
    case "comment": {
      const { internal } = context as PlanContext<"comment">;
      return internal ? actor.kind === "staff" : true;
    }
    case "task.create": {
      // Champions run the customer side; internal tasks are vendor-only whoever asks.
      const { side, internal } = context as PlanContext<"task.create">;
      if (internal && side !== "vendor") return false;
      return isPlanner(actor) || (champion && side === "customer" && !internal);
    }
    case "task.edit":
    case "task.delete":
    case "task.move":
    case "task.assign":
    case "task.complete": {
      const { task } = context as PlanContext<"task.edit">;
      // Internal tasks don't exist for customers.
      if (task.internal && actor.kind === "customer") return false;
      if (action === "task.complete" && task.assigneeId === actor.id) return true;
      const mayEdit = isPlanner(actor) || (champion && task.side === "customer");
      if (action !== "task.assign") return mayEdit;
      const { assignee } = context as PlanContext<"task.assign">;
      return mayEdit && (assignee === null || isOnSide(assignee, task.side, context.accountId));
    }
  }
}
