import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canInWorkspace } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import {
  ACCOUNT_SORTS,
  AccountListQuerySchema,
  MAX_ACCOUNT_SEARCH_LENGTH,
  PLAN_STATUS_FILTERS,
  RENEWAL_WINDOWS,
} from "~/domain/people/account-schemas";
import { listAccountPage } from "~/domain/people/account-list.server";
import { listPlanStatusOfAccounts } from "~/domain/plans/plan-status.server";
import { listAccountOwners, listSegments } from "~/domain/people/accounts.server";
import { cursorParam } from "~/lib/pagination";
import { todayIn } from "~/lib/format";
import { Button, ButtonLink } from "~/ui/button";
import { CheckboxField, SelectField, TextField } from "~/ui/field";
import { HealthCell } from "~/ui/health/health-cell";
import { PlanStatusCell } from "~/ui/plans/plan-status-cell";
import { HEALTH_DROP_POINTS, HEALTH_GRADE_FILTERS } from "~/domain/health/schemas";
import { Badge, EmptyState, PageHeader } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { RenewalCell } from "~/ui/renewal-cell";
import { Cell, Table } from "~/ui/table";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.accounts");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "accounts.list");
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const mine = params.csm === "mine";
  const query = AccountListQuerySchema.parse({ ...params, csm: mine ? actor.id : params.csm });
  const today = todayIn(actor.timeZone);
  const [{ rows, page }, segments, owners] = await Promise.all([
    listAccountPage(query, { cursor: cursorParam.parse(params.cursor), today }),
    listSegments(),
    listAccountOwners(),
  ]);
  // Only the page's accounts: plan status for all of them is the cost this list must not pay.
  const planStatus = await listPlanStatusOfAccounts(rows.map((account) => account.id));
  const { q, segment, plan, renewal, grade, dropped, sort } = query;
  return {
    accounts: rows.map((account) => ({
      ...account,
      plan: planStatus.get(account.id) ?? null,
      health: { score: account.healthScore, grade: account.healthGrade, drop30: account.healthDrop30 },
    })),
    page,
    // What the form shows: the values in use (a long search as it was cut), "mine" as chosen.
    filters: {
      q: q ?? "",
      segment: segment ?? "",
      csm: mine ? "mine" : (query.csm ?? ""),
      plan: plan ?? "",
      renewal: renewal ?? "",
      grade: grade ?? "",
      dropped: Boolean(dropped),
      sort,
    },
    searchCut: (params.q?.trim().length ?? 0) > MAX_ACCOUNT_SEARCH_LENGTH,
    segments,
    owners,
    canCreate: canInWorkspace(actor, "accounts.create"),
    canExport: canInWorkspace(actor, "accounts.export"),
    canImport: canInWorkspace(actor, "accounts.import"),
    today,
  };
}

const SORT_LABELS = {
  renewal_asc: "accounts.sortRenewalAsc",
  renewal_desc: "accounts.sortRenewalDesc",
  name: "accounts.sortName",
  plan_status: "accounts.sortPlanStatus",
  active_desc: "accounts.sortActiveDesc",
  active_asc: "accounts.sortActiveAsc",
  health_worst: "accounts.sortHealthWorst",
  health_best: "accounts.sortHealthBest",
  exposure: "accounts.sortExposure",
} as const;

export default function Accounts() {
  const { t } = useTranslation(["people", "common", "health"]);
  const { accounts, page, filters, searchCut, segments, owners, canCreate, canExport, canImport, today } =
    useLoaderData<typeof loader>();
  // The exports take the list's filters (not its page): the file holds every matching account.
  const exportQuery = new URLSearchParams(useLocation().search);
  exportQuery.delete("cursor");
  const exportSearch = exportQuery.toString() ? `?${exportQuery}` : "";
  const filtered = Boolean(
    filters.q || filters.segment || filters.csm || filters.plan || filters.renewal || filters.grade || filters.dropped,
  );
  const total = page.total ?? 0;
  // The header's names, and each cell's label when the table is cards on a phone.
  const columns = {
    name: t("accounts.columns.name"),
    segment: t("accounts.columns.segment"),
    csm: t("accounts.columns.csm"),
    health: t("accounts.columns.health"),
    plan: t("accounts.columns.plan"),
    seats: t("accounts.columns.seats"),
    active: t("accounts.columns.active"),
    renewal: t("accounts.columns.renewal"),
  };

  return (
    <>
      <PageHeader
        title={t("accounts.title")}
        description={t("accounts.description")}
        actions={
          <div className="flex flex-wrap gap-2">
            {canExport ? (
              <>
                <ButtonLink to={`/accounts.csv${exportSearch}`} variant="secondary" reloadDocument>
                  {t("accounts.exportCsv")}
                </ButtonLink>
                <ButtonLink to={`/accounts/people.csv${exportSearch}`} variant="secondary" reloadDocument>
                  {t("accounts.exportPeopleCsv")}
                </ButtonLink>
              </>
            ) : null}
            {canImport ? (
              <ButtonLink to="/accounts/import" variant="secondary">
                {t("imports.link")}
              </ButtonLink>
            ) : null}
            {canCreate ? <ButtonLink to="/accounts/new">{t("accounts.new")}</ButtonLink> : null}
          </div>
        }
      />
      {total === 0 && !filtered ? (
        <EmptyState
          title={t("accounts.emptyTitle")}
          action={canCreate ? <ButtonLink to="/accounts/new">{t("accounts.new")}</ButtonLink> : null}
        >
          {t("accounts.emptyBody")}
        </EmptyState>
      ) : (
        <>
          <Form
            method="get"
            role="search"
            // The key remounts the form on each navigation, so its fields show the list's filters.
            key={JSON.stringify(filters)}
            className="mb-4 grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
          >
            <div className="lg:col-span-2">
              <TextField
                label={t("accounts.searchLabel")}
                name="q"
                type="search"
                placeholder={t("accounts.searchPlaceholder")}
                defaultValue={filters.q}
                maxLength={MAX_ACCOUNT_SEARCH_LENGTH}
                hint={searchCut ? t("accounts.searchCut", { max: MAX_ACCOUNT_SEARCH_LENGTH }) : undefined}
              />
            </div>
            <SelectField
              label={t("accounts.segment")}
              name="segment"
              defaultValue={filters.segment}
              options={[
                { value: "", label: t("accounts.allSegments") },
                ...segments.map((s) => ({ value: s.id, label: s.name })),
              ]}
            />
            <SelectField
              label={t("accounts.csm")}
              name="csm"
              defaultValue={filters.csm}
              options={[
                { value: "", label: t("accounts.allCsms") },
                { value: "mine", label: t("accounts.mine") },
                ...owners.map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <SelectField
              label={t("accounts.planStatus")}
              name="plan"
              defaultValue={filters.plan}
              options={[
                { value: "", label: t("accounts.allPlanStatuses") },
                ...PLAN_STATUS_FILTERS.map((status) => ({
                  value: status,
                  label: t(`accounts.planStatuses.${status}`),
                })),
              ]}
            />
            <SelectField
              label={t("accounts.renewal")}
              name="renewal"
              defaultValue={filters.renewal}
              options={[
                { value: "", label: t("accounts.anyRenewal") },
                ...RENEWAL_WINDOWS.map((window) => ({ value: window, label: t(`accounts.renewalWindows.${window}`) })),
              ]}
            />
            <SelectField
              label={t("accounts.healthGrade")}
              name="grade"
              defaultValue={filters.grade}
              options={[
                { value: "", label: t("accounts.anyHealth") },
                ...HEALTH_GRADE_FILTERS.map((grade) => ({
                  value: grade,
                  label: grade === "none" ? t("health:noData") : t(`health:grades.${grade}`),
                })),
              ]}
            />
            <SelectField
              label={t("accounts.sort")}
              name="sort"
              defaultValue={filters.sort}
              options={ACCOUNT_SORTS.map((sort) => ({ value: sort, label: t(SORT_LABELS[sort]) }))}
            />
            <div className="lg:col-span-2 lg:pb-2">
              <CheckboxField
                label={t("accounts.healthDroppedFilter", { points: HEALTH_DROP_POINTS })}
                name="dropped"
                value="1"
                defaultChecked={filters.dropped}
              />
            </div>
            <div className="flex gap-2 sm:col-span-2 lg:col-span-2 lg:justify-end">
              {filtered ? (
                <ButtonLink to="/accounts" variant="ghost">
                  {t("common:actions.clear")}
                </ButtonLink>
              ) : null}
              <Button variant="secondary">{t("accounts.filter")}</Button>
            </div>
          </Form>
          <p className="mb-2 text-sm text-slate-600" role="status">
            {t("accounts.resultCount", { count: total })}
          </p>
          {accounts.length === 0 ? (
            <EmptyState title={t("accounts.noMatchesTitle")}>{t("accounts.noMatchesBody")}</EmptyState>
          ) : (
            <Table stack caption={t("accounts.title")} head={Object.values(columns)}>
              {accounts.map((account) => {
                return (
                  <tr key={account.id} className="hover:bg-slate-50">
                    {/* Company names can be long ("… Freight Holdings GmbH & Co. KG"): they wrap rather than widen the table. */}
                    <Cell className="min-w-40 whitespace-normal break-words font-medium text-slate-900">
                      <Link to={`/accounts/${account.id}`} className="text-brand-700 hover:underline">
                        {account.name}
                      </Link>
                      <div className="text-xs font-normal text-slate-500">
                        {account.industry} · {account.region}
                      </div>
                    </Cell>
                    {/* Segment, CSM and health wrap, so the eight columns fit at 1366 px. */}
                    <Cell label={columns.segment} className="whitespace-normal">
                      <Badge>{account.segmentName}</Badge>
                    </Cell>
                    <Cell label={columns.csm} className="whitespace-normal">
                      {account.csmName ?? <span className="text-slate-500">{t("accounts.unassigned")}</span>}
                    </Cell>
                    <Cell label={columns.health} className="whitespace-normal">
                      <HealthCell health={account.health} />
                    </Cell>
                    <Cell label={columns.plan} className="whitespace-normal">
                      <PlanStatusCell plan={account.plan} />
                    </Cell>
                    <Cell label={columns.seats}>
                      {t("accounts.seatsUsed", {
                        used: account.activePeople + account.pendingInvitations,
                        licensed: account.licensedSeats,
                      })}
                    </Cell>
                    <Cell label={columns.active} className="tabular-nums">
                      {t("accounts.activeOfSeats", { active: account.monthlyActive, seats: account.licensedSeats })}
                    </Cell>
                    <RenewalCell date={account.renewalDate} today={today} label={columns.renewal} />
                  </tr>
                );
              })}
            </Table>
          )}
          <Pager label={t("accounts.title")} page={page} />
        </>
      )}
    </>
  );
}
