import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { QBR_COVERAGE_DAYS } from "~/domain/health/qbr-coverage.server";
import { CLOSED_IN_TIME_DAYS } from "~/domain/interventions/work-items.server";
import { ONBOARDING_DAYS } from "~/domain/plans/delivery-stats.server";
import { type PerformanceRow, getPerformance } from "~/domain/revenue/performance.server";
import { formatDate, formatNumber, formatPercent, todayIn } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { EmptyState, PageHeader } from "~/ui/layout";
import { PortfolioTabs } from "~/ui/revenue/portfolio-tabs";
import { RetentionCell } from "~/ui/revenue/retention-cell";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.performance");

/** How we are doing: the vendor's own measures per CSM and segment, next to retention. Admins and CSMs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "revenue.report");
  const today = todayIn(actor.timeZone);
  // The windows the counts use, for the definitions (the constants live in server modules).
  const windows = { onboarding: ONBOARDING_DAYS, qbr: QBR_COVERAGE_DAYS, work: CLOSED_IN_TIME_DAYS };
  return { performance: await getPerformance(today), windows };
}

function Share({ part, of }: { part: number; of: number }) {
  const { t } = useTranslation("revenue");
  const locale = useRootData()?.locale ?? "en";
  if (of === 0) return <span className="text-slate-500">—</span>;
  return (
    <>
      <div>{formatPercent(part / of, locale)}</div>
      <div className="text-xs text-slate-500">
        {t("performance.partOf", { part: formatNumber(part, locale), of: formatNumber(of, locale) })}
      </div>
    </>
  );
}

function PerformanceTable({
  caption,
  rows,
  groupLabel,
}: {
  caption: string;
  rows: PerformanceRow[];
  groupLabel: string;
}) {
  const { t } = useTranslation(["revenue", "people"]);
  const locale = useRootData()?.locale ?? "en";
  return (
    <section className="mb-8" aria-labelledby={`${caption}-heading`}>
      <h2 id={`${caption}-heading`} className="mb-2 text-lg font-semibold text-slate-900">
        {caption}
      </h2>
      <Table
        caption={caption}
        head={[
          groupLabel,
          t("performance.columns.accounts"),
          t("performance.columns.nrr"),
          t("performance.columns.grr"),
          t("performance.columns.firstValue"),
          t("performance.columns.onboarding"),
          t("performance.columns.qbr"),
          t("performance.columns.workInTime"),
        ]}
      >
        {rows.map((row) => (
          <tr key={row.id ?? "none"}>
            <Cell className="whitespace-normal font-medium">
              {row.name ?? <span className="text-slate-500">{t("people:accounts.unassigned")}</span>}
            </Cell>
            <Cell className="tabular-nums">{formatNumber(row.accounts, locale)}</Cell>
            <RetentionCell lines={row.retention} metric="nrr" />
            <RetentionCell lines={row.retention} metric="grr" />
            <Cell className="whitespace-normal tabular-nums">
              {row.medianDaysToFirstValue === null ? (
                <span className="text-slate-500">—</span>
              ) : (
                <>
                  <div>{t("performance.days", { count: row.medianDaysToFirstValue })}</div>
                  <div className="text-xs text-slate-500">
                    {t("performance.plansReached", {
                      part: formatNumber(row.withFirstValue, locale),
                      of: formatNumber(row.plans, locale),
                    })}
                  </div>
                </>
              )}
            </Cell>
            <Cell className="whitespace-normal tabular-nums">
              <Share part={row.onboardingOnTime} of={row.onboardingCounted} />
            </Cell>
            <Cell className="whitespace-normal tabular-nums">
              <Share part={row.qbrCovered} of={row.accounts} />
            </Cell>
            <Cell className="whitespace-normal tabular-nums">
              <Share part={row.closedOnTime} of={row.closedWorkItems} />
            </Cell>
          </tr>
        ))}
      </Table>
    </section>
  );
}

function Definition({ term, text }: { term: string; text: string }) {
  return (
    <div>
      <dt className="font-medium text-slate-900">{term}</dt>
      <dd>{text}</dd>
    </div>
  );
}

export default function PerformancePage() {
  const { t } = useTranslation("revenue");
  const { performance, windows } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const { period, byCsm, bySegment } = performance;
  return (
    <>
      <PageHeader title={t("performance.title")} description={t("performance.description")} />
      <PortfolioTabs current="performance" />
      {byCsm.length === 0 && bySegment.length === 0 ? (
        <EmptyState title={t("performance.empty")} />
      ) : (
        <>
          <PerformanceTable caption={t("performance.byCsm")} rows={byCsm} groupLabel={t("performance.columns.csm")} />
          <PerformanceTable
            caption={t("performance.bySegment")}
            rows={bySegment}
            groupLabel={t("performance.columns.segment")}
          />
          <h2 className="mb-2 text-lg font-semibold text-slate-900">{t("performance.definitions")}</h2>
          <dl className="grid gap-3 text-sm text-slate-700 sm:grid-cols-2">
            <Definition
              term={t("performance.columns.nrr")}
              text={t("performance.define.retention", {
                start: formatDate(period.start, locale),
                end: formatDate(period.end, locale),
              })}
            />
            <Definition term={t("performance.columns.firstValue")} text={t("performance.define.firstValue")} />
            <Definition
              term={t("performance.columns.onboarding")}
              text={t("performance.define.onboarding", { days: windows.onboarding })}
            />
            <Definition term={t("performance.columns.qbr")} text={t("performance.define.qbr", { days: windows.qbr })} />
            <Definition
              term={t("performance.columns.workInTime")}
              text={t("performance.define.workInTime", { days: windows.work })}
            />
          </dl>
          <p className="mt-4 text-sm">
            <Link className="text-brand-700 underline" to={`/revenue/retention?period=${period.key}`}>
              {t("portfolio.team.retentionLink")}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
