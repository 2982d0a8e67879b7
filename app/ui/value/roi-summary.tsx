import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PlanRoi } from "~/domain/value/roi";
import { PERIODS_PER_YEAR } from "~/domain/value/roi";
import { formatFigure, formatMoney, formatNumber } from "~/lib/format";
import { Card } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export interface RoiInputMetric {
  id: string;
  name: string;
  unit: string;
  moneyPerUnit: number | null;
  valuePeriod: "week" | "month" | "quarter" | "year" | null;
  progress: { improvement: number };
  annualValue: number | null;
}

function Figure({ label, value, tone = "" }: { label: string; value: string; tone?: string }) {
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className={`mt-1 text-xl font-semibold ${tone}`}>{value}</dd>
    </div>
  );
}

/**
 * The plan's ROI with its formula and every input, so a finance person can check the sum by hand.
 * Shared by the value page and the printable executive summary.
 */
export function RoiSummary({
  roi,
  metrics,
  currency,
  locale,
  costLink,
  isStaff,
  expanded = false,
}: {
  roi: PlanRoi;
  metrics: RoiInputMetric[];
  currency: string;
  locale: string;
  /** Where staff enter the cost; null for people who can't. */
  costLink: string | null;
  isStaff: boolean;
  /** Show the formula and inputs open (the printed summary has no disclosure to click). */
  expanded?: boolean;
}) {
  const { t } = useTranslation("value");
  const money = (value: number) => formatMoney(value, currency, locale);
  const na = t("roi.notAvailable");
  const payback =
    roi.paybackMonths === null
      ? t("roi.paybackNone")
      : roi.paybackMonths === 0
        ? t("roi.paybackNow")
        : t("roi.paybackValue", { count: Math.round(roi.paybackMonths * 10) / 10 });
  const counted = metrics.filter((metric) => metric.annualValue !== null);

  return (
    <Card title={t("roi.title")}>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure
          label={t("roi.valuePerYear")}
          value={money(roi.annualValue)}
          tone={roi.annualValue < 0 ? "text-red-700" : "text-slate-900"}
        />
        <Figure label={t("roi.costPerYear")} value={roi.annualCost === null ? na : money(roi.annualCost)} />
        <Figure
          label={t("roi.roi")}
          value={roi.roiPercent === null ? na : t("roi.roiValue", { percent: Math.round(roi.roiPercent) })}
          tone={
            roi.roiPercent !== null && roi.roiPercent >= 0
              ? "text-green-700"
              : roi.roiPercent !== null
                ? "text-red-700"
                : ""
          }
        />
        <Figure label={t("roi.payback")} value={payback} />
      </dl>
      <div className="mt-3 space-y-1 text-sm text-slate-600">
        {roi.annualCost === null ? (
          <p>
            {isStaff ? t("roi.costMissingStaff") : t("roi.costMissingCustomer")}{" "}
            {costLink ? (
              <Link to={costLink} className="font-medium text-brand-700 hover:underline print:hidden">
                {t("roi.editCost")}
              </Link>
            ) : null}
          </p>
        ) : null}
        {roi.annualCost === 0 ? <p>{t("roi.zeroCost")}</p> : null}
        {roi.moneyMetrics === 0 ? (
          <p>{t("roi.noMoneyMetrics")}</p>
        ) : (
          <p>{t("roi.atTarget", { value: money(roi.annualValueAtTarget) })}</p>
        )}
        {roi.otherMetrics > 0 ? <p>{t("roi.otherMetrics", { count: roi.otherMetrics })}</p> : null}
      </div>
      <details className="mt-4" open={expanded || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-brand-700 print:hidden">
          {t("roi.howTitle")}
        </summary>
        <div className="mt-3 space-y-3">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>{t("roi.formulaValue")}</li>
            <li>{t("roi.formulaRoi")}</li>
            <li>{t("roi.formulaPayback")}</li>
          </ul>
          {counted.length > 0 ? (
            <Table
              caption={t("roi.inputs")}
              head={[t("roi.columns.metric"), t("roi.columns.calculation"), t("roi.columns.perYear")]}
            >
              {counted.map((metric) => (
                <tr key={metric.id}>
                  <Cell className="whitespace-normal font-medium text-slate-900">{metric.name}</Cell>
                  <Cell className="whitespace-normal tabular-nums">
                    {t("roi.calculation", {
                      improvement: `${formatFigure(metric.progress.improvement, locale)} ${metric.unit}`,
                      money: formatMoney(metric.moneyPerUnit ?? 0, currency, locale, 2),
                      periods: formatNumber(PERIODS_PER_YEAR[metric.valuePeriod ?? "year"], locale),
                      period: t(`roi.periodly.${metric.valuePeriod ?? "year"}`),
                    })}
                  </Cell>
                  <Cell className="text-right tabular-nums">{money(metric.annualValue ?? 0)}</Cell>
                </tr>
              ))}
              <tr className="bg-slate-50 font-semibold">
                <Cell className="text-slate-900">{t("roi.total")}</Cell>
                <Cell>{null}</Cell>
                <Cell className="text-right tabular-nums text-slate-900">{money(roi.annualValue)}</Cell>
              </tr>
            </Table>
          ) : null}
        </div>
      </details>
    </Card>
  );
}
