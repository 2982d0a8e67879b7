import { useTranslation } from "react-i18next";
import type { PlanView } from "~/domain/plans/plan-view";
import { daysUntil, formatDate } from "~/lib/format";
import { Card } from "~/ui/layout";
import { MilestoneStatusBadge } from "~/ui/plans/status-badge";

const DOT = {
  upcoming: "bg-slate-400",
  on_track: "bg-green-600",
  at_risk: "bg-amber-500",
  stalled: "bg-red-600",
  achieved: "bg-brand-600",
} as const;

/**
 * Milestones on a line from the plan's start to its last target, with a marker for today. The line
 * is decoration (aria-hidden); the ordered list under it carries the same facts for everyone.
 */
export function Timeline({ view, locale }: { view: PlanView; locale: string }) {
  const { t } = useTranslation("plans");
  const start = view.plan.startDate;
  const dates = view.milestones.map((m) => m.targetDate);
  const end = dates.reduce((latest, date) => (date > latest ? date : latest), view.today > start ? view.today : start);
  const span = Math.max(1, daysUntil(end, start));
  const position = (date: string) => `${Math.min(100, Math.max(0, (daysUntil(date, start) / span) * 100))}%`;

  return (
    <Card title={t("timeline.title")}>
      <div aria-hidden className="relative mx-2 mb-8 mt-6 h-1 rounded bg-slate-200">
        {view.milestones.map((milestone) => (
          <span
            key={milestone.id}
            className={`absolute top-1/2 h-3.5 w-3.5 -translate-x-1/2 -translate-y-1/2 rounded-full ring-2 ring-white ${DOT[milestone.status]}`}
            style={{ left: position(milestone.targetDate) }}
            title={milestone.title}
          />
        ))}
        <span
          className="absolute -top-3 bottom-[-0.75rem] w-0.5 -translate-x-1/2 bg-slate-900"
          style={{ left: position(view.today) }}
        >
          <span className="absolute left-1/2 top-6 -translate-x-1/2 whitespace-nowrap text-xs font-medium text-slate-900">
            {t("timeline.today")}
          </span>
        </span>
      </div>
      <ol className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {view.milestones.map((milestone) => (
          <li key={milestone.id} className="flex items-start gap-2">
            <span aria-hidden className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${DOT[milestone.status]}`} />
            <div>
              <a href={`#milestone-${milestone.id}`} className="text-sm font-medium text-slate-900 hover:underline">
                {milestone.title}
              </a>
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <time dateTime={milestone.targetDate}>{formatDate(milestone.targetDate, locale)}</time>
                <MilestoneStatusBadge status={milestone.status} />
              </div>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
