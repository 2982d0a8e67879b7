import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { countJobs, listFailedJobs, retryFailedJob } from "~/domain/jobs/admin.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { idField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { useReplyMessage } from "~/ui/form";
import { Alert, Badge, EmptyState, PageHeader } from "~/ui/layout";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.jobs");

const FAILED_LIMIT = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "jobs.manage");
  const [counts, failed] = await Promise.all([countJobs(), listFailedJobs(FAILED_LIMIT)]);
  return { counts, failed, timeZone: actor.timeZone };
}

const RetrySchema = z.object({ intent: z.literal("retry"), jobId: idField() });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "jobs.manage");
  const parsed = await readSubmission(request, RetrySchema);
  if (!parsed.ok) return parsed.answer;
  const result = await retryFailedJob(parsed.data.jobId);
  if (!result.ok) return refuse(parsed.submission, "job", result.error);
  return redirectWithNotice("/jobs", serverT(actor.locale)("staff:jobs.retried"));
}

export default function JobsPage() {
  const { t } = useTranslation("staff");
  const { counts, failed, timeZone } = useLoaderData<typeof loader>();
  const refusal = useReplyMessage(useActionData<typeof action>());
  const busy = useNavigation().state !== "idle";
  const locale = useRootData()?.locale ?? "en";
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);

  return (
    <>
      <PageHeader title={t("jobs.title")} description={t("jobs.description")} />
      <div className="space-y-8">
        {refusal ? <Alert tone="error">{refusal}</Alert> : null}
        <section aria-labelledby="queues-heading" className="space-y-3">
          <h2 id="queues-heading" className="text-base font-semibold text-slate-900">
            {t("jobs.queuesHeading")}
          </h2>
          <Table
            caption={t("jobs.queuesCaption")}
            head={[t("jobs.queue"), t("jobs.queued"), t("jobs.active"), t("jobs.failed")]}
          >
            {counts.map((row) => (
              <tr key={row.queue}>
                <Cell className="whitespace-normal">
                  <div className="font-medium text-slate-900">{t(`jobs.queues.${row.queue}.name`)}</div>
                  <div className="text-slate-500">{t(`jobs.queues.${row.queue}.about`)}</div>
                </Cell>
                <Cell>{number(row.queued)}</Cell>
                <Cell>{number(row.active)}</Cell>
                <Cell>{row.failed > 0 ? <Badge tone="red">{number(row.failed)}</Badge> : number(row.failed)}</Cell>
              </tr>
            ))}
          </Table>
        </section>
        <section aria-labelledby="failed-heading" className="space-y-3">
          <h2 id="failed-heading" className="text-base font-semibold text-slate-900">
            {t("jobs.failedHeading")}
          </h2>
          {failed.length === 0 ? (
            <EmptyState title={t("jobs.noFailedTitle")}>{t("jobs.noFailedBody")}</EmptyState>
          ) : (
            <>
              <p className="text-sm text-slate-500">{t("jobs.failedCount", { count: failed.length })}</p>
              <Table
                caption={t("jobs.failedCaption")}
                head={[t("jobs.queue"), t("jobs.error"), t("jobs.attempts"), t("jobs.failedAt"), t("jobs.actions")]}
              >
                {failed.map((job) => (
                  <tr key={job.id} className="align-top">
                    <Cell>{t(`jobs.queues.${job.queue}.name`)}</Cell>
                    <Cell className="min-w-64 whitespace-normal break-words">{job.error}</Cell>
                    <Cell>{number(job.attempts)}</Cell>
                    <Cell>{job.failedAt ? formatDateTime(job.failedAt, locale, timeZone) : t("jobs.unknown")}</Cell>
                    <Cell>
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="jobId" value={job.id} />
                        <Button
                          variant="secondary"
                          disabled={busy}
                          aria-label={t("jobs.retryFor", {
                            queue: t(`jobs.queues.${job.queue}.name`),
                            error: job.error,
                          })}
                        >
                          {t("jobs.retry")}
                        </Button>
                      </Form>
                    </Cell>
                  </tr>
                ))}
              </Table>
            </>
          )}
        </section>
      </div>
    </>
  );
}
