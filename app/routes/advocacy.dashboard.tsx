import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DEFAULT_PERIOD, PERIODS } from "~/domain/advocacy/dashboard";
import { getAdvocacyDashboard } from "~/domain/advocacy/dashboard.server";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { BarTable } from "~/ui/charts/bar-table";
import { ColumnChart } from "~/ui/charts/column-chart";
import { Card } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.advocacyDashboard");

// An unknown period in a shared link shows the default rather than an error.
const QuerySchema = z.object({ period: z.enum(PERIODS).catch(DEFAULT_PERIOD) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "advocacy.view");
  const { period } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { period, ...(await getAdvocacyDashboard(period)) };
}

export default function Dashboard() {
  const { t } = useTranslation("advocacy");
  const { period, funnel, asks, nps, published, advocates } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const number = (value: number) => formatNumber(value, locale);
  const percent = (value: number | null) =>
    value === null ? "—" : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);
  const days = (value: number | null) => (value === null ? "—" : t("pipeline.days", { count: value }));
  const signed = (value: number | null) =>
    value === null ? "—" : new Intl.NumberFormat(locale, { signDisplay: "exceptZero" }).format(value);
  // Buckets are "2026-03" (a month) or "2026-Q1" (a quarter), in UTC.
  const bucketLabel = (key: string, style: "short" | "long") => {
    const [year, part] = key.split("-") as [string, string];
    if (part.startsWith("Q"))
      return t("dashboard.quarter", { quarter: part.slice(1), year: style === "short" ? `’${year.slice(2)}` : year });
    const month = new Date(`${key}-01T00:00:00Z`);
    return new Intl.DateTimeFormat(
      locale,
      style === "short" ? { month: "short", timeZone: "UTC" } : { month: "short", year: "numeric", timeZone: "UTC" },
    ).format(month);
  };
  const kind = nps[0]?.key.includes("Q") ? "quarter" : "month";
  const npsTitle = t(`dashboard.npsBy_${kind}`);
  const publishedTitle = t(`dashboard.publishedBy_${kind}`);

  return (
    <div className="space-y-6">
      <nav aria-label={t("dashboard.period")}>
        <ul className="inline-flex flex-wrap rounded-md bg-white text-sm shadow-sm ring-1 ring-slate-200 print:hidden">
          {PERIODS.map((option) => (
            <li key={option}>
              <Link
                to={`?period=${option}`}
                preventScrollReset
                aria-current={option === period ? "page" : undefined}
                className={`block px-3 py-1.5 font-medium ${option === period ? "rounded-md bg-brand-600 text-white" : "text-slate-700 hover:text-slate-900"}`}
              >
                {t(`dashboard.periods.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
        <p className="hidden text-sm font-medium text-slate-700 print:block">{t(`dashboard.periods.${period}`)}</p>
      </nav>

      <Card title={t("dashboard.asks")}>
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {(
              [
                ["sent", number(asks.totals.sent)],
                ["accepted", number(asks.totals.accepted)],
                ["declined", number(asks.totals.declined)],
                ["acceptance", percent(asks.totals.sent > 0 ? asks.totals.accepted / asks.totals.sent : null)],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`dashboard.${key}`)}</dt>
                <dd className="mt-0.5 text-2xl font-semibold text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          <BarTable
            caption={t("dashboard.asksByType")}
            head={[
              t("dashboard.askType"),
              t("dashboard.sent"),
              t("dashboard.accepted"),
              t("dashboard.declined"),
              t("dashboard.open"),
            ]}
            legend={[
              { tone: "green", label: t("dashboard.accepted") },
              { tone: "red", label: t("dashboard.declined") },
              { tone: "slate", label: t("dashboard.open") },
            ]}
            rows={asks.byType.map((row) => ({
              key: row.askType,
              label: t(`askTypes.${row.askType}`),
              segments: [
                { value: row.accepted, tone: "green" },
                { value: row.declined, tone: "red" },
                { value: row.pending, tone: "slate" },
              ],
              cells: [number(row.sent), number(row.accepted), number(row.declined), number(row.pending)],
            }))}
            empty={t("dashboard.noAsks")}
          />
        </div>
      </Card>

      <Card title={t("dashboard.funnel")}>
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t("dashboard.funnelIntro")}</p>
          <BarTable
            caption={t("dashboard.funnel")}
            head={[t("pipeline.stage"), t("dashboard.reached"), t("dashboard.conversion"), t("dashboard.medianTime")]}
            rows={funnel.map((step) => ({
              key: step.stage,
              label: t(`stages.${step.stage}`),
              segments: [{ value: step.reached, tone: "brand" }],
              cells: [number(step.reached), percent(step.conversion), days(step.medianDays)],
            }))}
            empty={t("dashboard.noFunnel")}
          />
        </div>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title={npsTitle}>
          <ColumnChart
            summary={t("dashboard.npsSummary", {
              title: npsTitle,
              points: nps
                .filter((point) => point.summary.responses > 0)
                .map((point) =>
                  t("dashboard.npsPoint", {
                    period: bucketLabel(point.key, "long"),
                    nps: signed(point.summary.nps),
                    promoters: number(point.summary.promoters),
                    passives: number(point.summary.passives),
                    detractors: number(point.summary.detractors),
                  }),
                )
                .join("; "),
            })}
            columns={nps.map((point) => ({
              key: point.key,
              label: bucketLabel(point.key, "short"),
              note: point.summary.responses > 0 ? signed(point.summary.nps) : undefined,
              segments: [
                { value: point.summary.detractors, tone: "red" },
                { value: point.summary.passives, tone: "slate" },
                { value: point.summary.promoters, tone: "green" },
              ],
            }))}
            legend={[
              { tone: "green", label: t("dashboard.promoters") },
              { tone: "slate", label: t("dashboard.passives") },
              { tone: "red", label: t("dashboard.detractors") },
            ]}
            table={{
              caption: npsTitle,
              head: [
                t("dashboard.periodColumn"),
                t("dashboard.answers"),
                t("dashboard.promoters"),
                t("dashboard.passives"),
                t("dashboard.detractors"),
                t("dashboard.nps"),
              ],
              rows: nps.map((point) => ({
                key: point.key,
                cells: [
                  bucketLabel(point.key, "long"),
                  number(point.summary.responses),
                  number(point.summary.promoters),
                  number(point.summary.passives),
                  number(point.summary.detractors),
                  signed(point.summary.nps),
                ],
              })),
            }}
            empty={t("dashboard.noNps")}
          />
        </Card>
        <Card title={publishedTitle}>
          <ColumnChart
            summary={t("dashboard.publishedSummary", {
              title: publishedTitle,
              points: published
                .filter((point) => point.count > 0)
                .map((point) =>
                  t("dashboard.publishedPoint", {
                    period: bucketLabel(point.key, "long"),
                    published: number(point.count),
                  }),
                )
                .join("; "),
            })}
            columns={published.map((point) => ({
              key: point.key,
              label: bucketLabel(point.key, "short"),
              note: point.count > 0 ? number(point.count) : undefined,
              segments: [{ value: point.count, tone: "brand" }],
            }))}
            table={{
              caption: publishedTitle,
              head: [t("dashboard.periodColumn"), t("dashboard.published")],
              rows: published.map((point) => ({
                key: point.key,
                cells: [bucketLabel(point.key, "long"), number(point.count)],
              })),
            }}
            empty={t("dashboard.noPublished")}
          />
        </Card>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        {(["byIndustry", "bySegment"] as const).map((key) => (
          <Card key={key} title={t(`dashboard.${key}`)}>
            <div className="space-y-3">
              <p className="text-sm text-slate-600">{t("dashboard.advocatesIntro")}</p>
              <BarTable
                caption={t(`dashboard.${key}`)}
                head={[t(key === "byIndustry" ? "dashboard.industry" : "dashboard.segment"), t("dashboard.advocates")]}
                rows={advocates[key].map((row) => ({
                  key: row.name,
                  label: row.name,
                  segments: [{ value: row.advocates, tone: "brand" }],
                  cells: [number(row.advocates)],
                }))}
                empty={t("dashboard.noAdvocates")}
              />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
