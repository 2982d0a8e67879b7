import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { isOutboxMode, listOutbox } from "~/domain/mail/outbox.server";
import { formatDateTime } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Alert, Badge, Card, EmptyState, Facts, PageHeader } from "~/ui/layout";
import { LinkifiedText } from "~/ui/linkified-text";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { Pager } from "~/ui/pager";

const STATUS_TONE = { queued: "amber", sent: "green", failed: "red", skipped: "neutral" } as const;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.outbox");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "outbox.read");
  const cursor = cursorParam.parse(new URL(request.url).searchParams.get("cursor") ?? undefined);
  return { ...(await listOutbox(cursor)), outboxMode: isOutboxMode(), timeZone: actor.timeZone };
}

export default function Outbox() {
  const { t } = useTranslation("staff");
  const { messages, page, outboxMode, timeZone } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";

  return (
    <>
      <PageHeader title={t("outbox.title")} description={t("outbox.description")} />
      <div className="space-y-4">
        <Alert tone="info">{outboxMode ? t("outbox.outboxMode") : t("outbox.smtpMode")}</Alert>
        {messages.length === 0 && !page.previous ? (
          <EmptyState title={t("outbox.emptyTitle")}>
            {outboxMode ? t("outbox.emptyBody") : t("outbox.emptyBodySmtp")}
          </EmptyState>
        ) : (
          <>
            <ol className="space-y-4">
              {messages.map((message) => (
                <li key={message.id}>
                  <Card title={message.subject}>
                    <div className="space-y-4">
                      <Facts
                        items={[
                          { label: t("outbox.to"), value: <span className="break-all">{message.to}</span> },
                          {
                            label: t("outbox.written"),
                            value: (
                              <time dateTime={new Date(message.createdAt).toISOString()}>
                                {formatDateTime(message.createdAt, locale, timeZone)}
                              </time>
                            ),
                          },
                          {
                            label: t("outbox.status"),
                            value: (
                              <span className="flex flex-wrap items-center gap-2">
                                <Badge tone={STATUS_TONE[message.status]}>
                                  {t(`outbox.statuses.${message.status}`)}
                                </Badge>
                                {message.sentAt ? (
                                  <time dateTime={new Date(message.sentAt).toISOString()}>
                                    {formatDateTime(message.sentAt, locale, timeZone)}
                                  </time>
                                ) : null}
                                {message.attempts > 1 ? (
                                  <span className="text-slate-500">
                                    {t("outbox.attempts", { count: message.attempts })}
                                  </span>
                                ) : null}
                              </span>
                            ),
                          },
                          ...(message.status === "skipped"
                            ? [{ label: t("outbox.reason"), value: t("outbox.skippedReason") }]
                            : message.lastError && message.status !== "sent"
                              ? [
                                  {
                                    label: t("outbox.reason"),
                                    value: <span className="break-words">{message.lastError}</span>,
                                  },
                                ]
                              : []),
                        ]}
                      />
                      <div className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
                        <LinkifiedText text={message.text} />
                      </div>
                    </div>
                  </Card>
                </li>
              ))}
            </ol>
            <Pager label={t("outbox.title")} page={page} />
          </>
        )}
      </div>
    </>
  );
}
