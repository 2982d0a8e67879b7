import { useTranslation } from "react-i18next";
import type { MetricView } from "~/domain/value/metrics.server";
import { formatDate, formatFigure, formatMoney } from "~/lib/format";
import { Button } from "~/ui/button";
import { ConfirmAction } from "~/ui/confirm-action";
import { FormTextField, formProps } from "~/ui/form";
import { Alert, Badge } from "~/ui/layout";
import { ProgressBar } from "~/ui/progress";
import { Cell, Table } from "~/ui/table";
import { MetricChart } from "~/ui/value/metric-chart";
import { MetricFields } from "~/ui/value/metric-fields";
import { useValueFetcher } from "./use-value-fetcher";

export interface MetricCardContext {
  accountId: string;
  currency: string;
  startDate: string;
  today: string;
  locale: string;
  canDefine: boolean;
  canRecord: boolean;
  outcomes: { id: string; title: string }[];
}

function RecordForm({ metric, context }: { metric: MetricView; context: MetricCardContext }) {
  const { t } = useTranslation("value");
  const { fetcher, formRef, form, fields, formError, busy, succeeded } = useValueFetcher();
  return (
    <fetcher.Form
      ref={formRef}
      method="post"
      action={`/accounts/${context.accountId}/metrics/${metric.id}/measurements`}
      aria-label={t("record.titleFor", { name: metric.name })}
      className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200 print:hidden"
      {...formProps(form)}
    >
      <h4 className="text-sm font-semibold text-slate-900">{t("record.title")}</h4>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {succeeded ? (
        <p role="status" className="text-sm text-green-800">
          {t("record.saved")}
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-start">
        <FormTextField
          meta={fields.measuredOn}
          label={t("record.date")}
          type="date"
          defaultValue={context.today}
          max={context.today}
          min={context.startDate}
          required
        />
        <FormTextField
          meta={fields.value}
          label={t("record.value", { unit: metric.unit })}
          inputMode="decimal"
          required
        />
        <FormTextField
          meta={fields.note}
          label={t("record.note")}
          maxLength={500}
          placeholder={t("record.notePlaceholder")}
        />
        <Button className="sm:mt-6" disabled={busy}>
          {t("record.submit")}
        </Button>
      </div>
    </fetcher.Form>
  );
}

function EditMetric({ metric, context }: { metric: MetricView; context: MetricCardContext }) {
  const { t } = useTranslation(["value", "common"]);
  const { fetcher, form, fields, formError, busy } = useValueFetcher({ resetOnSuccess: false });
  const remove = useValueFetcher({ resetOnSuccess: false });
  return (
    <details className="text-sm print:hidden">
      <summary
        className="cursor-pointer font-medium text-brand-700"
        aria-label={t("define.editFor", { name: metric.name })}
      >
        {t("define.edit")}
      </summary>
      <fetcher.Form
        method="post"
        action={`/accounts/${context.accountId}/metrics/${metric.id}`}
        className="mt-3 space-y-4"
        aria-label={t("define.editFor", { name: metric.name })}
        {...formProps(form)}
      >
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="version" value={metric.version} />
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <MetricFields values={metric} fields={fields} outcomes={context.outcomes} currency={context.currency} />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Button disabled={busy}>{t("define.save")}</Button>
        </div>
      </fetcher.Form>
      <div className="mt-3 border-t border-slate-200 pt-3">
        {remove.formError ? <Alert tone="error">{remove.formError}</Alert> : null}
        <ConfirmAction
          id={`delete-metric-${metric.id}`}
          Form={remove.fetcher.Form}
          action={`/accounts/${context.accountId}/metrics/${metric.id}`}
          fields={{ intent: "delete" }}
          label={t("define.delete")}
          accessibleLabel={t("define.deleteFor", { name: metric.name })}
          prompt={t("define.deletePrompt")}
          confirmLabel={t("define.delete")}
          cancelLabel={t("common:actions.cancel")}
          busy={remove.busy}
        />
      </div>
    </details>
  );
}

function MeasurementRow({
  measurement,
  metric,
  context,
}: {
  measurement: MetricView["measurements"][number];
  metric: MetricView;
  context: MetricCardContext;
}) {
  const { t } = useTranslation(["value", "common"]);
  const remove = useValueFetcher({ resetOnSuccess: false });
  const date = formatDate(measurement.measuredOn, context.locale);
  return (
    <tr>
      <Cell>{date}</Cell>
      <Cell className="tabular-nums">
        {formatFigure(measurement.value, context.locale)} {metric.unit}
      </Cell>
      <Cell className="whitespace-normal">{measurement.note || t("common:empty")}</Cell>
      <Cell>{measurement.recordedByName ?? t("common:empty")}</Cell>
      {context.canRecord ? (
        <Cell>
          <ConfirmAction
            id={`delete-measurement-${measurement.id}`}
            Form={remove.fetcher.Form}
            action={`/accounts/${context.accountId}/measurements/${measurement.id}`}
            fields={{ intent: "delete" }}
            label={t("metric.deleteMeasurement")}
            accessibleLabel={t("metric.deleteMeasurementFor", { date })}
            prompt={t("metric.deleteMeasurementPrompt")}
            confirmLabel={t("metric.deleteMeasurement")}
            cancelLabel={t("common:actions.cancel")}
            busy={remove.busy}
          />
        </Cell>
      ) : null}
    </tr>
  );
}

/** One metric: where it stands, its chart and readings, and the forms the person may use. */
export function MetricCard({ metric, context }: { metric: MetricView; context: MetricCardContext }) {
  const { t } = useTranslation(["value", "common"]);
  const { locale } = context;
  const percent = Math.round(metric.progress.progress * 100);
  const tone = metric.progress.reached ? "green" : metric.progress.improvement < 0 ? "red" : "brand";
  const newestFirst = [...metric.measurements].reverse();
  return (
    <article aria-label={metric.name} className="space-y-4 rounded-md p-4 ring-1 ring-inset ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold text-slate-900">{metric.name}</h3>
          <p className="text-sm text-slate-600">
            {t("metric.baselineTarget", {
              baseline: formatFigure(metric.baseline, locale),
              target: formatFigure(metric.target, locale),
              unit: metric.unit,
            })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Badge>{t(`metric.direction.${metric.direction}`)}</Badge>
          {metric.progress.reached ? <Badge tone="green">{t("metric.reached")}</Badge> : null}
          {metric.progress.improvement < 0 ? <Badge tone="red">{t("metric.worse")}</Badge> : null}
        </div>
      </header>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("metric.current")}</dt>
          <dd className="text-lg font-semibold text-slate-900">
            {t("metric.currentValue", {
              value: formatFigure(metric.current ?? metric.baseline, locale),
              unit: metric.unit,
            })}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("metric.progress")}</dt>
          <dd className="space-y-1">
            <span className="text-lg font-semibold text-slate-900">{t("metric.progressValue", { percent })}</span>
            <ProgressBar value={metric.progress.progress} label={t("metric.progress")} tone={tone} />
          </dd>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("roi.valuePerYear")}</dt>
          <dd className="text-sm text-slate-800">
            {metric.annualValue === null
              ? t("metric.notMoney")
              : t("metric.perYear", { value: formatMoney(metric.annualValue, context.currency, locale) })}
          </dd>
        </div>
      </dl>
      <MetricChart
        metric={{ ...metric, current: metric.current ?? metric.baseline }}
        startDate={context.startDate}
        today={context.today}
        locale={locale}
      />
      {metric.measurements.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty.noMeasurements")}</p>
      ) : (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">
            {t("metric.measurements", { count: metric.measurements.length })}
          </summary>
          <div className="mt-2">
            <Table
              caption={t("metric.measurements", { count: metric.measurements.length })}
              head={[
                t("metric.columns.date"),
                t("metric.columns.value"),
                t("metric.columns.note"),
                t("metric.columns.by"),
                ...(context.canRecord ? [t("metric.columns.actions")] : []),
              ]}
            >
              {newestFirst.map((measurement) => (
                <MeasurementRow key={measurement.id} measurement={measurement} metric={metric} context={context} />
              ))}
            </Table>
          </div>
        </details>
      )}
      {context.canRecord ? <RecordForm metric={metric} context={context} /> : null}
      {context.canDefine ? <EditMetric metric={metric} context={context} /> : null}
    </article>
  );
}
