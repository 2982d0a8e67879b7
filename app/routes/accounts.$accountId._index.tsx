import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAccountActivity } from "~/domain/activity/activity.server";
import { listOpenAsksFor } from "~/domain/advocacy/asks.server";
import { listCaseStudiesToReview } from "~/domain/advocacy/case-studies.server";
import { isNpsSurveyDue } from "~/domain/advocacy/nps.server";
import { listOpenReferenceRequestsFor } from "~/domain/advocacy/references.server";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { getCustomerRollout, seesOwnRollout } from "~/domain/health/customer-view.server";
import { customerAccountHome, customerCsmCard, staffAccountHome } from "~/domain/people/account-views";
import { firstSteps } from "~/domain/people/first-steps";
import { peopleChoices } from "~/domain/people/members.server";
import { getCurrentPlanView } from "~/domain/plans/plan-view.server";
import { type PlanView, reviewedByCustomer } from "~/domain/plans/plan-view";
import { hasStartedACourse } from "~/domain/training/learning.server";
import { activityValues } from "~/ui/account-activity";
import { AskCard } from "~/ui/advocacy/ask-card";
import { CaseStudyReviewCard } from "~/ui/advocacy/case-study-review-card";
import { NpsSurvey } from "~/ui/advocacy/nps-survey";
import { ReferenceRequestCard } from "~/ui/advocacy/reference-request-card";
import { RolloutCard } from "~/ui/health/rollout-card";
import { Glance } from "~/ui/plans/glance";
import { CsmCard } from "~/ui/people/csm-card";
import { FirstStepsCard } from "~/ui/people/first-steps-card";
import { formatDate, formatDateTime } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Badge, Card, EmptyState, Facts } from "~/ui/layout";

/** The home's team card names this many people; the team page has everyone. */
const TEAM_CARD_PEOPLE = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const isStaff = actor.kind === "staff";
  const [members, activity, plan, asks, npsDue, referenceRequests, reviews, rollout, courseStarted] = await Promise.all(
    [
      peopleChoices(account.id, { limit: TEAM_CARD_PEOPLE }),
      isStaff ? listAccountActivity(account.id, 15) : Promise.resolve([]),
      getCurrentPlanView(actor, account.id),
      listOpenAsksFor(actor),
      isNpsSurveyDue(actor),
      listOpenReferenceRequestsFor(actor),
      listCaseStudiesToReview(actor),
      seesOwnRollout(actor, account.id) ? getCustomerRollout(account) : Promise.resolve(null),
      // The one query the first steps add: the rest is in the account row and the plan already read.
      isStaff ? Promise.resolve(true) : hasStartedACourse(actor.id),
    ],
  );
  return {
    viewer: { name: actor.name, isStaff },
    account: isStaff ? staffAccountHome(account) : customerAccountHome(account),
    csm: isStaff ? null : customerCsmCard(account),
    firstSteps:
      actor.kind === "customer"
        ? firstSteps({
            accountRole: actor.accountRole,
            activePeople: account.activePeople,
            pendingInvitations: account.pendingInvitations,
            planReviewed: plan ? reviewedByCustomer(plan) : null,
            courseStarted,
          })
        : null,
    team: members.people,
    teamMore: members.more,
    activity: activity.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
    canManagePeople: canOnAccount(actor, "people.manage", account.id),
    plan: plan ? { name: plan.plan.name, summary: plan.summary } : null,
    asks,
    npsDue,
    referenceRequests,
    reviews,
    rollout,
  };
}

function PlanCard({
  plan,
  planPath,
  emptyText,
  locale,
}: {
  plan: { name: string; summary: PlanView["summary"] } | null;
  planPath: string;
  emptyText: string;
  locale: string;
}) {
  const { t } = useTranslation("people");
  return (
    <Card
      title={t("account.planTitle")}
      actions={
        <Link to={planPath} className="text-sm font-medium text-brand-700 hover:underline">
          {t("account.openPlan")}
        </Link>
      }
    >
      {plan ? (
        <div className="space-y-3">
          <p className="text-sm font-medium text-slate-800">{plan.name}</p>
          <Glance summary={plan.summary} locale={locale} />
        </div>
      ) : (
        <EmptyState title={t("account.planTitle")}>{emptyText}</EmptyState>
      )}
    </Card>
  );
}

export default function AccountHome() {
  const { t } = useTranslation(["people", "common", "advocacy", "health"]);
  const {
    viewer,
    account,
    csm,
    firstSteps,
    team,
    teamMore,
    activity,
    canManagePeople,
    plan,
    asks,
    npsDue,
    referenceRequests,
    reviews,
    rollout,
  } = useLoaderData<typeof loader>();
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const peoplePath = `/accounts/${account.id}/people`;

  const teamCard = (
    <Card
      title={viewer.isStaff ? t("account.peopleTitle") : t("account.teamTitle")}
      actions={
        <Link to={peoplePath} className="text-sm font-medium text-brand-700 hover:underline">
          {canManagePeople ? t("account.manageTeam") : t("account.viewTeam")}
        </Link>
      }
    >
      {team.length === 0 ? (
        <EmptyState title={t("team.emptyTitle")}>{t("team.emptyBody")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {team.map((person) => (
            <li key={person.id} className="flex items-center justify-between gap-3 py-2.5">
              <div>
                <div className="text-sm font-medium text-slate-900">{person.name}</div>
                {person.title ? <div className="text-xs text-slate-500">{person.title}</div> : null}
              </div>
              <Badge tone={person.accountRole === "champion" ? "brand" : "neutral"}>
                {t(`common:roles.${person.accountRole ?? "member"}`)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {teamMore ? (
        <p className="mt-2 text-xs text-slate-600">
          <Link to={peoplePath} className="font-medium text-brand-700 hover:underline">
            {t("account.teamMore", { count: team.length })}
          </Link>
        </p>
      ) : null}
    </Card>
  );

  if (account.view === "customer") {
    return (
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("account.welcome", { name: viewer.name })}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("account.customerIntro", { account: account.name, vendor: root?.vendorName ?? "" })}
          </p>
        </div>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            {firstSteps ? <FirstStepsCard accountId={account.id} steps={firstSteps} /> : null}
            {asks.length + referenceRequests.length + reviews.length > 0 ? (
              <section aria-labelledby="asks-heading" className="space-y-3">
                <h2 id="asks-heading" className="text-base font-semibold text-slate-900">
                  {t("advocacy:home.asksHeading")}
                </h2>
                {reviews.map((draft) => (
                  <CaseStudyReviewCard key={draft.id} draft={draft} accountId={account.id} />
                ))}
                {referenceRequests.map((request) => (
                  <ReferenceRequestCard
                    key={request.id}
                    request={request}
                    accountId={account.id}
                    vendorName={root?.vendorName ?? ""}
                  />
                ))}
                {asks.map((ask) => (
                  <AskCard key={ask.id} ask={ask} accountId={account.id} vendorName={root?.vendorName ?? ""} />
                ))}
              </section>
            ) : null}
            {rollout ? <RolloutCard accountId={account.id} measures={rollout} /> : null}
            <PlanCard
              plan={plan}
              planPath={`/accounts/${account.id}/plan`}
              emptyText={t("account.planEmpty")}
              locale={locale}
            />
            {teamCard}
          </div>
          <div className="space-y-6">
            <CsmCard csm={csm} />
            {npsDue ? <NpsSurvey accountId={account.id} vendorName={root?.vendorName ?? ""} /> : null}
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <Card title={t("account.tabs.overview")}>
          <Facts
            items={[
              { label: t("account.facts.csm"), value: account.csmName ?? t("accounts.unassigned") },
              { label: t("account.facts.segment"), value: account.segmentName },
              { label: t("account.facts.industry"), value: account.industry },
              { label: t("account.facts.region"), value: account.region },
              {
                label: t("account.facts.seats"),
                value: t("accounts.seatsUsed", {
                  used: account.activePeople + account.pendingInvitations,
                  licensed: account.licensedSeats,
                }),
              },
              { label: t("account.facts.renewal"), value: formatDate(account.renewalDate, locale) },
              { label: t("account.facts.timeZone"), value: account.timeZone.replaceAll("_", " ") },
            ]}
          />
        </Card>
        <PlanCard
          plan={plan}
          planPath={`/accounts/${account.id}/plan`}
          emptyText={t("account.staffPlanEmpty")}
          locale={locale}
        />
        {teamCard}
      </div>
      <Card title={t("account.activityTitle")}>
        {activity.length === 0 ? (
          <p className="text-sm text-slate-600">{t("account.activityEmpty")}</p>
        ) : (
          <ol className="space-y-3">
            {activity.map((entry) => (
              <li key={entry.id} className="text-sm">
                <div className="text-slate-800">
                  {t(`account.activity.${entry.action as "unknown"}`, {
                    defaultValue: t("account.activity.unknown", { actor: entry.actorName ?? t("account.someone") }),
                    ...activityValues(entry, t, locale),
                  })}
                </div>
                <time dateTime={entry.createdAt} className="text-xs text-slate-500">
                  {formatDateTime(entry.createdAt, locale, account.timeZone)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
