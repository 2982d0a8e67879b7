import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countAsks } from "~/domain/advocacy/asks.server";
import { funnel } from "~/domain/advocacy/dashboard";
import { getNpsReport } from "~/domain/advocacy/nps.server";
import { countAdvocatesBy, listTransitions } from "~/domain/advocacy/opportunities.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Card } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.advocacyDashboard");

/** Four queries: the transition log, ask counts, NPS answers, advocates. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "advocacy.view");
  const [transitions, asks, nps, advocates] = await Promise.all([listTransitions(), countAsks(), getNpsReport(), countAdvocatesBy()]);
  return { funnel: funnel(transitions), asks, trend: nps.trend, advocates };
}

export default function Dashboard() {
  const { t } = useTranslation("advocacy");
  const { funnel: steps, asks, trend, advocates } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const percent = (value: number | null) => (value === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value));
  const days = (value: number | null) => (value === null ? "—" : t("pipeline.days", { count: value }));
  return (
    <div className="space-y-6">
      <Card title={t("dashboard.asks")}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(
            [
              ["sent", formatNumber(asks.sent, locale)],
              ["accepted", formatNumber(asks.accepted, locale)],
              ["declined", formatNumber(asks.declined, locale)],
              ["acceptance", percent(asks.sent > 0 ? asks.accepted / asks.sent : null)],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`dashboard.${key}`)}</dt>
              <dd className="mt-0.5 text-2xl font-semibold text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <section aria-labelledby="funnel-heading" className="space-y-2">
        <h2 id="funnel-heading" className="text-base font-semibold text-slate-900">
          {t("dashboard.funnel")}
        </h2>
        <Table caption={t("dashboard.funnel")} head={[t("pipeline.stage"), t("dashboard.reached"), t("dashboard.conversion"), t("dashboard.medianTime")]}>
          {steps.map((step) => (
            <tr key={step.stage}>
              <Cell className="font-medium text-slate-900">{t(`stages.${step.stage}`)}</Cell>
              <Cell>{formatNumber(step.reached, locale)}</Cell>
              <Cell>{percent(step.conversion)}</Cell>
              <Cell>{days(step.medianDays)}</Cell>
            </tr>
          ))}
        </Table>
      </section>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-3">
        <Card title={t("dashboard.npsTrend")}>
          {trend.length === 0 ? (
            <p className="text-sm text-slate-600">{t("npsReport.none")}</p>
          ) : (
            <ul className="space-y-1 text-sm text-slate-800">
              {trend.map((point) => (
                <li key={point.month} className="flex justify-between gap-2">
                  <span>{new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${point.month}-01T00:00:00Z`))}</span>
                  <span className="font-medium">{point.summary.nps === null ? "—" : formatNumber(point.summary.nps, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {(["byIndustry", "bySegment"] as const).map((key) => (
          <Card key={key} title={t(`dashboard.${key}`)}>
            {advocates[key].length === 0 ? (
              <p className="text-sm text-slate-600">{t("dashboard.noAdvocates")}</p>
            ) : (
              <ul className="space-y-1 text-sm text-slate-800">
                {advocates[key].map((row) => (
                  <li key={row.name} className="flex justify-between gap-2">
                    <span>{row.name}</span>
                    <span className="font-medium">{formatNumber(row.advocates, locale)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
    </div>
  );
}
