import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { getAccountUsage } from "~/domain/telemetry/usage.server";
import { formatDate, formatDateTime, formatNumber, formatPercent, formatShortDate } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { LineChart } from "~/ui/charts/line-chart";
import { Alert, Badge, Card, EmptyState } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "common:titles.usage", { name: data?.accountName ?? "" });

const PageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** The staff Usage tab: the account's product usage, from the daily rollups. Customers get 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  // The tab is staff's: to a customer it does not exist (their champion sees a summary on the Team page).
  if (!canOnAccount(actor, "usage.view", account.id)) notFound();
  const page = PageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const usage = await getAccountUsage(account, { page });
  return { accountName: account.name, externalId: account.externalId, timeZone: account.timeZone, usage };
}

function Trend({ value }: { value: number | null }) {
  const { t } = useTranslation("telemetry");
  const locale = useRootData()?.locale ?? "en";
  if (value === null) return <span className="text-slate-500">{t("usage.trendNone")}</span>;
  const percent = formatPercent(Math.abs(value), locale);
  if (value > 0) return <span className="text-green-700">{t("usage.trendUp", { value: percent })}</span>;
  if (value < 0) return <span className="text-red-700">{t("usage.trendDown", { value: percent })}</span>;
  return <span className="text-slate-600">{t("usage.trendFlat")}</span>;
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-600">{detail}</dd> : null}
    </div>
  );
}

export default function UsageTab() {
  const { t } = useTranslation("telemetry");
  const { usage, externalId, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const n = (value: number) => formatNumber(value, locale);
  const { adoption, productUsers, quiet } = usage;
  const pages = Math.max(1, Math.ceil(productUsers.total / productUsers.pageSize));
  const first = usage.series[0]!;
  const last = usage.series[usage.series.length - 1]!;
  const hasUsage = productUsers.total > 0 || usage.series.some((point) => point.monthly > 0);

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        {externalId ? t("usage.externalId", { id: externalId }) : null} {t("usage.utcNote")}
      </p>
      {!externalId ? <Alert>{t("usage.noExternalId")}</Alert> : null}
      <section aria-label={t("usage.figures")}>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
          <Figure label={t("usage.dau")} value={n(usage.dau)} />
          <Figure label={t("usage.wau")} value={n(usage.wau)} />
          <Figure
            label={t("usage.mau")}
            value={n(usage.mau)}
            detail={
              <>
                <Trend value={usage.mauTrend} /> {t("usage.trend")}
              </>
            }
          />
          <Figure
            label={t("usage.utilisation")}
            value={formatPercent(usage.utilisation, locale)}
            detail={
              <>
                {t("usage.utilisationValue", { active: usage.mau, seats: usage.licensedSeats })}
                <br />
                {t("usage.previousValue", { value: formatPercent(usage.previousUtilisation, locale) })}
              </>
            }
          />
          <Figure
            label={t("usage.breadth")}
            value={adoption.breadth === null ? t("usage.noFeatures") : formatPercent(adoption.breadth, locale)}
            detail={
              adoption.breadth === null ? undefined : (
                <>
                  {t("usage.breadthValue", { inUse: adoption.inUse, total: adoption.features.length })}
                  <br />
                  {t("usage.previousValue", {
                    value: formatPercent(adoption.previousBreadth ?? 0, locale),
                  })}
                </>
              )
            }
          />
        </dl>
      </section>
      {!hasUsage ? <EmptyState title={t("usage.title")}>{t("usage.empty")}</EmptyState> : null}
      <Card title={t("usage.chartHeading")}>
        <LineChart
          summary={t("usage.chartSummary", { dau: usage.dau, wau: usage.wau, mau: usage.mau })}
          labels={[formatShortDate(first.day, locale), formatShortDate(last.day, locale)]}
          lines={[
            { key: "monthly", label: t("usage.mau"), tone: "brand", values: usage.series.map((p) => p.monthly) },
            { key: "weekly", label: t("usage.wau"), tone: "green", values: usage.series.map((p) => p.weekly) },
            { key: "daily", label: t("usage.dau"), tone: "slate", values: usage.series.map((p) => p.daily) },
          ]}
          empty={t("usage.chartEmpty")}
          table={{
            caption: t("usage.chartCaption"),
            head: [t("usage.day"), t("usage.dau"), t("usage.wau"), t("usage.mau")],
            rows: [...usage.series].reverse().map((point) => ({
              key: point.day,
              cells: [formatDate(point.day, locale), n(point.daily), n(point.weekly), n(point.monthly)],
            })),
          }}
        />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("usage.adoptionHeading")}>
          {adoption.features.length === 0 ? (
            <p className="text-sm text-slate-600">{t("usage.noFeatures")}</p>
          ) : (
            <Table
              caption={t("usage.adoptionCaption")}
              head={[t("usage.feature"), t("usage.people"), t("usage.previousPeople"), t("usage.events")]}
            >
              {adoption.features.map((feature) => (
                <tr key={feature.id}>
                  <Cell className="font-medium text-slate-900">
                    {feature.name}
                    {feature.inUse ? null : (
                      <span className="ml-2">
                        <Badge tone="amber">{t("usage.notUsed")}</Badge>
                      </span>
                    )}
                  </Cell>
                  <Cell className="tabular-nums">{n(feature.people)}</Cell>
                  <Cell className="tabular-nums">{n(feature.previousPeople)}</Cell>
                  <Cell className="tabular-nums">{n(feature.events)}</Cell>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t("usage.quietHeading")}>
          <p className="mb-3 text-sm text-slate-600">{t("usage.quietIntro")}</p>
          {quiet.rows.length === 0 ? (
            <p className="text-sm text-slate-600">{t("usage.quietEmpty")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {quiet.rows.map((person) => (
                <li key={person.id} className="flex justify-between gap-4">
                  <span className="font-medium text-slate-900">{person.name}</span>
                  <span className="text-slate-600">{formatDateTime(person.lastSeenAt, locale, timeZone)}</span>
                </li>
              ))}
              {quiet.total > quiet.rows.length ? (
                <li className="text-slate-500">{t("usage.quietMore", { count: quiet.total - quiet.rows.length })}</li>
              ) : null}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t("usage.usersHeading")}>
        {productUsers.total === 0 ? (
          <p className="text-sm text-slate-600">{t("usage.usersEmpty")}</p>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">{t("usage.usersCount", { count: productUsers.total })}</p>
            <Table
              caption={t("usage.usersCaption")}
              head={[t("usage.user"), t("usage.email"), t("usage.linked"), t("usage.lastSeen")]}
            >
              {productUsers.rows.map((user) => (
                <tr key={user.id}>
                  <Cell className="font-medium text-slate-900">{user.name}</Cell>
                  <Cell>{user.email ?? ""}</Cell>
                  <Cell>{user.linked ? t("usage.linkedYes") : t("usage.linkedNo")}</Cell>
                  <Cell>{formatDateTime(user.lastSeenAt, locale, timeZone)}</Cell>
                </tr>
              ))}
            </Table>
            {pages > 1 ? (
              <nav aria-label={t("usage.pagination")} className="flex items-center justify-between text-sm">
                {productUsers.page > 1 ? (
                  <Link to={`?page=${productUsers.page - 1}`} className="text-brand-700 hover:underline">
                    {t("usage.previousPage")}
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-slate-600">{t("usage.pageOf", { page: productUsers.page, pages })}</span>
                {productUsers.page < pages ? (
                  <Link to={`?page=${productUsers.page + 1}`} className="text-brand-700 hover:underline">
                    {t("usage.nextPage")}
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
          </div>
        )}
      </Card>
    </div>
  );
}
