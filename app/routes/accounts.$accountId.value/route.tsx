import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { getPlanValue } from "~/domain/value/metrics.server";
import { canOnValue } from "~/domain/value/value-permissions";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { Alert, Card, EmptyState, PageHeader } from "~/ui/layout";
import { formProps } from "~/ui/form";
import { MetricFields } from "~/ui/value/metric-fields";
import { RoiSummary } from "~/ui/value/roi-summary";
import { type MetricCardContext, MetricCard } from "./metric-card";
import { useValueFetcher } from "./use-value-fetcher";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "value:title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  const scope = { accountId: account.id };
  return {
    accountId: account.id,
    isStaff: actor.kind === "staff",
    value: await getPlanValue(actor, account.id),
    canDefine: canOnValue(actor, "metric.define", scope),
    canRecord: canOnValue(actor, "measurement.record", scope),
    costLink: canOnAccount(actor, "account.edit", account.id) ? `/accounts/${account.id}/edit` : null,
  };
}

function AddMetric({ outcome, context }: { outcome: { id: string; title: string }; context: MetricCardContext }) {
  const { t } = useTranslation("value");
  const { fetcher, formRef, form, fields, formError, busy, succeeded } = useValueFetcher();
  return (
    <details className="rounded-md p-3 text-sm ring-1 ring-inset ring-dashed ring-slate-300 print:hidden">
      <summary className="cursor-pointer font-medium text-brand-700">
        {t("define.addFor", { outcome: outcome.title })}
      </summary>
      <fetcher.Form
        ref={formRef}
        method="post"
        action={`/accounts/${context.accountId}/metrics`}
        className="mt-3 space-y-4"
        aria-label={t("define.addFor", { outcome: outcome.title })}
        {...formProps(form)}
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {succeeded ? (
          <p role="status" className="text-green-800">
            {t("define.created")}
          </p>
        ) : null}
        <MetricFields
          values={{ outcomeId: outcome.id }}
          fields={fields}
          outcomes={[outcome]}
          currency={context.currency}
        />
        <Button disabled={busy}>{t("define.create")}</Button>
      </fetcher.Form>
    </details>
  );
}

export default function ValuePage() {
  const { t } = useTranslation("value");
  const { accountId, isStaff, value, canDefine, canRecord, costLink } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";

  if (!value) {
    return (
      <div className="space-y-6">
        <PageHeader title={t("title")} />
        <EmptyState title={t("empty.noPlanTitle")}>{t("empty.noPlanBody")}</EmptyState>
      </div>
    );
  }

  const context: MetricCardContext = {
    accountId,
    currency: value.currency,
    startDate: value.plan.startDate,
    today: value.today,
    locale,
    canDefine,
    canRecord,
    outcomes: value.outcomes.map(({ id, title }) => ({ id, title })),
  };
  const metrics = value.outcomes.flatMap((outcome) => outcome.metrics);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <ButtonLink to={`/accounts/${accountId}/plan/summary`} variant="secondary">
            {t("summary.link")}
          </ButtonLink>
        }
      />
      <RoiSummary
        roi={value.roi}
        metrics={metrics}
        currency={value.currency}
        locale={locale}
        costLink={costLink}
        isStaff={isStaff}
      />
      {value.outcomes.length === 0 ? (
        <EmptyState title={t("empty.noOutcomesTitle")}>{t("empty.noOutcomesBody")}</EmptyState>
      ) : (
        value.outcomes.map((outcome) => (
          <Card key={outcome.id} title={outcome.title}>
            <div className="space-y-4">
              {outcome.metrics.length === 0 ? (
                <p className="text-sm text-slate-600">
                  {canDefine ? t("empty.noMetricsDefine") : t("empty.noMetrics")}
                </p>
              ) : null}
              {outcome.metrics.map((metric) => (
                <MetricCard key={metric.id} metric={metric} context={context} />
              ))}
              {canDefine ? <AddMetric outcome={outcome} context={context} /> : null}
            </div>
          </Card>
        ))
      )}
    </div>
  );
}
