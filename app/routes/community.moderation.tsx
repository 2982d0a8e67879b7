import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import {
  dismissReport,
  listModerationQueue,
  moderatePost,
  updateTopicSettings,
} from "~/domain/community/moderation.server";
import { isModerator } from "~/domain/community/permissions";
import { REASON_MAX } from "~/domain/community/rules";
import { type FetcherAnswer, idField, textField } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { Button } from "~/ui/button";
import { ModerateForm } from "~/ui/community/post-actions";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "community:titles.moderation");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const queue = await listModerationQueue(actor);
  if (!queue) notFound();
  return queue;
}

const Id = idField().refine(isId, "id.invalid");
const PostTarget = z.object({ postType: z.enum(["topic", "reply"]), postId: Id });
const ActionSchema = z.discriminatedUnion("intent", [
  PostTarget.extend({
    intent: z.literal("hide"),
    reason: textField({
      max: REASON_MAX,
      required: "community:fields.reason.required",
      tooLong: "community:fields.reason.tooLong",
    }),
  }),
  PostTarget.extend({ intent: z.literal("restore") }),
  PostTarget.extend({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("dismiss"), reportId: Id }),
  z.object({ intent: z.enum(["pin", "unpin", "lock", "unlock"]), topicId: Id }),
  z.object({ intent: z.literal("move"), topicId: Id, spaceId: Id }),
]);

/** Staff moderation: hide (with a reason) / restore / approve a post, dismiss a report, pin / lock / move a topic. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!isModerator(actor)) notFound();
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  let result: { ok: true } | { ok: false; error: "not_found" | "forbidden" };
  switch (input.intent) {
    case "hide":
      result = await moderatePost(actor, input.postType, input.postId, "hide", input.reason);
      break;
    case "restore":
    case "approve":
      result = await moderatePost(actor, input.postType, input.postId, input.intent, null);
      break;
    case "dismiss":
      result = await dismissReport(actor, input.reportId);
      break;
    case "move":
      result = await updateTopicSettings(actor, input.topicId, { moveTo: input.spaceId });
      break;
    default:
      result = await updateTopicSettings(actor, input.topicId, { flag: input.intent });
  }
  if (!result.ok) return refuse(parsed.submission, "community", result.error);
  return data<FetcherAnswer>({ ok: true });
}

type Queue = ReturnType<typeof useLoaderData<typeof loader>>;

function PostLine({ post, children }: { post: Queue["pending"][number]; children: React.ReactNode }) {
  const { t } = useTranslation("community");
  const href = `/community/topics/${post.topicId}${post.postType === "reply" ? `#reply-${post.id}` : ""}`;
  return (
    <li className="space-y-2 py-3">
      <div className="text-sm">
        <span className="font-medium">{t(`moderation.kind.${post.postType}`)}</span>{" "}
        {t("moderation.by", { name: post.authorName })}{" "}
        <Link to={href} className="text-brand-700 underline">
          {t("moderation.inTopic", { title: post.topicTitle })}
        </Link>
      </div>
      <p className="whitespace-pre-wrap break-words text-sm text-slate-700">{post.excerpt}</p>
      {post.hiddenReason ? (
        <p className="text-sm text-slate-600">{t("moderation.reason", { reason: post.hiddenReason })}</p>
      ) : null}
      {children}
    </li>
  );
}

function DismissButton({ reportId }: { reportId: string }) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" action="/community/moderation">
      <input type="hidden" name="intent" value="dismiss" />
      <input type="hidden" name="reportId" value={reportId} />
      <Button variant="ghost" className="py-1">
        {t("moderation.dismiss")}
      </Button>
    </fetcher.Form>
  );
}

export default function Moderation() {
  const { t } = useTranslation("community");
  const { pending, reports, hidden } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("moderation.title")} description={t("moderation.description")} />
      <div className="space-y-6">
        <Card title={t("moderation.reportsHeading")}>
          {reports.length === 0 ? (
            <p className="text-sm text-slate-600">{t("moderation.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {reports.map((report) => (
                <li key={report.id} className="space-y-2 py-3">
                  <div className="text-sm">
                    <span className="font-medium">{t(`moderation.kind.${report.postType}`)}</span>{" "}
                    <Link
                      to={`/community/topics/${report.topicId}${report.postType === "reply" ? `#reply-${report.postId}` : ""}`}
                      className="text-brand-700 underline"
                    >
                      {t("moderation.inTopic", { title: report.topicTitle })}
                    </Link>
                  </div>
                  <p className="text-sm font-medium text-red-800">
                    {t("moderation.reportedFor", { reason: report.reason })}
                  </p>
                  <p className="whitespace-pre-wrap break-words text-sm text-slate-700">{report.excerpt}</p>
                  <div className="flex flex-wrap items-start gap-2">
                    <ModerateForm
                      postType={report.postType}
                      postId={report.postId}
                      status="visible"
                      label={report.excerpt.slice(0, 60)}
                    />
                    <DismissButton reportId={report.id} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("moderation.pendingHeading")}>
          {pending.length === 0 ? (
            <p className="text-sm text-slate-600">{t("moderation.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {pending.map((post) => (
                <PostLine key={post.id} post={post}>
                  <ModerateForm
                    postType={post.postType}
                    postId={post.id}
                    status="pending"
                    label={post.excerpt.slice(0, 60)}
                  />
                </PostLine>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("moderation.hiddenHeading")}>
          {hidden.length === 0 ? (
            <p className="text-sm text-slate-600">{t("moderation.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {hidden.map((post) => (
                <PostLine key={post.id} post={post}>
                  <ModerateForm
                    postType={post.postType}
                    postId={post.id}
                    status="hidden"
                    label={post.excerpt.slice(0, 60)}
                  />
                </PostLine>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
