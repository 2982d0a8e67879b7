import { useTranslation } from "react-i18next";
import { Badge } from "~/ui/layout";

const HEALTH_TONES = { stalled: "red", at_risk: "amber", on_track: "green", completed: "brand" } as const;

/** A plan's status in a table of accounts: its badge, milestones achieved, overdue tasks. */
export function PlanStatusCell({
  plan,
}: {
  plan: { health: keyof typeof HEALTH_TONES; achieved: number; total: number; overdueTasks: number } | null;
}) {
  const { t } = useTranslation(["people", "plans"]);
  if (!plan) return <span className="text-slate-500">{t("accounts.noPlan")}</span>;
  return (
    <div>
      <Badge tone={HEALTH_TONES[plan.health]}>{t(`plans:health.${plan.health}`)}</Badge>
      <div className="text-xs text-slate-500">
        {t("plans:glance.milestones", { achieved: plan.achieved, total: plan.total })}
      </div>
      {plan.overdueTasks > 0 ? (
        <div className="text-xs text-red-700">{t("accounts.overdueTasks", { count: plan.overdueTasks })}</div>
      ) : null}
    </div>
  );
}
