import { useTranslation } from "react-i18next";
import type { PlanView } from "~/domain/plans/plan-view";
import { formatDate } from "~/lib/format";
import { Badge } from "~/ui/layout";

type MilestoneStatus = PlanView["milestones"][number]["status"];
type TaskStatus = PlanView["tasks"][number]["status"];

const MILESTONE_TONES = {
  upcoming: "neutral",
  on_track: "green",
  at_risk: "amber",
  stalled: "red",
  achieved: "brand",
} as const;
const TASK_TONES = { todo: "neutral", in_progress: "brand", blocked: "red", done: "green" } as const;

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  const { t } = useTranslation("plans");
  return <Badge tone={MILESTONE_TONES[status]}>{t(`status.${status}`)}</Badge>;
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation("plans");
  return <Badge tone={TASK_TONES[status]}>{t(`taskStatus.${status}`)}</Badge>;
}

/** "in 5 days", "due today", "3 days overdue". */
export function useDaysText() {
  const { t } = useTranslation("plans");
  return (days: number) =>
    days > 0
      ? t("glance.inDays", { count: days })
      : days === 0
        ? t("glance.dueToday")
        : t("glance.overdueDays", { count: -days });
}

/** A task's due date, "No due date", and an "Overdue" flag under it. */
export function TaskDue({ dueDate, overdue, locale }: { dueDate: string | null; overdue: boolean; locale: string }) {
  const { t } = useTranslation("plans");
  return (
    <>
      {dueDate ? formatDate(dueDate, locale) : <span className="text-slate-500">{t("tasks.noDueDate")}</span>}
      {overdue ? <div className="text-xs font-medium text-red-700">{t("tasks.overdue")}</div> : null}
    </>
  );
}
