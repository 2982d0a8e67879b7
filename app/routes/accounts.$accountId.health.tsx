import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { PULSE_GRADES, PulseSchema, TOUCH_KINDS, TouchSchema } from "~/domain/health/schemas";
import { logTouch, setPulse } from "~/domain/health/timeline.server";
import { getAccountHealth } from "~/domain/health/view.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDate, formatDateTime, formatInstantDate, formatNumber, formatShortDate, todayIn } from "~/lib/format";
import { replyFor } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { forbidden, notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { LineChart } from "~/ui/charts/line-chart";
import { FormErrors, FormSelectField, FormTextAreaField, FormTextField, formProps, useFormReply } from "~/ui/form";
import { GradeBadge } from "~/ui/health/grade-badge";
import { MeasureInputsText } from "~/ui/health/measure-inputs";
import { Card } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.health", { name: data?.accountName ?? "" });

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The staff Health tab: the score with its measures and inputs, the trend, the pulse and touches. Customers get 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  // The pulse and notes are staff's: to a customer the tab does not exist.
  if (!canOnAccount(actor, "health.view", account.id)) notFound();
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const health = await getAccountHealth(account.id, { page });
  return {
    accountId: account.id,
    accountName: account.name,
    timeZone: account.timeZone,
    today: todayIn(account.timeZone),
    canManage: canOnAccount(actor, "health.manage", account.id),
    health,
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  PulseSchema.extend({ intent: z.literal("pulse") }),
  TouchSchema.extend({ intent: z.literal("touch") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!canOnAccount(actor, "health.view", account.id) || actor.kind !== "staff") notFound();
  if (!canOnAccount(actor, "health.manage", account.id)) forbidden();
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const result =
    input.intent === "pulse" ? await setPulse(actor, account, input) : await logTouch(actor, account, input);
  if (!result.ok) return refuse(parsed.submission, "health", result.error, result.field);
  const t = serverT(actor.locale);
  return redirectWithNotice(
    `/accounts/${account.id}/health`,
    input.intent === "pulse" ? t("health:pulse.saved") : t("health:touches.saved"),
  );
}

export default function HealthTab() {
  const { t } = useTranslation("health");
  const { accountId, timeZone, today, canManage, health } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [pulseForm, pulseFields] = useForm({ lastResult: useFormReply(replyFor(answer, "pulse")) });
  const [touchForm, touchFields] = useForm({ lastResult: useFormReply(replyFor(answer, "touch")) });
  const busy = useNavigation().state !== "idle";
  const locale = useRootData()?.locale ?? "en";
  const { current, trend, pulse, touches } = health;
  const pages = Math.max(1, Math.ceil(touches.total / touches.pageSize));
  const scored = trend.filter((point) => point.overall !== null);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <div className="space-y-6">
      <Card title={t("heading")}>
        {current && current.overall !== null && current.grade ? (
          <div className="space-y-2">
            <p className="flex items-center gap-3">
              <span className="text-4xl font-semibold tabular-nums text-slate-900">{current.overall}</span>
              <GradeBadge grade={current.grade} />
            </p>
            <p className="text-sm text-slate-700">
              {t("coverage", {
                measures: n(current.coverage.measures),
                of: n(current.coverage.of),
                weight: n(current.coverage.weight),
              })}
            </p>
            <p className="text-xs text-slate-500">
              {t("computed", {
                version: String(current.modelVersion),
                when: formatDateTime(current.computedAt, locale, timeZone),
              })}
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("noScore")}</p>
        )}
      </Card>

      {current ? (
        <Card title={t("measuresHeading")}>
          <Table caption={t("measuresCaption")} head={[t("measure"), t("score"), t("weight"), t("basedOn")]}>
            {current.measures.map((measure) => {
              const name = t(`measures.${measure.key as "adoption"}`);
              return (
                <tr key={measure.key}>
                  <Cell className="font-medium text-slate-900">{name}</Cell>
                  <Cell className="whitespace-nowrap tabular-nums">
                    {measure.score === null ? t("noData") : t("outOf", { score: n(measure.score) })}
                  </Cell>
                  <Cell className="tabular-nums">{t("percent", { value: n(measure.weight) })}</Cell>
                  <Cell>
                    <MeasureInputsText measure={measure} />
                  </Cell>
                </tr>
              );
            })}
          </Table>
        </Card>
      ) : null}

      <Card title={t("trend.heading")}>
        <LineChart
          summary={
            current?.overall != null ? t("trend.summary", { score: n(current.overall) }) : t("trend.summaryNone")
          }
          labels={[
            scored[0] ? formatShortDate(scored[0].day, locale) : "",
            scored[scored.length - 1] ? formatShortDate(scored[scored.length - 1]!.day, locale) : "",
          ]}
          lines={[{ key: "overall", label: t("trend.line"), tone: "brand", values: scored.map((p) => p.overall!) }]}
          empty={t("trend.empty")}
          table={{
            caption: t("trend.caption"),
            head: [t("trend.day"), t("trend.score"), t("trend.grade")],
            rows: [...scored].reverse().map((point) => ({
              key: point.day,
              cells: [formatDate(point.day, locale), n(point.overall!), point.grade ? t(`grades.${point.grade}`) : ""],
            })),
          }}
        />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("pulse.heading")}>
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("pulse.intro")}</p>
            {pulse ? (
              <p className="text-sm text-slate-800">
                {t(pulse.fresh ? "pulse.current" : "pulse.expired", {
                  grade: t(`grades.${pulse.grade}`),
                  name: pulse.authorName,
                  date: formatInstantDate(pulse.setAt, locale, timeZone),
                  until: formatInstantDate(pulse.expiresAt, locale, timeZone),
                })}
                {pulse.note ? (
                  <span className="mt-1 block whitespace-pre-line text-slate-600">{pulse.note}</span>
                ) : null}
              </p>
            ) : (
              <p className="text-sm text-slate-600">{t("pulse.none")}</p>
            )}
            {canManage ? (
              <Form method="post" className="space-y-3" {...formProps(pulseForm)}>
                <input type="hidden" name="intent" value="pulse" />
                <input type="hidden" name="accountId" value={accountId} />
                <FormErrors form={pulseForm} />
                <FormSelectField
                  meta={pulseFields.grade}
                  label={t("pulse.grade")}
                  defaultValue={pulse?.grade ?? "green"}
                  options={PULSE_GRADES.map((grade) => ({ value: grade, label: t(`grades.${grade}`) }))}
                />
                <FormTextAreaField
                  meta={pulseFields.note}
                  label={t("pulse.note")}
                  hint={t("pulse.noteHint")}
                  rows={2}
                />
                <Button disabled={busy}>{t("pulse.submit")}</Button>
              </Form>
            ) : null}
          </div>
        </Card>

        <Card title={t("touches.heading")}>
          <div className="space-y-4">
            <p className="text-sm text-slate-600">{t("touches.intro")}</p>
            {canManage ? (
              <Form method="post" className="space-y-3" {...formProps(touchForm)}>
                <input type="hidden" name="intent" value="touch" />
                <input type="hidden" name="accountId" value={accountId} />
                <FormErrors form={touchForm} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <FormSelectField
                    meta={touchFields.kind}
                    label={t("touches.kind")}
                    defaultValue="call"
                    options={TOUCH_KINDS.map((kind) => ({ value: kind, label: t(`touches.kinds.${kind}`) }))}
                  />
                  <FormTextField
                    meta={touchFields.occurredOn}
                    label={t("touches.date")}
                    type="date"
                    defaultValue={today}
                  />
                </div>
                <FormTextAreaField meta={touchFields.note} label={t("touches.note")} rows={2} />
                <Button disabled={busy}>{t("touches.submit")}</Button>
              </Form>
            ) : null}
            {touches.rows.length === 0 ? (
              <p className="text-sm text-slate-600">{t("touches.empty")}</p>
            ) : (
              <ol aria-label={t("touches.list")} className="space-y-3 border-l border-slate-200 pl-4 text-sm">
                {touches.rows.map((touch) => (
                  <li key={touch.id}>
                    <p className="font-medium text-slate-900">
                      {t(`touches.kinds.${touch.kind}`)} · {formatDate(touch.occurredOn, locale)}
                    </p>
                    <p className="text-xs text-slate-500">{t("touches.by", { name: touch.authorName })}</p>
                    {touch.note ? <p className="mt-1 whitespace-pre-line text-slate-700">{touch.note}</p> : null}
                  </li>
                ))}
              </ol>
            )}
            {pages > 1 ? (
              <nav aria-label={t("touches.pagination")} className="flex items-center justify-between text-sm">
                {touches.page > 1 ? (
                  <Link to={`?page=${touches.page - 1}`} className="text-brand-700 hover:underline">
                    {t("touches.previousPage")}
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-slate-600">
                  {t("touches.pageOf", { page: n(touches.page), pages: n(pages) })}
                </span>
                {touches.page < pages ? (
                  <Link to={`?page=${touches.page + 1}`} className="text-brand-700 hover:underline">
                    {t("touches.nextPage")}
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
          </div>
        </Card>
      </div>
    </div>
  );
}
