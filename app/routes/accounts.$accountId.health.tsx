import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { defaultOverrideExpiry, latestOverrideExpiry } from "~/domain/health/override-rules";
import { endOverride, listOverrides, setOverride } from "~/domain/health/overrides.server";
import { snapshotDay } from "~/domain/health/recompute.server";
import {
  EndOverrideSchema,
  OverrideSchema,
  PULSE_GRADES,
  PulseSchema,
  TOUCH_KINDS,
  TouchSchema,
} from "~/domain/health/schemas";
import { logTouch, setPulse } from "~/domain/health/timeline.server";
import { TREND_RANGES } from "~/domain/health/trend";
import { getAccountHealth } from "~/domain/health/view.server";
import { parseWhyRange } from "~/domain/health/why";
import { explainHealthBetween } from "~/domain/health/why.server";
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
import { HealthChanges } from "~/ui/health/health-changes";
import { WhyChanged } from "~/ui/health/why-changed";
import { MeasureInputsText } from "~/ui/health/measure-inputs";
import { Card } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.health", { name: data?.accountName ?? "" });

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
const RangeSchema = z.enum(TREND_RANGES).catch("90d");

/**
 * The staff Health tab: the score with its measures and inputs, the arrows, the trend, "Why did it
 * change?", the override, the pulse and touches. Customers get 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  // The pulse, overrides and notes are staff's: to a customer the tab does not exist.
  if (!canOnAccount(actor, "health.view", account.id)) notFound();
  const search = new URL(request.url).searchParams;
  const page = PageSchema.parse(search.get("page") ?? undefined);
  const range = RangeSchema.parse(search.get("range") ?? undefined);
  const now = new Date();
  const health = await getAccountHealth(account.id, { page, range, now });
  // Snapshots are filed by UTC day, so the why's days are too.
  const why = parseWhyRange({ from: search.get("from"), to: search.get("to") }, snapshotDay(now));
  const [overrides, explained] = await Promise.all([
    listOverrides(account, now),
    why.ok ? explainHealthBetween(account.id, why.from, why.to) : null,
  ]);
  const today = todayIn(account.timeZone, now);
  return {
    accountId: account.id,
    accountName: account.name,
    timeZone: account.timeZone,
    today,
    range,
    canManage: canOnAccount(actor, "health.manage", account.id),
    health,
    overrides,
    override: { defaultExpiry: defaultOverrideExpiry(today), latestExpiry: latestOverrideExpiry(today) },
    why: {
      query: { from: why.from, to: why.to },
      answer: !why.ok ? { ok: false as const, problem: why.problem } : explained!,
    },
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  PulseSchema.extend({ intent: z.literal("pulse") }),
  TouchSchema.extend({ intent: z.literal("touch") }),
  OverrideSchema.extend({ intent: z.literal("override") }),
  EndOverrideSchema.extend({ intent: z.literal("endOverride") }),
]);

const SAVED = {
  pulse: "health:pulse.saved",
  touch: "health:touches.saved",
  override: "health:override.saved",
  endOverride: "health:override.endedNotice",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!canOnAccount(actor, "health.view", account.id) || actor.kind !== "staff") notFound();
  if (!canOnAccount(actor, "health.manage", account.id)) forbidden();
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const result =
    input.intent === "pulse"
      ? await setPulse(actor, account, input)
      : input.intent === "touch"
        ? await logTouch(actor, account, input)
        : input.intent === "override"
          ? await setOverride(actor, account, input)
          : await endOverride(actor, account, input.overrideId);
  if (!result.ok) {
    // Another account's override, or one already over, is not there for this page.
    if (result.error === "unknown_override") notFound();
    return refuse(parsed.submission, "health", result.error, "field" in result ? result.field : undefined);
  }
  const t = serverT(actor.locale);
  return redirectWithNotice(`/accounts/${account.id}/health`, t(SAVED[input.intent]));
}

export default function HealthTab() {
  const { t } = useTranslation("health");
  const { accountId, timeZone, today, range, canManage, health, overrides, override, why } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [pulseForm, pulseFields] = useForm({ lastResult: useFormReply(replyFor(answer, "pulse")) });
  const [overrideForm, overrideFields] = useForm({ lastResult: useFormReply(replyFor(answer, "override")) });
  const active = overrides.find((row) => row.state === "active") ?? null;
  const rangeLink = (value: string) => {
    const params = new URLSearchParams({ range: value, from: why.query.from, to: why.query.to });
    return `?${params.toString()}`;
  };
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
              {active ? (
                <span className="text-sm text-slate-700">
                  {t("override.beside", {
                    grade: t(`grades.${active.grade}`),
                    until: formatDate(active.expiresOn, locale),
                  })}
                </span>
              ) : null}
            </p>
            <HealthChanges changes={health.changes} />
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

      <Card
        title={t(range === "90d" ? "trend.heading" : "trend.headingYear")}
        actions={
          <nav aria-label={t("trend.rangeLabel")} className="flex gap-3 text-sm">
            {(["90d", "12m"] as const).map((value) => (
              <Link
                key={value}
                to={rangeLink(value)}
                aria-current={value === range ? "true" : undefined}
                className={value === range ? "font-semibold text-slate-900" : "text-brand-700 hover:underline"}
              >
                {t(`trend.ranges.${value}`)}
              </Link>
            ))}
          </nav>
        }
      >
        <LineChart
          summary={
            current?.overall != null
              ? t(range === "90d" ? "trend.summary" : "trend.summaryYear", { score: n(current.overall) })
              : t("trend.summaryNone")
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

      <Card title={t("why.heading")}>
        <WhyChanged accountId={accountId} range={range} query={why.query} answer={why.answer} today={today} />
      </Card>

      <Card title={t("override.heading")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t("override.intro")}</p>
          {active ? (
            <div className="space-y-2 text-sm text-slate-800">
              <p>
                {t("override.current", {
                  grade: t(`grades.${active.grade}`),
                  name: active.authorName,
                  date: formatInstantDate(active.setAt, locale, timeZone),
                  until: formatDate(active.expiresOn, locale),
                })}
              </p>
              <p className="whitespace-pre-line text-slate-600">{active.reason}</p>
              {canManage ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="endOverride" />
                  <input type="hidden" name="overrideId" value={active.id} />
                  <Button variant="secondary" disabled={busy}>
                    {t("override.end")}
                  </Button>
                </Form>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t("override.none")}</p>
          )}
          {canManage ? (
            <Form method="post" className="space-y-3" {...formProps(overrideForm)}>
              <input type="hidden" name="intent" value="override" />
              <input type="hidden" name="accountId" value={accountId} />
              <FormErrors form={overrideForm} />
              <div className="grid gap-3 sm:grid-cols-2">
                <FormSelectField
                  meta={overrideFields.grade}
                  label={t("override.grade")}
                  defaultValue={active?.grade ?? "yellow"}
                  options={PULSE_GRADES.map((grade) => ({ value: grade, label: t(`grades.${grade}`) }))}
                />
                <FormTextField
                  meta={overrideFields.expiresOn}
                  label={t("override.expiresOn")}
                  hint={t("override.expiresHint")}
                  type="date"
                  min={today}
                  max={override.latestExpiry}
                  defaultValue={override.defaultExpiry}
                />
              </div>
              <FormTextAreaField
                meta={overrideFields.reason}
                label={t("override.reason")}
                hint={t("override.reasonHint")}
                rows={2}
              />
              <Button disabled={busy}>{t(active ? "override.replace" : "override.submit")}</Button>
            </Form>
          ) : null}
          {overrides.length > 0 ? (
            <ol aria-label={t("override.history")} className="space-y-2 border-l border-slate-200 pl-4 text-sm">
              {overrides.map((row) => (
                <li key={row.id}>
                  <p className="text-slate-900">
                    {t(`override.states.${row.state}`, {
                      grade: t(`grades.${row.grade}`),
                      name: row.authorName,
                      date: formatInstantDate(row.setAt, locale, timeZone),
                      until: formatDate(row.expiresOn, locale),
                      ended: row.endedAt ? formatInstantDate(row.endedAt, locale, timeZone) : "",
                    })}
                  </p>
                  <p className="whitespace-pre-line text-xs text-slate-600">{row.reason}</p>
                </li>
              ))}
            </ol>
          ) : null}
        </div>
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
                  <Link to={`?range=${range}&page=${touches.page - 1}`} className="text-brand-700 hover:underline">
                    {t("touches.previousPage")}
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-slate-600">
                  {t("touches.pageOf", { page: n(touches.page), pages: n(pages) })}
                </span>
                {touches.page < pages ? (
                  <Link to={`?range=${range}&page=${touches.page + 1}`} className="text-brand-700 hover:underline">
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
