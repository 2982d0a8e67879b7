import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { CURRENCIES } from "~/domain/revenue/currencies";
import { CHURN_REASONS, LEDGER_KINDS } from "~/domain/revenue/ledger";
import { addLedgerEntry, getSubscription, listLedger, startSubscription } from "~/domain/revenue/ledger.server";
import { CloseRenewalSchema, EntrySchema, ForecastSchema, SubscriptionSchema } from "~/domain/revenue/schemas";
import {
  FORECAST_CALLS,
  GAP_HIGHLIGHT,
  RENEWAL_OUTCOMES,
  automaticForecast,
  forecastGap,
} from "~/domain/revenue/forecast";
import { closeRenewal, setForecast } from "~/domain/revenue/renewals.server";
import { healthSummaries } from "~/domain/health/view.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDate, formatMoney, todayIn } from "~/lib/format";
import { replyFor } from "~/lib/forms";
import { invalidForm, readSubmission, refuse } from "~/lib/forms.server";
import { forbidden, notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { FormErrors, FormSelectField, FormTextAreaField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { Badge, Card, Facts } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.revenue", { name: data?.accountName ?? "" });

/** The staff Revenue tab: the subscription and a page of its ARR ledger. Customers (and marketing) get 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!canOnAccount(actor, "revenue.view", account.id)) notFound();
  const cursor = cursorParam.parse(new URL(request.url).searchParams.get("cursor") ?? undefined);
  const [subscription, ledger, health] = await Promise.all([
    getSubscription(account.id),
    listLedger(account.id, cursor),
    healthSummaries([account.id]),
  ]);
  const summary = health.get(account.id)!;
  const automatic = automaticForecast(summary);
  return {
    accountId: account.id,
    accountName: account.name,
    accountCurrency: account.currency,
    today: todayIn(account.timeZone),
    canManage: canOnAccount(actor, "revenue.manage", account.id),
    subscription: subscription
      ? {
          planName: subscription.planName,
          currency: subscription.currency,
          termMonths: subscription.termMonths,
          startDate: subscription.startDate,
          renewalDate: subscription.renewalDate,
          arr: subscription.arr,
          churnedOn: subscription.churnedOn,
          version: subscription.version,
          forecast: subscription.forecast,
          forecastNote: subscription.forecastNote,
          automatic,
          gap: forecastGap(subscription.forecast, automatic),
        }
      : null,
    ledger,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!canOnAccount(actor, "revenue.view", account.id) || actor.kind !== "staff") notFound();
  if (!canOnAccount(actor, "revenue.manage", account.id)) forbidden();
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  // A form shown for one account and posted to another's page: that entry does not exist here.
  if (form?.get("accountId") !== account.id) notFound();
  const t = serverT(actor.locale);
  if (form?.get("intent") === "subscription") {
    const parsed = await readSubmission(request, SubscriptionSchema);
    if (!parsed.ok) return parsed.answer;
    const result = await startSubscription(actor, account, parsed.data);
    if (!result.ok) return refuse(parsed.submission, "revenue", result.error, result.field);
    return redirectWithNotice(`/accounts/${account.id}/revenue`, t("revenue:subscription.started"));
  }
  if (form?.get("intent") === "forecast") {
    const parsed = await readSubmission(request, ForecastSchema);
    if (!parsed.ok) return parsed.answer;
    const result = await setForecast(actor, account, parsed.data);
    if (!result.ok) return refuse(parsed.submission, "revenue", result.error);
    return redirectWithNotice(`/accounts/${account.id}/revenue`, t("revenue:forecast.saved"));
  }
  if (form?.get("intent") === "close") {
    const parsed = await readSubmission(request, CloseRenewalSchema);
    if (!parsed.ok) return parsed.answer;
    const result = await closeRenewal(actor, account, parsed.data);
    if (!result.ok) {
      if (result.error === "invalid") {
        return invalidForm(parsed.submission, { fieldErrors: { newArr: [`revenue:errors.${result.code}`] } });
      }
      return refuse(parsed.submission, "revenue", result.error, result.field);
    }
    return redirectWithNotice(`/accounts/${account.id}/revenue`, t("revenue:close.saved"));
  }
  const parsed = await readSubmission(request, EntrySchema);
  if (!parsed.ok) return parsed.answer;
  const result = await addLedgerEntry(actor, account, parsed.data);
  if (!result.ok) return refuse(parsed.submission, "revenue", result.error, result.field);
  return redirectWithNotice(`/accounts/${account.id}/revenue`, t("revenue:entry.saved"));
}

export default function RevenueTab() {
  const { t } = useTranslation("revenue");
  const { accountId, accountCurrency, today, canManage, subscription, ledger } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [subscriptionForm, subscriptionFields] = useForm({
    lastResult: useFormReply(replyFor(answer, "subscription")),
  });
  const [entryForm, entryFields] = useForm({ lastResult: useFormReply(replyFor(answer, "entry")) });
  const [forecastForm, forecastFields] = useForm({ lastResult: useFormReply(replyFor(answer, "forecast")) });
  const [closeForm, closeFields] = useForm({ lastResult: useFormReply(replyFor(answer, "close")) });
  const busy = useNavigation().state !== "idle";
  const locale = useRootData()?.locale ?? "en";
  const money = (value: number, currency: string) => formatMoney(value, currency, locale, 0);
  const signed = (value: number, currency: string) => (value > 0 ? "+" : "") + money(value, currency);

  return (
    <div className="space-y-6">
      <Card title={t("subscription.heading")}>
        {subscription ? (
          <div className="space-y-3">
            {subscription.churnedOn ? (
              <Badge tone="red">
                {t("subscription.churnedOn", { date: formatDate(subscription.churnedOn, locale) })}
              </Badge>
            ) : null}
            <Facts
              items={[
                { label: t("subscription.arr"), value: money(subscription.arr, subscription.currency) },
                { label: t("subscription.plan"), value: subscription.planName || t("subscription.noPlanName") },
                { label: t("subscription.term"), value: t("subscription.months", { count: subscription.termMonths }) },
                { label: t("subscription.start"), value: formatDate(subscription.startDate, locale) },
                { label: t("subscription.renewal"), value: formatDate(subscription.renewalDate, locale) },
              ]}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("subscription.none")}</p>
        )}
      </Card>

      {canManage && !subscription ? (
        <Card title={t("subscription.startHeading")}>
          <Form method="post" className="space-y-3" {...formProps(subscriptionForm)}>
            <input type="hidden" name="intent" value="subscription" />
            <input type="hidden" name="accountId" value={accountId} />
            <FormErrors form={subscriptionForm} />
            <div className="grid gap-3 sm:grid-cols-3">
              <FormTextField meta={subscriptionFields.planName} label={t("subscription.plan")} maxLength={120} />
              <FormTextField meta={subscriptionFields.arr} label={t("subscription.arr")} inputMode="decimal" required />
              <FormSelectField
                meta={subscriptionFields.currency}
                label={t("subscription.currency")}
                defaultValue={(CURRENCIES as readonly string[]).includes(accountCurrency) ? accountCurrency : "USD"}
                options={CURRENCIES.map((code) => ({ value: code, label: code }))}
              />
              <FormTextField
                meta={subscriptionFields.termMonths}
                label={t("subscription.termMonths")}
                inputMode="numeric"
                defaultValue="12"
                required
              />
              <FormTextField
                meta={subscriptionFields.startDate}
                label={t("subscription.start")}
                type="date"
                defaultValue={today}
                required
              />
              <FormTextField
                meta={subscriptionFields.renewalDate}
                label={t("subscription.renewal")}
                type="date"
                required
              />
            </div>
            <FormTextAreaField meta={subscriptionFields.note} label={t("entry.note")} rows={2} />
            <Button disabled={busy}>{t("subscription.submit")}</Button>
          </Form>
        </Card>
      ) : null}

      {subscription && !subscription.churnedOn ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("forecast.heading")}>
            <div className="space-y-3">
              <dl className="grid grid-cols-2 gap-3 text-sm">
                <div>
                  <dt className="text-slate-600">{t("forecast.csmCall")}</dt>
                  <dd className="font-medium text-slate-900" data-testid="csm-forecast">
                    {subscription.forecast ? t(`calls.${subscription.forecast}`) : t("forecast.noCall")}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("forecast.automatic")}</dt>
                  <dd className="font-medium text-slate-900">
                    {subscription.automatic ? t(`calls.${subscription.automatic}`) : t("forecast.noScore")}
                  </dd>
                </div>
              </dl>
              {subscription.gap !== null && subscription.gap >= GAP_HIGHLIGHT ? (
                <Badge tone="amber">{t("forecast.gap")}</Badge>
              ) : null}
              {canManage ? (
                <Form method="post" className="space-y-3" {...formProps(forecastForm)}>
                  <input type="hidden" name="intent" value="forecast" />
                  <input type="hidden" name="accountId" value={accountId} />
                  <input type="hidden" name="version" value={subscription.version} />
                  <FormErrors form={forecastForm} />
                  <FormSelectField
                    meta={forecastFields.forecast}
                    label={t("forecast.call")}
                    defaultValue={subscription.forecast ?? "likely"}
                    options={FORECAST_CALLS.map((call) => ({ value: call, label: t(`calls.${call}`) }))}
                  />
                  <FormTextAreaField
                    meta={forecastFields.note}
                    label={t("entry.note")}
                    rows={2}
                    defaultValue={subscription.forecastNote}
                  />
                  <Button disabled={busy}>{t("forecast.submit")}</Button>
                </Form>
              ) : null}
            </div>
          </Card>
          {canManage ? (
            <Card title={t("close.heading", { date: formatDate(subscription.renewalDate, locale) })}>
              <Form method="post" className="space-y-3" {...formProps(closeForm)}>
                <input type="hidden" name="intent" value="close" />
                <input type="hidden" name="accountId" value={accountId} />
                <input type="hidden" name="version" value={subscription.version} />
                <FormErrors form={closeForm} />
                <p className="text-sm text-slate-600">{t("close.intro", { count: subscription.termMonths })}</p>
                <div className="grid gap-3 sm:grid-cols-2">
                  <FormSelectField
                    meta={closeFields.outcome}
                    label={t("close.outcome")}
                    defaultValue="flat"
                    options={RENEWAL_OUTCOMES.map((outcome) => ({
                      value: outcome,
                      label: t(`close.outcomes.${outcome}`),
                    }))}
                  />
                  <FormTextField
                    meta={closeFields.newArr}
                    label={t("close.newArr", { currency: subscription.currency })}
                    inputMode="decimal"
                    hint={t("close.newArrHint")}
                  />
                  <ChurnReasonField meta={closeFields.churnReason} />
                </div>
                <FormTextAreaField meta={closeFields.note} label={t("entry.note")} rows={2} />
                <Button disabled={busy}>{t("close.submit")}</Button>
              </Form>
            </Card>
          ) : null}
        </div>
      ) : null}

      {canManage && subscription ? (
        <Card title={t("entry.heading")}>
          <Form method="post" className="space-y-3" {...formProps(entryForm)}>
            <input type="hidden" name="intent" value="entry" />
            <input type="hidden" name="accountId" value={accountId} />
            <FormErrors form={entryForm} />
            <p className="text-sm text-slate-600">{t("entry.intro")}</p>
            <div className="grid gap-3 sm:grid-cols-4">
              <FormSelectField
                meta={entryFields.kind}
                label={t("entry.kind")}
                defaultValue={subscription.churnedOn ? "new" : "expansion"}
                options={LEDGER_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              />
              <FormTextField
                meta={entryFields.effectiveOn}
                label={t("entry.date")}
                type="date"
                defaultValue={today}
                required
              />
              <FormTextField
                meta={entryFields.amount}
                label={t("entry.amount", { currency: subscription.currency })}
                inputMode="decimal"
                hint={t("entry.amountHint")}
              />
              <ChurnReasonField meta={entryFields.churnReason} />
            </div>
            <FormTextAreaField meta={entryFields.note} label={t("entry.note")} rows={2} />
            <Button disabled={busy}>{t("entry.submit")}</Button>
          </Form>
        </Card>
      ) : null}

      <Card title={t("ledger.heading")}>
        {ledger.rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("ledger.empty")}</p>
        ) : (
          <>
            <Table
              caption={t("ledger.caption")}
              head={[t("ledger.date"), t("ledger.kind"), t("ledger.delta"), t("ledger.after"), t("ledger.note")]}
            >
              {ledger.rows.map((entry) => (
                <tr key={entry.id}>
                  <Cell>{formatDate(entry.effectiveOn, locale)}</Cell>
                  <Cell>{t(`kinds.${entry.kind}`)}</Cell>
                  <Cell className="tabular-nums">{signed(entry.arrDelta, entry.currency)}</Cell>
                  <Cell className="tabular-nums">{money(entry.arrAfter, entry.currency)}</Cell>
                  <Cell className="whitespace-normal">
                    {entry.churnReason ? (
                      <span className="block font-medium">{t(`reasons.${entry.churnReason as "other"}`)}</span>
                    ) : null}
                    {entry.note}
                    {entry.recordedByName ? (
                      <span className="block text-xs text-slate-500">
                        {t("ledger.by", { name: entry.recordedByName })}
                      </span>
                    ) : null}
                  </Cell>
                </tr>
              ))}
            </Table>
            <Pager label={t("ledger.heading")} page={ledger.page} />
          </>
        )}
      </Card>
    </div>
  );
}

/** The churn reason, from the fixed list (optional: "no reason given"), on both the change and the close form. */
function ChurnReasonField({ meta }: { meta: Parameters<typeof FormSelectField>[0]["meta"] }) {
  const { t } = useTranslation("revenue");
  return (
    <FormSelectField
      meta={meta}
      label={t("entry.churnReason")}
      defaultValue=""
      options={[
        { value: "", label: t("entry.noReason") },
        ...CHURN_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) })),
      ]}
    />
  );
}
