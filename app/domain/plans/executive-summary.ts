import { achievementOf } from "./milestone-status";
import { type PlanView, type PlanViewMilestone, type PlanViewTask, buildPlanView } from "./plan-view";

/** How many items each list of the one-page summary holds, so it stays one page. */
export const SUMMARY_LIMITS = { nextMilestones: 3, risks: 8, stepsPerSide: 5 } as const;

export interface ExecutiveSummary {
  summary: PlanView["summary"];
  outcomes: PlanView["outcomes"];
  achieved: { id: string; title: string; targetDate: string; achievedOn: string; daysEarly: number }[];
  next: Pick<PlanViewMilestone, "id" | "title" | "targetDate" | "daysToTarget" | "status">[];
  risks: (
    | { kind: "milestone"; id: string; title: string; status: "at_risk" | "stalled"; targetDate: string }
    | {
        kind: "task";
        id: string;
        title: string;
        side: PlanViewTask["side"];
        overdue: boolean;
        dueDate: string | null;
        blockedReason: string | null;
        assigneeName: string | null;
      }
  )[];
  nextSteps: Record<
    PlanViewTask["side"],
    Pick<PlanViewTask, "id" | "title" | "dueDate" | "assigneeName" | "overdue">[]
  >;
}

const byDue = (a: { dueDate: string | null }, b: { dueDate: string | null }) =>
  (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31");

/**
 * The quarterly-business-review page of a plan. It is a document the champion takes to their
 * executives, so internal items are left out for everyone — staff included — and every count is
 * recomputed without them.
 */
export function buildExecutiveSummary(view: PlanView, timeZone: string): ExecutiveSummary {
  const shared = buildPlanView({
    plan: view.plan,
    today: view.today,
    outcomes: view.outcomes,
    milestones: view.milestones,
    tasks: view.tasks.filter((task) => !task.internal),
  });
  const achieved = shared.milestones.flatMap((milestone) => {
    const done = achievementOf(
      {
        targetDate: milestone.targetDate,
        vendorSignedAt: milestone.vendorSignOff?.at ?? null,
        customerSignedAt: milestone.customerSignOff?.at ?? null,
      },
      timeZone,
    );
    return done
      ? [
          {
            id: milestone.id,
            title: milestone.title,
            targetDate: milestone.targetDate,
            achievedOn: done.achievedOn,
            daysEarly: done.daysEarly,
          },
        ]
      : [];
  });
  const open = shared.tasks.filter((task) => task.status !== "done");
  const milestoneRisks = shared.milestones
    .filter(
      (milestone): milestone is PlanViewMilestone & { status: "at_risk" | "stalled" } =>
        milestone.status === "at_risk" || milestone.status === "stalled",
    )
    .map((milestone) => ({
      kind: "milestone" as const,
      id: milestone.id,
      title: milestone.title,
      status: milestone.status,
      targetDate: milestone.targetDate,
    }));
  const taskRisks = open
    .filter((task) => task.overdue || task.status === "blocked")
    .sort(byDue)
    .map((task) => ({
      kind: "task" as const,
      id: task.id,
      title: task.title,
      side: task.side,
      overdue: task.overdue,
      dueDate: task.dueDate,
      blockedReason: task.status === "blocked" ? task.blockedReason : null,
      assigneeName: task.assigneeName,
    }));
  const steps = (side: PlanViewTask["side"]) =>
    open
      .filter((task) => task.side === side)
      .sort(byDue)
      .slice(0, SUMMARY_LIMITS.stepsPerSide)
      .map(({ id, title, dueDate, assigneeName, overdue }) => ({ id, title, dueDate, assigneeName, overdue }));

  return {
    summary: shared.summary,
    outcomes: shared.outcomes,
    achieved,
    next: shared.milestones
      .filter((milestone) => milestone.status !== "achieved")
      .slice(0, SUMMARY_LIMITS.nextMilestones)
      .map(({ id, title, targetDate, daysToTarget, status }) => ({ id, title, targetDate, daysToTarget, status })),
    risks: [...milestoneRisks, ...taskRisks].slice(0, SUMMARY_LIMITS.risks),
    nextSteps: { customer: steps("customer"), vendor: steps("vendor") },
  };
}
