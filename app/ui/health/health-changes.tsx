import { useTranslation } from "react-i18next";
import type { Change } from "~/domain/health/trend";
import { formatNumber } from "~/lib/format";
import { useRootData } from "~/lib/root-data";

const ARROWS = { up: "▲", down: "▼", flat: "▶" } as const;
const COLOURS = { up: "text-green-700", down: "text-red-700", flat: "text-slate-600" } as const;

/** The score's change against 7 and 30 days ago, in words (the arrow only repeats them), or "no data" then. */
export function HealthChanges({ changes, compact = false }: { changes: readonly Change[]; compact?: boolean }) {
  const { t } = useTranslation("health");
  const locale = useRootData()?.locale ?? "en";
  return (
    <ul aria-label={t("changes.label")} className={`flex flex-wrap gap-3 ${compact ? "text-xs" : "text-sm"}`}>
      {changes.map((change) => {
        if (change.delta === null) {
          return (
            <li key={change.days} className="text-slate-500">
              {t("changes.noData", { count: change.days })}
            </li>
          );
        }
        const way = change.delta > 0 ? "up" : change.delta < 0 ? "down" : "flat";
        return (
          <li key={change.days} className={COLOURS[way]}>
            <span aria-hidden>{ARROWS[way]} </span>
            {t(`changes.${way}`, { count: change.days, points: formatNumber(Math.abs(change.delta), locale) })}
          </li>
        );
      })}
    </ul>
  );
}
