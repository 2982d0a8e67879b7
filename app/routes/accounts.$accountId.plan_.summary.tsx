import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { getCustomerRollout, seesOwnRollout } from "~/domain/health/customer-view.server";
import { buildExecutiveSummary } from "~/domain/plans/executive-summary";
import { getCurrentPlanView } from "~/domain/plans/plan-view.server";
import { getPlanValue } from "~/domain/value/metrics.server";
import { formatDate, formatFigure } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { RolloutCard } from "~/ui/health/rollout-card";
import { EmptyState, PageHeader } from "~/ui/layout";
import { Glance } from "~/ui/plans/glance";
import { MilestoneStatusBadge, useDaysText } from "~/ui/plans/status-badge";
import { Cell, Table } from "~/ui/table";
import { RoiSummary } from "~/ui/value/roi-summary";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "value:summary.title");

/** The printable quarterly-business-review page of the account's current plan. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  // The summary is what staff print for the QBR with the customer: health in the customer's words
  // (the measures the vendor shares), never the score, pulse or overrides. Members don't see health.
  const showsRollout = actor.kind === "staff" || seesOwnRollout(actor, account.id);
  const [view, value, rollout] = await Promise.all([
    getCurrentPlanView(actor, account.id),
    getPlanValue(actor, account.id),
    showsRollout ? getCustomerRollout(account) : Promise.resolve(null),
  ]);
  return {
    account: { id: account.id, name: account.name },
    isStaff: actor.kind === "staff",
    plan: view ? { name: view.plan.name, today: view.today } : null,
    summary: view ? buildExecutiveSummary(view, account.timeZone) : null,
    value,
    rollout,
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="break-inside-avoid space-y-3">
      <h2 className="border-b border-slate-200 pb-1 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export default function ExecutiveSummaryPage() {
  const { t } = useTranslation(["value", "plans"]);
  const { account, isStaff, plan, summary, value, rollout } = useLoaderData<typeof loader>();
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const vendor = root?.vendorName ?? "";
  const daysText = useDaysText();

  if (!plan || !summary) {
    return (
      <div className="space-y-6">
        <PageHeader title={t("summary.title")} />
        <EmptyState title={t("empty.noPlanTitle")}>{t("empty.noPlanBody")}</EmptyState>
      </div>
    );
  }
  const metricsByOutcome = new Map((value?.outcomes ?? []).map((outcome) => [outcome.id, outcome.metrics]));
  const early = (days: number) =>
    days > 0
      ? t("summary.earlyBy", { count: days })
      : days < 0
        ? t("summary.lateBy", { count: -days })
        : t("summary.onTime");

  return (
    <article className="mx-auto max-w-4xl space-y-8 bg-white p-6 shadow-sm ring-1 ring-slate-200 print:max-w-none print:p-0 print:shadow-none print:ring-0 sm:p-10">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <p className="text-sm font-medium text-brand-700">{t("summary.preparedBy", { vendor })}</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{t("summary.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("summary.subtitle", { account: account.name, plan: plan.name, date: formatDate(plan.today, locale) })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          <Button type="button" onClick={() => window.print()}>
            {t("summary.print")}
          </Button>
          <ButtonLink to={`/accounts/${account.id}/plan`} variant="secondary">
            {t("summary.back")}
          </ButtonLink>
        </div>
      </header>

      <Section title={t("summary.where")}>
        <Glance summary={summary.summary} locale={locale} />
      </Section>

      {rollout && rollout.length > 0 ? <RolloutCard accountId={account.id} measures={rollout} /> : null}

      <Section title={t("summary.outcomes")}>
        {summary.outcomes.map((outcome) => {
          const metrics = metricsByOutcome.get(outcome.id) ?? [];
          return (
            <div key={outcome.id} className="break-inside-avoid space-y-2">
              <h3 className="font-medium text-slate-900">{outcome.title}</h3>
              {outcome.successCriteria ? <p className="text-sm text-slate-600">{outcome.successCriteria}</p> : null}
              {metrics.length === 0 ? (
                <p className="text-sm text-slate-500">{t("summary.noMetrics")}</p>
              ) : (
                <Table
                  caption={outcome.title}
                  head={[
                    t("roi.columns.metric"),
                    t("metric.chartBaseline"),
                    t("metric.current"),
                    t("metric.chartTarget"),
                    t("metric.progress"),
                  ]}
                >
                  {metrics.map((metric) => (
                    <tr key={metric.id}>
                      <Cell className="whitespace-normal font-medium text-slate-900">{metric.name}</Cell>
                      <Cell>{`${formatFigure(metric.baseline, locale)} ${metric.unit}`}</Cell>
                      <Cell>{`${formatFigure(metric.current ?? metric.baseline, locale)} ${metric.unit}`}</Cell>
                      <Cell>{`${formatFigure(metric.target, locale)} ${metric.unit}`}</Cell>
                      <Cell>{t("metric.progressValue", { percent: Math.round(metric.progress.progress * 100) })}</Cell>
                    </tr>
                  ))}
                </Table>
              )}
            </div>
          );
        })}
      </Section>

      {value ? (
        <div className="break-inside-avoid">
          <RoiSummary
            roi={value.roi}
            metrics={value.outcomes.flatMap((outcome) => outcome.metrics)}
            currency={value.currency}
            locale={locale}
            costLink={null}
            isStaff={isStaff}
            expanded
          />
        </div>
      ) : null}

      <div className="grid grid-cols-1 gap-8 md:grid-cols-2 print:grid-cols-2">
        <Section title={t("summary.milestonesAchieved")}>
          {summary.achieved.length === 0 ? <p className="text-sm text-slate-600">{t("summary.noneAchieved")}</p> : null}
          <ul className="space-y-2 text-sm">
            {summary.achieved.map((milestone) => (
              <li key={milestone.id}>
                <span className="font-medium text-slate-900">{milestone.title}</span>
                <span className="block text-slate-600">
                  {t("summary.achievedOn", { date: formatDate(milestone.achievedOn, locale) })} ·{" "}
                  {early(milestone.daysEarly)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
        <Section title={t("summary.nextMilestones")}>
          {summary.next.length === 0 ? <p className="text-sm text-slate-600">{t("summary.noneNext")}</p> : null}
          <ul className="space-y-2 text-sm">
            {summary.next.map((milestone) => (
              <li key={milestone.id} className="flex items-start justify-between gap-2">
                <span>
                  <span className="font-medium text-slate-900">{milestone.title}</span>
                  <span className="block text-slate-600">
                    {formatDate(milestone.targetDate, locale)} · {daysText(milestone.daysToTarget)}
                  </span>
                </span>
                <MilestoneStatusBadge status={milestone.status} />
              </li>
            ))}
          </ul>
        </Section>
      </div>

      <Section title={t("summary.risks")}>
        {summary.risks.length === 0 ? <p className="text-sm text-slate-600">{t("summary.noRisks")}</p> : null}
        <ul className="space-y-2 text-sm">
          {summary.risks.map((risk) => (
            <li key={`${risk.kind}-${risk.id}`} className="flex items-start justify-between gap-2">
              <span>
                <span className="font-medium text-slate-900">{risk.title}</span>
                <span className="block text-slate-600">
                  {risk.kind === "milestone"
                    ? formatDate(risk.targetDate, locale)
                    : [
                        t(`plans:side.${risk.side}`),
                        risk.assigneeName,
                        risk.overdue && risk.dueDate
                          ? t("summary.overdueSince", { date: formatDate(risk.dueDate, locale) })
                          : null,
                        risk.blockedReason ? t("summary.blockedBecause", { reason: risk.blockedReason }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                </span>
              </span>
              {risk.kind === "milestone" ? <MilestoneStatusBadge status={risk.status} /> : null}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t("summary.nextSteps")}>
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2 print:grid-cols-2">
          {(["customer", "vendor"] as const).map((side) => (
            <div key={side} className="space-y-2">
              <h3 className="font-medium text-slate-900">
                {t(`summary.nextStepsSide.${side}`, { account: account.name, vendor })}
              </h3>
              {summary.nextSteps[side].length === 0 ? (
                <p className="text-sm text-slate-600">{t("summary.noSteps")}</p>
              ) : null}
              <ol className="list-decimal space-y-1 pl-5 text-sm">
                {summary.nextSteps[side].map((step) => (
                  <li key={step.id}>
                    <span className="text-slate-900">{step.title}</span>
                    <span className={`block ${step.overdue ? "text-red-700" : "text-slate-600"}`}>
                      {[
                        step.assigneeName,
                        step.dueDate ? t("summary.due", { date: formatDate(step.dueDate, locale) }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </Section>
    </article>
  );
}
