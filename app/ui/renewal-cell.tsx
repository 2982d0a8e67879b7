import { useTranslation } from "react-i18next";
import { daysUntil, formatDate } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Cell } from "~/ui/table";

/** An account's renewal in a table of accounts: the date and how far off it is (amber within 90 days, red once passed). */
export function RenewalCell({ date, today, label }: { date: string; today: string; label?: string }) {
  const { t } = useTranslation("people");
  const locale = useRootData()?.locale ?? "en";
  const days = daysUntil(date, today);
  return (
    <Cell label={label}>
      <div>{formatDate(date, locale)}</div>
      <div className={`text-xs ${days < 0 ? "text-red-700" : days <= 90 ? "text-amber-700" : "text-slate-500"}`}>
        {days < 0 ? t("accounts.renewalPassed") : t("accounts.renewsIn", { count: days })}
      </div>
    </Cell>
  );
}
