import { useTranslation } from "react-i18next";
import type { PlanView } from "~/domain/plans/plan-view";
import { formatDate } from "~/lib/format";
import { ProgressBar } from "~/ui/progress";
import { useDaysText } from "./status-badge";

/** Where the customer stands, in four numbers. */
export function Glance({ summary, locale }: { summary: PlanView["summary"]; locale: string }) {
  const { t } = useTranslation("plans");
  const daysText = useDaysText();
  const next = summary.nextMilestone;
  return (
    <section aria-label={t("glance.label")} className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      <div className="col-span-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:col-span-1">
        <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("glance.progress")}</h2>
        <p className="mt-1 text-2xl font-semibold">
          {t("glance.progressValue", { percent: Math.round(summary.progress * 100) })}
        </p>
        <div className="mt-2">
          <ProgressBar value={summary.progress} label={t("glance.progress")} />
        </div>
        <p className="mt-2 text-xs text-slate-600">
          {t("glance.milestones", { achieved: summary.milestonesAchieved, total: summary.milestonesTotal })}
        </p>
      </div>
      <div className="col-span-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:col-span-1">
        <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("glance.next")}</h2>
        {next ? (
          <>
            <p className="mt-1 font-semibold text-slate-900">{next.title}</p>
            <p className={`text-sm ${next.daysToTarget < 0 ? "text-red-700" : "text-slate-600"}`}>
              {formatDate(next.targetDate, locale)} · {daysText(next.daysToTarget)}
            </p>
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("glance.nextNone")}</p>
        )}
      </div>
      <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("glance.overdue")}</h2>
        <p className={`mt-1 text-2xl font-semibold ${summary.overdueTasks > 0 ? "text-red-700" : ""}`}>
          {summary.overdueTasks}
        </p>
      </div>
      <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("glance.blocked")}</h2>
        <p className={`mt-1 text-2xl font-semibold ${summary.blockedTasks > 0 ? "text-amber-700" : ""}`}>
          {summary.blockedTasks}
        </p>
      </div>
    </section>
  );
}
