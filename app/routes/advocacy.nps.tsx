import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { npsCategory, type NpsSummary } from "~/domain/advocacy/nps";
import { followUpNpsAnswer, npsFollowUps } from "~/domain/advocacy/nps-follow-ups.server";
import { getNpsReport } from "~/domain/advocacy/nps.server";
import { canOnAccount } from "~/domain/auth/authorization";
import { requireWorkspace } from "~/domain/auth/guards.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { idField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { pageTitle } from "~/lib/meta";
import { cursorParam } from "~/lib/pagination";
import { useRootData } from "~/lib/root-data";
import { safeRedirect } from "~/lib/safe-redirect";
import { Button } from "~/ui/button";
import { useReplyMessage } from "~/ui/form";
import type { FormReply } from "~/lib/forms";
import { Badge, Card, EmptyState } from "~/ui/layout";
import { Pager } from "~/ui/pager";
import { Cell, Table } from "~/ui/table";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:titles.nps");

const QuerySchema = z.object({ accounts: cursorParam, answers: cursorParam });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const report = await getNpsReport(new Date(), { accountsCursor: query.accounts, answersCursor: query.answers });
  const followUps = await npsFollowUps(report.responses.map((response) => response.id));
  return {
    report,
    timeZone: actor.timeZone,
    // Per answer: the work item made for it, or whether this person may make one (CSMs of the account, not marketing).
    followUps: Object.fromEntries(
      report.responses.map((response) => [
        response.id,
        (followUps.get(response.id) ??
          (npsCategory(response.score) === "detractor" && canOnAccount(actor, "account.edit", response.accountId)
            ? "can"
            : null)) as FollowUpState,
      ]),
    ),
  };
}

const FollowUpSchema = z.object({
  intent: z.literal("follow-up"),
  responseId: idField(),
  returnTo: z.string().optional(),
});

/** A detractor's answer becomes a high-priority work item for the account's CSM, once. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireWorkspace(request, "advocacy.view");
  const parsed = await readSubmission(request, FollowUpSchema);
  if (!parsed.ok) return parsed.answer;
  const result = await followUpNpsAnswer(actor, parsed.data.responseId);
  if (!result.ok) return refuse(parsed.submission, "npsFollowUp", result.error);
  const t = serverT(actor.locale);
  return redirectWithNotice(
    safeRedirect(parsed.data.returnTo, "/advocacy/nps"),
    t(result.created ? "advocacy:npsReport.followUpCreated" : "advocacy:npsReport.followUpExists"),
  );
}

function FollowUpCell({
  responseId,
  person,
  followUp,
}: {
  responseId: string;
  person: string;
  followUp: FollowUpState;
}) {
  const { t } = useTranslation("advocacy");
  const location = useLocation();
  const busy = useNavigation().state !== "idle";
  const answer = useActionData<{ form?: FormReply }>();
  const error = useReplyMessage(answer?.form?.initialValue?.responseId === responseId ? answer : undefined);
  if (followUp === null) return null;
  if (followUp !== "can") {
    return (
      <Link to="/work-queue" className="text-brand-700 hover:underline">
        {t(followUp.status === "open" ? "npsReport.followUpOpen" : "npsReport.followUpClosed")}
      </Link>
    );
  }
  return (
    <Form method="post" aria-label={t("npsReport.followUpFor", { person })}>
      <input type="hidden" name="intent" value="follow-up" />
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("npsReport.followUp")}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </Form>
  );
}

type FollowUpState = "can" | null | { workItemId: string; status: "open" | "closed" };

const TONE = { promoter: "green", passive: "neutral", detractor: "red" } as const;

function SummaryFigures({ summary }: { summary: NpsSummary }) {
  const { t } = useTranslation("advocacy");
  const locale = useRootData()?.locale ?? "en";
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {(
        [
          ["overall", summary.nps === null ? "—" : formatNumber(summary.nps, locale)],
          ["promoters", formatNumber(summary.promoters, locale)],
          ["passives", formatNumber(summary.passives, locale)],
          ["detractors", formatNumber(summary.detractors, locale)],
          ["responses", formatNumber(summary.responses, locale)],
        ] as const
      ).map(([key, value]) => (
        <div key={key}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`npsReport.${key}`)}</dt>
          <dd className="mt-0.5 text-2xl font-semibold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function NpsPage() {
  const { t } = useTranslation("advocacy");
  const { report, timeZone, followUps } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "en";
  if (report.overall.responses === 0 && report.trend.length === 0)
    return <EmptyState title={t("staff.nps")}>{t("npsReport.none")}</EmptyState>;
  const nps = (summary: NpsSummary) => (summary.nps === null ? "—" : formatNumber(summary.nps, locale));
  return (
    <div className="space-y-6">
      <Card title={t("npsReport.overall")}>
        <SummaryFigures summary={report.overall} />
        <p className="mt-3 text-xs text-slate-500">{t("npsReport.overallHint")}</p>
      </Card>
      <section aria-labelledby="nps-by-account" className="space-y-2">
        <h2 id="nps-by-account" className="text-base font-semibold text-slate-900">
          {t("npsReport.byAccount")}
        </h2>
        <Table
          caption={t("npsReport.byAccount")}
          head={[
            t("pipeline.account"),
            "NPS",
            t("npsReport.promoters"),
            t("npsReport.passives"),
            t("npsReport.detractors"),
            t("npsReport.responses"),
          ]}
        >
          {report.byAccount.map((row) => (
            <tr key={row.accountId}>
              <Cell className="font-medium text-slate-900">{row.accountName}</Cell>
              <Cell>{nps(row.summary)}</Cell>
              <Cell>{row.summary.promoters}</Cell>
              <Cell>{row.summary.passives}</Cell>
              <Cell>{row.summary.detractors}</Cell>
              <Cell>{row.summary.responses}</Cell>
            </tr>
          ))}
        </Table>
        <Pager label={t("npsReport.byAccount")} page={report.byAccountPage} param="accounts" />
      </section>
      <section aria-labelledby="nps-trend" className="space-y-2">
        <h2 id="nps-trend" className="text-base font-semibold text-slate-900">
          {t("npsReport.trend")}
        </h2>
        <Table caption={t("npsReport.trend")} head={[t("npsReport.month"), "NPS", t("npsReport.responses")]}>
          {report.trend.map((point) => (
            <tr key={point.month}>
              <Cell>
                {new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
                  new Date(`${point.month}-01T00:00:00Z`),
                )}
              </Cell>
              <Cell>{nps(point.summary)}</Cell>
              <Cell>{point.summary.responses}</Cell>
            </tr>
          ))}
        </Table>
      </section>
      <section aria-labelledby="nps-answers" className="space-y-2">
        <h2 id="nps-answers" className="text-base font-semibold text-slate-900">
          {t("npsReport.answers")}
        </h2>
        <Table
          caption={t("npsReport.answers")}
          head={[
            t("npsReport.date"),
            t("pipeline.account"),
            t("npsReport.person"),
            t("npsReport.score"),
            t("npsReport.comment"),
            t("npsReport.followUpColumn"),
          ]}
        >
          {report.responses.map((response) => {
            const category = npsCategory(response.score);
            return (
              <tr key={response.id}>
                <Cell>{formatDateTime(response.createdAt, locale, timeZone)}</Cell>
                <Cell>{response.accountName}</Cell>
                <Cell>{response.personName}</Cell>
                <Cell>
                  <span className="mr-2 font-semibold text-slate-900">{response.score}</span>
                  <Badge tone={TONE[category]}>{t(`npsReport.${category}s`)}</Badge>
                </Cell>
                <Cell className="min-w-48 whitespace-normal">{response.comment}</Cell>
                <Cell>
                  <FollowUpCell
                    responseId={response.id}
                    person={response.personName}
                    followUp={followUps[response.id] ?? null}
                  />
                </Cell>
              </tr>
            );
          })}
        </Table>
        <Pager label={t("npsReport.answers")} page={report.responsesPage} param="answers" />
      </section>
    </div>
  );
}
