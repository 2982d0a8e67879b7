import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { HEALTH_DROP_POINTS, HEALTH_GRADE_FILTERS } from "~/domain/health/schemas";
import { AccountListQuerySchema, PLAN_STATUS_FILTERS, RENEWAL_WINDOWS } from "~/domain/people/account-schemas";
import { listAccountOwners, listSegments } from "~/domain/people/accounts.server";
import { getPortfolioPage, getTeamPortfolio } from "~/domain/revenue/portfolio.server";
import { daysUntil, formatDate, formatMoney, formatNumber, formatPercent, todayIn } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { CheckboxField, SelectField } from "~/ui/field";
import { HealthCell } from "~/ui/health/health-cell";
import { EmptyState, PageHeader } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { PlanStatusCell } from "~/ui/plans/plan-status-cell";
import { PortfolioTabs } from "~/ui/revenue/portfolio-tabs";
import { RetentionCell } from "~/ui/revenue/retention-cell";
import { RenewalCell } from "~/ui/renewal-cell";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.portfolio");

/**
 * The CSM's start page: accounts ranked by ARR at risk (a CSM's own by default, everyone's for an
 * admin), or `?view=team`: each owner's book, retention and open work. Admins and CSMs.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "revenue.report");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const today = todayIn(actor.timeZone);
  if (params.view === "team") {
    return { view: "team" as const, today, team: await getTeamPortfolio(today) };
  }
  // "mine" unless chosen otherwise; an admin looks after the whole team, so theirs starts at everyone.
  const scope = params.csm ?? (actor.staffRole === "admin" ? "" : "mine");
  const query = AccountListQuerySchema.parse({ ...params, csm: scope === "mine" ? actor.id : scope });
  const [portfolio, segments, owners] = await Promise.all([
    getPortfolioPage(query, { cursor: cursorParam.parse(params.cursor), today }),
    listSegments(),
    listAccountOwners(),
  ]);
  return {
    view: "accounts" as const,
    today,
    portfolio,
    segments,
    owners,
    filters: {
      csm: scope === "mine" ? "mine" : (query.csm ?? ""),
      segment: query.segment ?? "",
      grade: query.grade ?? "",
      renewal: query.renewal ?? "",
      plan: query.plan ?? "",
      dropped: Boolean(query.dropped),
    },
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PortfolioPage() {
  const { t } = useTranslation("revenue");
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("portfolio.title")} description={t("portfolio.description")} />
      <PortfolioTabs current={data.view} />
      {data.view === "team" ? <TeamView data={data} /> : <AccountsView data={data} />}
    </>
  );
}

function AccountsView({ data }: { data: Extract<Data, { view: "accounts" }> }) {
  const { t } = useTranslation(["revenue", "people", "health", "common"]);
  // The header's names, and each cell's label when the table is cards on a phone.
  const columns = {
    account: t("portfolio.columns.account"),
    arr: t("portfolio.columns.arr"),
    health: t("portfolio.columns.health"),
    renewal: t("portfolio.columns.renewal"),
    work: t("portfolio.columns.work"),
    lastTouch: t("portfolio.columns.lastTouch"),
    plan: t("portfolio.columns.plan"),
    active: t("portfolio.columns.active"),
  };
  const locale = useRootData()?.locale ?? "en";
  const { portfolio, filters, segments, owners, today } = data;
  const filtered = Boolean(filters.segment || filters.grade || filters.renewal || filters.plan || filters.dropped);
  const total = portfolio.page.total ?? 0;
  return (
    <>
      <Form
        method="get"
        role="search"
        aria-label={t("portfolio.filters")}
        key={JSON.stringify(filters)}
        className="mb-4 grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
      >
        <SelectField
          label={t("people:accounts.csm")}
          name="csm"
          defaultValue={filters.csm}
          options={[
            { value: "mine", label: t("people:accounts.mine") },
            { value: "", label: t("people:accounts.allCsms") },
            ...owners.map((owner) => ({ value: owner.id, label: owner.name })),
          ]}
        />
        <SelectField
          label={t("people:accounts.segment")}
          name="segment"
          defaultValue={filters.segment}
          options={[
            { value: "", label: t("people:accounts.allSegments") },
            ...segments.map((segment) => ({ value: segment.id, label: segment.name })),
          ]}
        />
        <SelectField
          label={t("people:accounts.healthGrade")}
          name="grade"
          defaultValue={filters.grade}
          options={[
            { value: "", label: t("people:accounts.anyHealth") },
            ...HEALTH_GRADE_FILTERS.map((grade) => ({
              value: grade,
              label: grade === "none" ? t("health:noData") : t(`health:grades.${grade}`),
            })),
          ]}
        />
        <SelectField
          label={t("people:accounts.renewal")}
          name="renewal"
          defaultValue={filters.renewal}
          options={[
            { value: "", label: t("people:accounts.anyRenewal") },
            ...RENEWAL_WINDOWS.map((window) => ({
              value: window,
              label: t(`people:accounts.renewalWindows.${window}`),
            })),
          ]}
        />
        <SelectField
          label={t("people:accounts.planStatus")}
          name="plan"
          defaultValue={filters.plan}
          options={[
            { value: "", label: t("people:accounts.allPlanStatuses") },
            ...PLAN_STATUS_FILTERS.map((status) => ({
              value: status,
              label: t(`people:accounts.planStatuses.${status}`),
            })),
          ]}
        />
        <div className="flex gap-2 lg:justify-end">
          {filtered ? (
            <ButtonLink to={`?csm=${encodeURIComponent(filters.csm)}`} variant="ghost">
              {t("common:actions.clear")}
            </ButtonLink>
          ) : null}
          <Button variant="secondary">{t("people:accounts.filter")}</Button>
        </div>
        <div className="sm:col-span-2 lg:col-span-6">
          <CheckboxField
            label={t("people:accounts.healthDroppedFilter", { points: HEALTH_DROP_POINTS })}
            name="dropped"
            value="1"
            defaultChecked={filters.dropped}
          />
        </div>
      </Form>
      <p className="mb-2 text-sm text-slate-600" role="status">
        {t("people:accounts.resultCount", { count: total })} {t("portfolio.rankedBy")}
      </p>
      {portfolio.rows.length === 0 ? (
        <EmptyState title={t(filtered ? "people:accounts.noMatchesTitle" : "portfolio.emptyTitle")}>
          {t(filtered ? "people:accounts.noMatchesBody" : "portfolio.emptyBody")}
        </EmptyState>
      ) : (
        <>
          <Table stack caption={t("portfolio.caption")} head={Object.values(columns)}>
            {portfolio.rows.map((row) => {
              const sinceTouch = row.lastTouchOn ? -daysUntil(row.lastTouchOn, today) : null;
              return (
                <tr key={row.id} className="hover:bg-slate-50">
                  <Cell className="min-w-40 whitespace-normal break-words">
                    <Link className="font-medium text-brand-700 hover:underline" to={`/accounts/${row.id}`}>
                      {row.name}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      {row.segmentName}
                      {row.csmName ? ` · ${row.csmName}` : ""}
                    </span>
                  </Cell>
                  <Cell label={columns.arr} className="tabular-nums">
                    {row.churned ? (
                      <span className="text-slate-500">{t("portfolio.churned")}</span>
                    ) : row.arr !== null ? (
                      <>
                        <div>{formatMoney(row.arr, row.currency, locale, 0)}</div>
                        <div className="text-xs text-slate-500">
                          {t("portfolio.risk", { risk: formatPercent(row.risk, locale) })}
                        </div>
                      </>
                    ) : (
                      <span className="text-slate-500">{t("portfolio.noSubscription")}</span>
                    )}
                  </Cell>
                  <Cell label={columns.health} className="whitespace-normal">
                    <HealthCell health={row.health} />
                  </Cell>
                  <RenewalCell label={columns.renewal} date={row.renewalDate} today={today} />
                  <Cell label={columns.work} className="tabular-nums">
                    {row.openWorkItems > 0 ? (
                      <Link className="text-brand-700 hover:underline" to={`/accounts/${row.id}/work-items`}>
                        {t("portfolio.openWork", { count: row.openWorkItems })}
                      </Link>
                    ) : (
                      <span className="text-slate-500">{t("portfolio.noWork")}</span>
                    )}
                  </Cell>
                  <Cell label={columns.lastTouch}>
                    {sinceTouch === null ? (
                      <span className="text-amber-700">{t("renewals.never")}</span>
                    ) : (
                      <span className={sinceTouch > 60 ? "text-amber-700" : undefined}>
                        {t("portfolio.daysAgo", { count: sinceTouch })}
                      </span>
                    )}
                  </Cell>
                  <Cell label={columns.plan} className="whitespace-normal">
                    <PlanStatusCell plan={row.plan} />
                  </Cell>
                  <Cell label={columns.active} className="tabular-nums">
                    {t("people:accounts.activeOfSeats", { active: row.activeUsers, seats: row.seats })}
                  </Cell>
                </tr>
              );
            })}
          </Table>
          <Pager label={t("portfolio.caption")} page={portfolio.page} />
          <p className="mt-2 text-xs text-slate-500">{t("portfolio.rates")}</p>
        </>
      )}
    </>
  );
}

function TeamView({ data }: { data: Extract<Data, { view: "team" }> }) {
  const { t } = useTranslation(["revenue", "people"]);
  const locale = useRootData()?.locale ?? "en";
  const { period, rows } = data.team;
  const columns = {
    csm: t("portfolio.team.csm"),
    accounts: t("portfolio.team.accounts"),
    arr: t("portfolio.team.arr"),
    grr: t("portfolio.team.grr"),
    nrr: t("portfolio.team.nrr"),
    openWork: t("portfolio.team.openWork"),
    overdueWork: t("portfolio.team.overdueWork"),
  };
  if (rows.length === 0) return <EmptyState title={t("portfolio.team.empty")} />;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600">
        {t("portfolio.team.period", {
          start: formatDate(period.start, locale),
          end: formatDate(period.end, locale),
        })}{" "}
        <Link className="text-brand-700 underline" to={`/revenue/retention?period=${period.key}`}>
          {t("portfolio.team.retentionLink")}
        </Link>
      </p>
      <Table stack caption={t("portfolio.team.caption")} head={Object.values(columns)}>
        {rows.map((row) => (
          <tr key={row.csmId ?? "none"}>
            <Cell className="whitespace-normal font-medium">
              {row.csmId ? (
                <Link className="text-brand-700 hover:underline" to={`/portfolio?csm=${row.csmId}`}>
                  {row.csmName}
                </Link>
              ) : (
                <span className="text-slate-500">{t("people:accounts.unassigned")}</span>
              )}
            </Cell>
            <Cell label={columns.accounts} className="tabular-nums">
              {formatNumber(row.accounts, locale)}
            </Cell>
            <Cell label={columns.arr} className="whitespace-normal tabular-nums">
              {row.arr.length === 0
                ? "—"
                : row.arr.map((line) => (
                    <div key={line.currency}>{formatMoney(line.arr, line.currency, locale, 0)}</div>
                  ))}
            </Cell>
            <RetentionCell label={columns.grr} lines={row.retention} metric="grr" />
            <RetentionCell label={columns.nrr} lines={row.retention} metric="nrr" />
            <Cell label={columns.openWork} className="tabular-nums">
              {row.csmId ? formatNumber(row.openWorkItems, locale) : "—"}
            </Cell>
            <Cell
              label={columns.overdueWork}
              className={`tabular-nums ${row.overdueWorkItems > 0 ? "text-red-700" : ""}`}
            >
              {row.csmId ? formatNumber(row.overdueWorkItems, locale) : "—"}
            </Cell>
          </tr>
        ))}
      </Table>
    </>
  );
}
