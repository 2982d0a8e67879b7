import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { listRenewals } from "~/domain/revenue/renewals.server";
import { daysUntil, formatDate, formatMoney, formatNumber, todayIn } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { ButtonLink } from "~/ui/button";
import { GradeBadge, HealthBadge } from "~/ui/health/grade-badge";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { PortfolioTabs } from "~/ui/revenue/portfolio-tabs";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.renewals");

/** The renewals of the next 180 days, paged, with health, work, touches and both forecasts. Staff (admins, CSMs). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "revenue.report");
  const today = todayIn(actor.timeZone);
  const cursor = cursorParam.parse(new URL(request.url).searchParams.get("cursor") ?? undefined);
  return { today, renewals: await listRenewals(today, cursor) };
}

export default function RenewalsPage() {
  const { t } = useTranslation("revenue");
  const { today, renewals } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  // The header's names, and each cell's label when the table is cards on a phone.
  const columns = {
    account: t("renewals.account"),
    date: t("renewals.date"),
    arr: t("renewals.arr"),
    health: t("renewals.health"),
    openTasks: t("renewals.openTasks"),
    lastTouch: t("renewals.lastTouch"),
    forecast: t("renewals.forecast"),
    automatic: t("renewals.automatic"),
  };
  return (
    <>
      <PageHeader
        title={t("renewals.title")}
        description={t("renewals.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink to="/revenue/ledger.csv" variant="secondary" reloadDocument>
              {t("renewals.ledgerCsv")}
            </ButtonLink>
          </div>
        }
      />
      <PortfolioTabs current="renewals" />
      {renewals.rows.length === 0 && !renewals.page.previous ? (
        <EmptyState title={t("renewals.empty")} />
      ) : (
        <>
          <Table stack caption={t("renewals.caption")} head={Object.values(columns)}>
            {renewals.rows.map((row) => {
              const days = daysUntil(row.renewalDate, today);
              const trend =
                row.health && row.health.overall !== null && row.health.overallBefore !== null
                  ? row.health.overall - row.health.overallBefore
                  : 0;
              return (
                <tr key={row.id} className={row.highlightGap ? "bg-amber-50" : undefined}>
                  <Cell className="whitespace-normal">
                    <Link
                      className="font-medium text-brand-700 hover:underline"
                      to={`/accounts/${row.accountId}/revenue`}
                    >
                      {row.accountName}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {row.segmentName}
                      {row.csmName ? ` · ${row.csmName}` : ""}
                    </span>
                  </Cell>
                  <Cell label={columns.date}>
                    <div>{formatDate(row.renewalDate, locale)}</div>
                    <div className={`text-xs ${days < 0 ? "text-red-700" : "text-slate-500"}`}>
                      {days === 0
                        ? t("renewals.today")
                        : days < 0
                          ? t("renewals.overdue", { count: -days })
                          : t("renewals.inDays", { count: days })}
                    </div>
                  </Cell>
                  <Cell label={columns.arr} className="tabular-nums">
                    {formatMoney(row.arr, row.currency, locale, 0)}
                  </Cell>
                  <Cell label={columns.health}>
                    {row.health?.grade ? (
                      <GradeBadge grade={row.health.grade} />
                    ) : (
                      <HealthBadge overall={null} grade={null} churned={row.health?.churned} />
                    )}
                    {trend !== 0 ? (
                      <span className={`block text-xs ${trend < 0 ? "text-red-700" : "text-green-700"}`}>
                        {t(trend < 0 ? "renewals.trendDown" : "renewals.trendUp", {
                          points: formatNumber(Math.abs(trend), locale),
                        })}
                      </span>
                    ) : null}
                  </Cell>
                  <Cell label={columns.openTasks} className="tabular-nums">
                    {formatNumber(row.openTasks, locale)}
                  </Cell>
                  <Cell label={columns.lastTouch}>
                    {row.health?.lastTouchOn ? formatDate(row.health.lastTouchOn, locale) : t("renewals.never")}
                  </Cell>
                  <Cell label={columns.forecast}>
                    {row.forecast ? t(`calls.${row.forecast}`) : t("renewals.noCall")}
                  </Cell>
                  <Cell label={columns.automatic}>
                    {row.automatic ? t(`calls.${row.automatic}`) : t("renewals.noCall")}
                    {row.highlightGap ? (
                      <span className="mt-1 block">
                        <Badge tone="amber">{t("renewals.gap")}</Badge>
                      </span>
                    ) : null}
                  </Cell>
                </tr>
              );
            })}
          </Table>
          <Pager label={t("renewals.caption")} page={renewals.page} />
        </>
      )}
    </>
  );
}
