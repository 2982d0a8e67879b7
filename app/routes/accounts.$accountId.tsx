import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canInWorkspace, canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { getHealthBadge } from "~/domain/health/view.server";
import { countOpenWorkItems } from "~/domain/interventions/work-items.server";
import { listViewAsCandidates } from "~/domain/auth/view-as.server";
import { Button, ButtonLink } from "~/ui/button";
import { HealthBadge, OverrideBadge } from "~/ui/health/grade-badge";
import { HealthChanges } from "~/ui/health/health-changes";
import { Badge } from "~/ui/layout";
import { UseCaseBadges } from "~/ui/use-cases";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.account", { name: data?.account.name ?? "" });

/** The frame of every account page. Staff see the account's name and its sections; customers their own nav. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const canSeeHealth = canOnAccount(actor, "health.view", account.id);
  const canSeeRevenue = canOnAccount(actor, "revenue.view", account.id);
  // Staff only: a customer's frame carries no score (what they may see of it comes later, projected).
  const canEdit = canOnAccount(actor, "account.edit", account.id);
  const [health, openWork, viewAsPeople] = await Promise.all([
    canSeeHealth ? getHealthBadge(account) : null,
    canEdit ? countOpenWorkItems([account.id]) : null,
    actor.kind === "staff" ? listViewAsCandidates(account.id) : [],
  ]);
  return {
    account: {
      id: account.id,
      name: account.name,
      segmentName: account.segmentName,
      industry: account.industry,
      region: account.region,
      useCases: account.useCases,
    },
    isStaff: actor.kind === "staff",
    canEdit,
    openWorkItems: openWork ? (openWork.get(account.id) ?? 0) : null,
    canSeeAdvocacy: canInWorkspace(actor, "advocacy.view"),
    canSeeHealth,
    canSeeRevenue,
    health,
    viewAsPeople,
  };
}

function tabClass({ isActive }: { isActive: boolean }) {
  return `whitespace-nowrap border-b-2 px-1 pb-2 text-sm font-medium ${
    isActive
      ? "border-brand-600 text-brand-700"
      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
  }`;
}

/** Opens the portal as one of the account's people, read-only (domain/auth/view-as.ts). */
function ViewAsForm({
  accountId,
  people,
}: {
  accountId: string;
  people: { id: string; name: string; accountRole: "champion" | "member" }[];
}) {
  const { t } = useTranslation(["people", "common"]);
  return (
    <Form method="post" action="/view-as" className="flex items-end gap-2" aria-label={t("account.viewAs.title")}>
      <input type="hidden" name="intent" value="start" />
      <input type="hidden" name="accountId" value={accountId} />
      <label className="text-sm text-slate-700">
        <span className="block text-xs font-medium text-slate-600">{t("account.viewAs.person")}</span>
        <select
          name="userId"
          defaultValue={people[0]?.id}
          className="mt-1 rounded-md border-slate-300 py-1.5 text-sm"
          aria-describedby="view-as-hint"
        >
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {t("account.viewAs.personOption", {
                name: person.name,
                role: t(`common:roles.${person.accountRole}`),
              })}
            </option>
          ))}
        </select>
      </label>
      <span id="view-as-hint" className="sr-only">
        {t("account.viewAs.hint")}
      </span>
      <Button type="submit" variant="secondary">
        {t("account.viewAs.submit")}
      </Button>
    </Form>
  );
}

export default function AccountFrame() {
  const { t } = useTranslation(["people", "interventions"]);
  const {
    account,
    isStaff,
    canEdit,
    canSeeAdvocacy,
    canSeeHealth,
    canSeeRevenue,
    health,
    openWorkItems,
    viewAsPeople,
  } = useLoaderData<typeof loader>();
  if (!isStaff) return <Outlet />;
  return (
    <>
      <div className="mb-6 print:hidden">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{account.name}</h1>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <Badge tone="brand">{account.segmentName}</Badge>
              {canSeeHealth ? (
                <HealthBadge
                  overall={health?.overall ?? null}
                  grade={health?.grade ?? null}
                  churned={health?.churned}
                />
              ) : null}
              {health?.override ? <OverrideBadge override={health.override} /> : null}
              {health?.changes ? <HealthChanges changes={health.changes} compact /> : null}
              <span>
                {account.industry} · {account.region}
              </span>
            </div>
            <UseCaseBadges useCases={account.useCases} label={t("account.useCases")} className="mt-2" />
          </div>
          <div className="flex flex-wrap items-end gap-3">
            {viewAsPeople.length > 0 ? <ViewAsForm accountId={account.id} people={viewAsPeople} /> : null}
            {canEdit ? (
              <ButtonLink to={`/accounts/${account.id}/edit`} variant="secondary">
                {t("account.edit")}
              </ButtonLink>
            ) : null}
          </div>
        </div>
        <nav aria-label={t("account.tabs.label")} className="mt-4 border-b border-slate-200">
          <ul className="relative -mb-px flex gap-6 overflow-x-auto">
            <li>
              <NavLink to={`/accounts/${account.id}`} end className={tabClass}>
                {t("account.tabs.overview")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/accounts/${account.id}/plan`} className={tabClass}>
                {t("account.tabs.plan")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/accounts/${account.id}/value`} className={tabClass}>
                {t("account.tabs.value")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/accounts/${account.id}/training`} className={tabClass}>
                {t("account.tabs.training")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/accounts/${account.id}/people`} className={tabClass}>
                {t("account.tabs.people")}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/accounts/${account.id}/usage`} className={tabClass}>
                {t("account.tabs.usage")}
              </NavLink>
            </li>
            {canSeeHealth ? (
              <li>
                <NavLink to={`/accounts/${account.id}/health`} className={tabClass}>
                  {t("account.tabs.health")}
                </NavLink>
              </li>
            ) : null}
            {canSeeRevenue ? (
              <li>
                <NavLink to={`/accounts/${account.id}/revenue`} className={tabClass}>
                  {t("account.tabs.revenue")}
                </NavLink>
              </li>
            ) : null}
            {openWorkItems !== null ? (
              <li>
                <NavLink to={`/accounts/${account.id}/work-items`} className={tabClass}>
                  {t("account.tabs.workItems")}{" "}
                  <Badge tone={openWorkItems > 0 ? "amber" : "neutral"}>
                    <span className="sr-only">{t("interventions:workItems.openCount", { count: openWorkItems })}</span>
                    <span aria-hidden>{openWorkItems}</span>
                  </Badge>
                </NavLink>
              </li>
            ) : null}
            {canSeeAdvocacy ? (
              <li>
                <NavLink to={`/accounts/${account.id}/advocacy`} className={tabClass}>
                  {t("account.tabs.advocacy")}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
      <Outlet />
    </>
  );
}
