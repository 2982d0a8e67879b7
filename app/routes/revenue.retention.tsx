import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { RETENTION_METRICS, type RetentionTotals, parsePeriod, quarterOf } from "~/domain/revenue/retention";
import { getRetentionReport } from "~/domain/revenue/retention-report.server";
import { formatDate, formatMoney, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { cursorParam, hrefWith } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { ButtonLink } from "~/ui/button";
import { LineChart } from "~/ui/charts/line-chart";
import { Alert, Card, EmptyState, PageHeader } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { PortfolioTabs } from "~/ui/revenue/portfolio-tabs";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.retention");

const MetricParam = z.enum(RETENTION_METRICS).nullable().catch(null);

/** GRR, NRR and logo churn for a period, per currency, with their inputs and the accounts behind them. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireWorkspace(request, "revenue.report");
  const url = new URL(request.url);
  const raw = url.searchParams.get("period");
  const period = raw === null ? quarterOf(new Date().toISOString().slice(0, 10)) : parsePeriod(raw);
  if (!period) return data({ badPeriod: raw ?? "", report: null }, { status: 400 });
  const report = await getRetentionReport(period, {
    metric: MetricParam.parse(url.searchParams.get("metric")),
    cursor: cursorParam.parse(url.searchParams.get("cursor") ?? undefined),
  });
  return { badPeriod: null, report };
}

export default function RetentionPage() {
  const { t } = useTranslation("revenue");
  const { badPeriod, report } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const money = (value: number, currency: string) => formatMoney(value, currency, locale, 0);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const ratio = (value: number | null) => (value === null ? t("retention.none") : percent.format(value));
  const n = (value: number) => formatNumber(value, locale);

  const groupTable = (caption: string, head: string, rows: (RetentionTotals & { group: string | null })[]) => (
    <Table
      caption={caption}
      head={[
        head,
        t("retention.currency"),
        t("retention.start"),
        t("retention.grr"),
        t("retention.nrr"),
        t("retention.logoChurn"),
      ]}
    >
      {rows.map((row) => (
        <tr key={`${row.group}-${row.currency}`}>
          <Cell className="font-medium text-slate-900">{row.group ?? t("retention.noCsm")}</Cell>
          <Cell>{row.currency}</Cell>
          <Cell className="tabular-nums">{money(row.startArr, row.currency)}</Cell>
          <Cell className="tabular-nums">{ratio(row.grr)}</Cell>
          <Cell className="tabular-nums">{ratio(row.nrr)}</Cell>
          <Cell className="tabular-nums">{ratio(row.logoChurn)}</Cell>
        </tr>
      ))}
    </Table>
  );

  return (
    <>
      <PageHeader title={t("retention.title")} description={t("retention.description")} />
      <PortfolioTabs current="retention" />
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-700">
          {t("retention.period")}
          <input
            name="period"
            defaultValue={report?.period.key ?? badPeriod ?? ""}
            aria-describedby="period-hint"
            className="mt-1 block w-56 rounded-md border-slate-300 text-sm shadow-sm"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("retention.show")}
        </button>
        <p id="period-hint" className="w-full text-xs text-slate-500">
          {t("retention.periodHint")}
        </p>
      </Form>

      {badPeriod !== null || !report ? (
        <Alert tone="error">{t("retention.badPeriod", { period: badPeriod ?? "" })}</Alert>
      ) : (
        <div className="space-y-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600">
              {t("retention.range", {
                start: formatDate(report.period.start, locale),
                end: formatDate(report.period.end, locale),
              })}
            </p>
            <ButtonLink
              to={`/revenue/retention.csv?period=${encodeURIComponent(report.period.key)}`}
              variant="secondary"
              reloadDocument
            >
              {t("retention.csv")}
            </ButtonLink>
            <ButtonLink
              to={`/revenue/ledger.csv?period=${encodeURIComponent(report.period.key)}`}
              variant="secondary"
              reloadDocument
            >
              {t("retention.ledgerCsv")}
            </ButtonLink>
          </div>
          {report.totals.length === 0 ? (
            <EmptyState title={t("retention.emptyTitle")}>{t("retention.emptyBody")}</EmptyState>
          ) : (
            report.totals.map((totals) => (
              <Card key={totals.currency} title={t("retention.inCurrency", { currency: totals.currency })}>
                <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                  {[
                    {
                      key: "startArr",
                      label: t("retention.start"),
                      value: money(totals.startArr, totals.currency),
                      formula: t("retention.startFormula", { count: totals.logosAtStart }),
                    },
                    {
                      key: "expansion",
                      label: t("retention.expansion"),
                      value: money(totals.expansion, totals.currency),
                      formula: t("retention.expansionFormula"),
                    },
                    {
                      key: "contraction",
                      label: t("retention.contraction"),
                      value: money(totals.contraction, totals.currency),
                      formula: t("retention.contractionFormula"),
                    },
                    {
                      key: "churn",
                      label: t("retention.churn"),
                      value: money(totals.churn, totals.currency),
                      formula: t("retention.churnFormula"),
                    },
                    {
                      key: "grr",
                      label: t("retention.grr"),
                      value: ratio(totals.grr),
                      formula: t("retention.grrFormula", {
                        start: money(totals.startArr, totals.currency),
                        contraction: money(totals.contraction, totals.currency),
                        churn: money(totals.churn, totals.currency),
                      }),
                    },
                    {
                      key: "nrr",
                      label: t("retention.nrr"),
                      value: ratio(totals.nrr),
                      formula: t("retention.nrrFormula", {
                        start: money(totals.startArr, totals.currency),
                        expansion: money(totals.expansion, totals.currency),
                        contraction: money(totals.contraction, totals.currency),
                        churn: money(totals.churn, totals.currency),
                      }),
                    },
                    {
                      key: "logosLost",
                      label: t("retention.logoChurn"),
                      value: ratio(totals.logoChurn),
                      formula: t("retention.logoFormula", { lost: n(totals.logosLost), start: n(totals.logosAtStart) }),
                    },
                  ].map((item) => (
                    <div key={item.key} className="rounded-md bg-slate-50 p-3" data-metric={item.key}>
                      <dt className="text-sm font-medium text-slate-600">{item.label}</dt>
                      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{item.value}</dd>
                      <dd className="mt-1 text-xs text-slate-600">{item.formula}</dd>
                      {(RETENTION_METRICS as readonly string[]).includes(item.key) ? (
                        <dd className="mt-1 text-xs">
                          <Link
                            className="text-brand-700 hover:underline"
                            to={hrefWith(`?period=${encodeURIComponent(report.period.key)}`, { metric: item.key })}
                          >
                            {t("retention.drill")}
                          </Link>
                        </dd>
                      ) : null}
                    </div>
                  ))}
                </dl>
              </Card>
            ))
          )}

          {report.drill ? (
            <Card title={t("retention.drillHeading", { metric: t(`retention.metrics.${report.drill.metric}`) })}>
              {report.drill.rows.length === 0 ? (
                <p className="text-sm text-slate-600">{t("retention.drillEmpty")}</p>
              ) : (
                <>
                  <Table
                    caption={t("retention.drillCaption")}
                    head={[
                      t("retention.account"),
                      t("retention.start"),
                      t("retention.counted"),
                      t("retention.entries"),
                    ]}
                  >
                    {report.drill.rows.map((row) => (
                      <tr key={row.accountId}>
                        <Cell className="font-medium text-slate-900">
                          <Link className="text-brand-700 hover:underline" to={`/accounts/${row.accountId}/revenue`}>
                            {row.name}
                          </Link>
                        </Cell>
                        <Cell className="tabular-nums">{money(row.startArr, row.currency)}</Cell>
                        <Cell className="whitespace-normal tabular-nums text-xs">
                          {t("retention.countedAs", {
                            expansion: money(row.expansion, row.currency),
                            contraction: money(row.contraction, row.currency),
                            churn: money(row.churn, row.currency),
                          })}
                        </Cell>
                        <Cell className="whitespace-normal text-xs">
                          {row.entries.length === 0
                            ? t("retention.noEntries")
                            : row.entries
                                .map(
                                  (entry) =>
                                    `${formatDate(entry.effectiveOn, locale)} ${t(`kinds.${entry.kind}`)} ${money(entry.arrDelta, entry.currency)}`,
                                )
                                .join(" · ")}
                        </Cell>
                      </tr>
                    ))}
                  </Table>
                  <Pager label={t("retention.drillCaption")} page={report.drill.page} />
                </>
              )}
            </Card>
          ) : null}

          {report.totals.map((totals) => (
            <Card key={`chart-${totals.currency}`} title={t("retention.chartHeading", { currency: totals.currency })}>
              {(() => {
                const points = report.chart.map((point) => ({
                  period: point.period,
                  totals: point.totals.find((item) => item.currency === totals.currency) ?? null,
                }));
                const pct = (value: number | null | undefined) => (value == null ? 0 : Math.round(value * 1000) / 10);
                return (
                  <LineChart
                    summary={t("retention.chartSummary", { nrr: ratio(totals.nrr), grr: ratio(totals.grr) })}
                    labels={[points[0]?.period ?? "", points[points.length - 1]?.period ?? ""]}
                    lines={[
                      {
                        key: "nrr",
                        label: t("retention.nrr"),
                        tone: "brand",
                        values: points.map((p) => pct(p.totals?.nrr)),
                      },
                      {
                        key: "grr",
                        label: t("retention.grr"),
                        tone: "green",
                        values: points.map((p) => pct(p.totals?.grr)),
                      },
                    ]}
                    empty={t("retention.chartEmpty")}
                    table={{
                      caption: t("retention.chartCaption"),
                      head: [t("retention.period"), t("retention.start"), t("retention.grr"), t("retention.nrr")],
                      rows: points.map((point) => ({
                        key: point.period,
                        cells: [
                          point.period,
                          point.totals ? money(point.totals.startArr, totals.currency) : t("retention.none"),
                          ratio(point.totals?.grr ?? null),
                          ratio(point.totals?.nrr ?? null),
                        ],
                      })),
                    }}
                  />
                );
              })()}
            </Card>
          ))}

          {report.bySegment.length > 0 ? (
            <Card title={t("retention.bySegment")}>
              {groupTable(t("retention.bySegment"), t("retention.segment"), report.bySegment)}
            </Card>
          ) : null}
          {report.byCsm.length > 0 ? (
            <Card title={t("retention.byCsm")}>
              {groupTable(t("retention.byCsm"), t("retention.csm"), report.byCsm)}
            </Card>
          ) : null}
          {report.byCohort.length > 0 ? (
            <Card title={t("retention.byCohort")}>
              {groupTable(t("retention.byCohort"), t("retention.cohort"), report.byCohort)}
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}
