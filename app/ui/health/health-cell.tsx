import { useTranslation } from "react-i18next";
import { HEALTH_DROP_POINTS } from "~/domain/health/schemas";
import { GradeBadge } from "./grade-badge";

/** An account's health in a table of accounts: score, grade and, when it fell, by how much in 30 days. */
export function HealthCell({
  health,
}: {
  health: { score: number | null; grade: "red" | "yellow" | "green" | null; drop30: number | null };
}) {
  const { t } = useTranslation(["people", "health"]);
  if (health.score === null || health.grade === null) {
    return <span className="text-slate-500">{t("health:noData")}</span>;
  }
  return (
    <div>
      <div className="flex items-center gap-2">
        <span className="font-medium tabular-nums">{health.score}</span>
        <GradeBadge grade={health.grade} />
      </div>
      {health.drop30 !== null && health.drop30 >= HEALTH_DROP_POINTS ? (
        <div className="text-xs text-red-700">{t("accounts.healthDropped", { points: health.drop30 })}</div>
      ) : null}
    </div>
  );
}
