import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { getIngestionHealth } from "~/domain/telemetry/ingest-stats.server";
import { formatDate, formatDateTime, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.ingestionHealth");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "telemetry.manage");
  return { timeZone: actor.timeZone, keys: await getIngestionHealth(new Date()) };
}

const VERDICTS = ["accepted", "duplicate", "rejected", "unmatched"] as const;

export default function IngestionHealthPage() {
  const { t } = useTranslation("telemetry");
  const { keys, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  const number = (value: number) => formatNumber(value, locale);

  return (
    <>
      <PageHeader title={t("health.title")} description={t("health.description")} />
      {keys.length === 0 ? (
        <EmptyState title={t("health.emptyTitle")}>{t("health.emptyBody")}</EmptyState>
      ) : (
        <div className="space-y-8">
          {keys.map((key) => (
            <Card
              key={key.id}
              title={key.name}
              actions={key.revoked ? <Badge tone="red">{t("health.revoked")}</Badge> : undefined}
            >
              <div className="space-y-6 p-4 sm:p-5">
                <Table
                  caption={t("health.caption", { name: key.name })}
                  head={[t("health.day"), ...VERDICTS.map((verdict) => t(`health.${verdict}`))]}
                >
                  {key.days.map((day) => (
                    <tr key={day.day}>
                      <Cell>{formatDate(day.day, locale)}</Cell>
                      {VERDICTS.map((verdict) => (
                        <Cell key={verdict}>{number(day[verdict])}</Cell>
                      ))}
                    </tr>
                  ))}
                  <tr className="font-semibold">
                    <Cell>{t("health.total")}</Cell>
                    {VERDICTS.map((verdict) => (
                      <Cell key={verdict}>{number(key.total[verdict])}</Cell>
                    ))}
                  </tr>
                </Table>
                {key.total.unmatched > 0 ? (
                  <Link className="text-sm text-brand-700 underline" to="/telemetry/unmatched">
                    {t("health.unmatchedLink")}
                  </Link>
                ) : null}
                <section className="space-y-3" aria-label={t("health.reasonsCaption", { name: key.name })}>
                  <h3 className="text-sm font-semibold text-slate-900">{t("health.reasonsHeading")}</h3>
                  {key.reasons.length === 0 ? (
                    <p className="text-sm text-slate-600">{t("health.noRejections")}</p>
                  ) : (
                    <Table
                      caption={t("health.reasonsCaption", { name: key.name })}
                      head={[t("health.reason"), t("health.rejected"), t("health.samples")]}
                    >
                      {key.reasons.map((reason) => (
                        <tr key={reason.reason} className="align-top">
                          <Cell className="font-mono">{reason.reason}</Cell>
                          <Cell>{number(reason.events)}</Cell>
                          <Cell className="whitespace-normal">
                            <ul className="space-y-2">
                              {reason.samples.map((sample, index) => (
                                <li key={index}>
                                  <div className="text-xs text-slate-500">
                                    {t("health.sampleFrom", {
                                      date: formatDateTime(sample.receivedAt, locale, timeZone),
                                    })}
                                  </div>
                                  <code className="block max-w-xl break-all font-mono text-xs text-slate-700">
                                    {sample.payload}
                                  </code>
                                </li>
                              ))}
                            </ul>
                          </Cell>
                        </tr>
                      ))}
                    </Table>
                  )}
                </section>
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
