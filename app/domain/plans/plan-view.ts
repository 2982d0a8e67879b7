import type { TaskSide, TaskStatus } from "~db/schema";
import { daysUntil } from "~/lib/format";
import { type MilestoneStatus, milestoneStatus } from "./milestone-status";
import { isTaskOverdue, milestoneProgress, nextMilestone, planProgress } from "./progress";

/**
 * What the plan page shows: one plan of one account as the caller may see it (no internal tasks
 * for customer people). Dates are "YYYY-MM-DD", timestamps ISO strings. Progress, statuses and
 * counts are computed from the tasks in `tasks`, so what a person sees always adds up.
 */
export interface PlanView {
  plan: {
    id: string;
    name: string;
    startDate: string;
    templateName: string | null;
    isCurrent: boolean;
    version: number;
    /** When someone on the customer's side first opened the plan page (ISO), if anyone has. */
    customerOpenedAt?: string | null;
  };
  /** The account's calendar date. */
  today: string;
  outcomes: {
    id: string;
    title: string;
    why: string;
    successCriteria: string;
    ownerId: string | null;
    ownerName: string | null;
    targetDate: string | null;
    version: number;
  }[];
  milestones: {
    id: string;
    title: string;
    description: string;
    targetDate: string;
    outcomeId: string | null;
    status: MilestoneStatus;
    daysToTarget: number;
    taskCounts: { total: number; done: number; open: number; overdue: number; blocked: number };
    /** 0..1 */
    progress: number;
    vendorSignOff: { name: string; at: string } | null;
    customerSignOff: { name: string; at: string } | null;
    rating: number | null;
    ratingComment: string | null;
    version: number;
  }[];
  tasks: {
    id: string;
    milestoneId: string;
    title: string;
    notes: string;
    side: TaskSide;
    assigneeId: string | null;
    assigneeName: string | null;
    dueDate: string | null;
    status: TaskStatus;
    blockedReason: string | null;
    internal: boolean;
    overdue: boolean;
    version: number;
    /** A course the task requires (the training plan link); its trainees' progress is on the task's training page. */
    courseSlug?: string | null;
  }[];
  summary: {
    progress: number;
    milestonesAchieved: number;
    milestonesTotal: number;
    nextMilestone: { id: string; title: string; targetDate: string; daysToTarget: number } | null;
    overdueTasks: number;
    blockedTasks: number;
  };
}

export type PlanViewMilestone = PlanView["milestones"][number];
export type PlanViewTask = PlanView["tasks"][number];

/** A milestone as read from the database, before anything is derived from it. */
export type MilestoneRow = Omit<PlanViewMilestone, "status" | "daysToTarget" | "taskCounts" | "progress">;
export type TaskRow = Omit<PlanViewTask, "overdue">;

/**
 * Whether the customer's side has reviewed the plan: someone of theirs opened its page, or signed a
 * milestone off. The "Review your plan" first step.
 */
export function reviewedByCustomer(view: Pick<PlanView, "plan" | "milestones">): boolean {
  return Boolean(view.plan.customerOpenedAt) || view.milestones.some((milestone) => milestone.customerSignOff !== null);
}

/** Derives statuses, counts and progress: the pure half of getPlanView, given rows in display order. */
export function buildPlanView(input: {
  plan: PlanView["plan"];
  today: string;
  outcomes: PlanView["outcomes"];
  milestones: MilestoneRow[];
  tasks: TaskRow[];
}): PlanView {
  const { today } = input;
  const tasks = input.tasks.map((task) => ({ ...task, overdue: isTaskOverdue(task, today) }));
  const tasksByMilestone = new Map<string, PlanViewTask[]>();
  for (const task of tasks) {
    const list = tasksByMilestone.get(task.milestoneId);
    if (list) list.push(task);
    else tasksByMilestone.set(task.milestoneId, [task]);
  }

  const milestones = input.milestones.map((milestone): PlanViewMilestone => {
    const own = tasksByMilestone.get(milestone.id) ?? [];
    const achieved = milestone.vendorSignOff !== null && milestone.customerSignOff !== null;
    const done = own.filter((task) => task.status === "done").length;
    return {
      ...milestone,
      status: milestoneStatus(
        {
          targetDate: milestone.targetDate,
          vendorSignedAt: milestone.vendorSignOff?.at ?? null,
          customerSignedAt: milestone.customerSignOff?.at ?? null,
          tasks: own,
        },
        today,
      ),
      daysToTarget: daysUntil(milestone.targetDate, today),
      taskCounts: {
        total: own.length,
        done,
        open: own.length - done,
        overdue: own.filter((task) => task.overdue).length,
        blocked: own.filter((task) => task.status === "blocked").length,
      },
      progress: milestoneProgress({ achieved, tasks: own }),
    };
  });

  const next = nextMilestone(
    milestones.map((milestone) => ({ ...milestone, achieved: milestone.status === "achieved" })),
  );
  return {
    plan: input.plan,
    today,
    outcomes: input.outcomes,
    milestones,
    tasks,
    summary: {
      progress: planProgress(milestones.map((milestone) => milestone.progress)),
      milestonesAchieved: milestones.filter((milestone) => milestone.status === "achieved").length,
      milestonesTotal: milestones.length,
      nextMilestone: next
        ? { id: next.id, title: next.title, targetDate: next.targetDate, daysToTarget: next.daysToTarget }
        : null,
      overdueTasks: tasks.filter((task) => task.overdue).length,
      blockedTasks: tasks.filter((task) => task.status === "blocked").length,
    },
  };
}
