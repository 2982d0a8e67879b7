import { useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/domain/auth/guards.server";
import { RATE_LIMIT_VALUES } from "~/domain/community/answers";
import { createReply } from "~/domain/community/posting.server";
import { setFollow } from "~/domain/community/reactions.server";
import { getTopicPage, type TopicPage } from "~/domain/community/reading.server";
import { FollowSchema, ReplySchema } from "~/domain/community/schemas";
import { listSpaces } from "~/domain/community/spaces.server";
import { serverT } from "~/i18n";
import { redirectWithNotice } from "~/lib/flash.server";
import { type FetcherAnswer, parseSubmission, replyFor } from "~/lib/forms";
import { readSubmission, refuse } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";
import { useRootData } from "~/lib/root-data";
import { Button, ButtonLink } from "~/ui/button";
import { AuthorLine, KindBadge, PostBody, VoteButton } from "~/ui/community/post-parts";
import { EditReplyForm, ModerateForm, ReplyIntentButton, ReportForm } from "~/ui/community/post-actions";
import { TopicModeration } from "~/ui/community/topic-moderation";
import { FormErrors, FormTextAreaField, formProps, useFormReply } from "~/ui/form";
import { Alert, Badge, Card } from "~/ui/layout";
import { useResetAfterSuccess } from "~/ui/use-reset-after-success";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.page.topic.title} · Tandem` : "Tandem" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!isId(params.topicId)) notFound();
  const page = await getTopicPage(actor, params.topicId);
  if (!page) notFound();
  const spaces = page.topic.can.moderate
    ? (await listSpaces()).map((space) => ({ id: space.id, name: space.name }))
    : [];
  return { page, spaces };
}

const ActionSchema = z.discriminatedUnion("intent", [ReplySchema.extend({ intent: z.literal("reply") }), FollowSchema]);

/** Reply to the topic, or follow / unfollow it. Other actions have their own routes. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  if (!isId(params.topicId)) notFound();
  const topicId = params.topicId;
  const parsed = await readSubmission(request, ActionSchema);
  if (!parsed.ok) return parsed.answer;
  if (parsed.data.intent !== "reply") {
    const result = await setFollow(actor, topicId, parsed.data.intent === "follow");
    if (!result.ok) notFound();
    return { ok: true } satisfies FetcherAnswer;
  }
  const result = await createReply(actor, topicId, parsed.data.body);
  if (!result.ok) {
    if (result.error === "not_found") notFound();
    return refuse(parsed.submission, "community", result.error);
  }
  const t = serverT(actor.locale);
  return redirectWithNotice(
    `/community/topics/${topicId}#reply-${result.id}`,
    result.status === "pending" ? t("community:topic.replyPending") : t("community:topic.replyPosted"),
  );
}

type Reply = TopicPage["replies"][number];

function ReplyCard({ reply, highlight }: { reply: Reply; highlight?: boolean }) {
  const { t } = useTranslation("community");
  const label = t("list.by", { name: reply.author.name });
  return (
    <article
      id={`reply-${reply.id}`}
      aria-label={`${t("topic.replyLabel")} ${label}`}
      className={`rounded-lg bg-white p-4 shadow-sm ring-1 ${highlight ? "ring-green-300" : "ring-slate-200"}`}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <AuthorLine author={reply.author} when={reply.createdAt} />
        {reply.edited ? (
          <Link to={`/community/history/reply/${reply.id}`} className="text-xs text-slate-500 underline">
            {t("topic.edited")}
          </Link>
        ) : null}
        {reply.accepted ? <Badge tone="green">{t("topic.acceptedHeading")}</Badge> : null}
        {reply.official ? <Badge tone="brand">{t("topic.official")}</Badge> : null}
        {reply.status === "pending" ? <Badge tone="amber">{t("list.pending")}</Badge> : null}
        {reply.status === "hidden" ? (
          <Badge tone="red">{t("topic.hiddenNotice", { reason: reply.hiddenReason ?? "" })}</Badge>
        ) : null}
      </div>
      <PostBody html={reply.html} />
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <VoteButton
          postType="reply"
          postId={reply.id}
          votes={reply.votes}
          voted={reply.voted}
          canVote={reply.can.vote}
        />
        {reply.can.accept ? (
          <ReplyIntentButton
            replyId={reply.id}
            intent={reply.accepted ? "unaccept" : "accept"}
            label={`${reply.accepted ? t("topic.unaccept") : t("topic.accept")}: ${label}`}
          >
            {reply.accepted ? t("topic.unaccept") : t("topic.accept")}
          </ReplyIntentButton>
        ) : null}
        {reply.can.official ? (
          <ReplyIntentButton
            replyId={reply.id}
            intent={reply.official ? "unofficial" : "official"}
            label={`${reply.official ? t("topic.unmarkOfficial") : t("topic.markOfficial")}: ${label}`}
          >
            {reply.official ? t("topic.unmarkOfficial") : t("topic.markOfficial")}
          </ReplyIntentButton>
        ) : null}
        {reply.can.edit && reply.body !== null ? (
          <EditReplyForm
            replyId={reply.id}
            body={reply.body}
            version={reply.version}
            label={`${t("topic.edit")}: ${label}`}
          />
        ) : null}
        {reply.can.report ? (
          <ReportForm postType="reply" postId={reply.id} label={`${t("topic.report")}: ${label}`} />
        ) : null}
        {reply.can.moderate ? (
          <ModerateForm postType="reply" postId={reply.id} status={reply.status} label={label} />
        ) : null}
      </div>
    </article>
  );
}

function FollowButton({ following }: { following: boolean }) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher();
  const pending = fetcher.formData ? parseSubmission(fetcher.formData, FollowSchema) : null;
  const isFollowing = pending?.status === "success" ? pending.value.intent === "follow" : following;
  return (
    <fetcher.Form method="post" title={t("topic.followHint")}>
      <input type="hidden" name="intent" value={isFollowing ? "unfollow" : "follow"} />
      <Button variant="secondary" className="py-1" aria-pressed={isFollowing}>
        {isFollowing ? t("topic.unfollow") : t("topic.follow")}
      </Button>
    </fetcher.Form>
  );
}

export default function TopicPageView() {
  const { t } = useTranslation("community");
  const { page, spaces } = useLoaderData<typeof loader>();
  const { topic, accepted, replies } = page;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const root = useRootData();
  const others = replies.filter((reply) => !reply.accepted);
  const [replyForm, replyFields] = useForm({ lastResult: useFormReply(replyFor(result, "reply")) });
  const replyFormRef = useResetAfterSuccess("reply", result);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label={t("titles.index")} className="text-sm text-slate-600">
        <Link to="/community" className="underline">
          {t("titles.index")}
        </Link>
        {" › "}
        <Link to={`/community?${new URLSearchParams({ space: topic.space.slug })}`} className="underline">
          {topic.space.name}
        </Link>
      </nav>

      <article aria-labelledby="topic-title" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <KindBadge kind={topic.kind} />
          {topic.pinned ? <Badge tone="brand">{t("list.pinned")}</Badge> : null}
          {topic.locked ? <Badge>{t("list.locked")}</Badge> : null}
          {accepted ? <Badge tone="green">{t("list.answered")}</Badge> : null}
        </div>
        <h1 id="topic-title" className="text-2xl font-semibold tracking-tight text-slate-900">
          {topic.title}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <AuthorLine author={topic.author} when={topic.createdAt} />
          {topic.edited ? (
            <Link to={`/community/history/topic/${topic.id}`} className="text-xs text-slate-500 underline">
              {t("topic.edited")}
            </Link>
          ) : null}
        </div>
        {topic.status === "pending" ? (
          <div className="mt-3">
            <Alert>{t("topic.pendingNotice")}</Alert>
          </div>
        ) : null}
        {topic.status === "hidden" ? (
          <div className="mt-3">
            <Alert tone="error">{t("topic.hiddenNotice", { reason: topic.hiddenReason ?? "" })}</Alert>
          </div>
        ) : null}
        <div className="mt-4">
          <PostBody html={topic.html} />
        </div>
        {topic.tags.length > 0 ? (
          <ul className="mt-3 flex flex-wrap gap-2" aria-label={t("newTopic.tags")}>
            {topic.tags.map((tag) => (
              <li key={tag}>
                <Link
                  to={`/community?${new URLSearchParams({ tag })}`}
                  className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
                >
                  #{tag}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-4 flex flex-wrap items-start gap-2">
          <VoteButton
            postType="topic"
            postId={topic.id}
            votes={topic.votes}
            voted={topic.voted}
            canVote={topic.can.vote}
          />
          <FollowButton following={topic.following} />
          {topic.can.edit ? (
            <ButtonLink to={`/community/topics/${topic.id}/edit`} variant="secondary" className="py-1">
              {t("topic.edit")}
            </ButtonLink>
          ) : null}
          {topic.can.report ? (
            <ReportForm postType="topic" postId={topic.id} label={`${t("topic.report")}: ${topic.title}`} />
          ) : null}
        </div>
        {topic.can.moderate ? <TopicModeration topic={topic} spaces={spaces} /> : null}
      </article>

      {accepted ? (
        <section aria-label={t("topic.acceptedHeading")} className="space-y-2">
          <h2 className="text-base font-semibold text-green-800">{t("topic.acceptedHeading")}</h2>
          <ReplyCard reply={accepted} highlight />
        </section>
      ) : null}

      <section aria-labelledby="replies-heading" className="space-y-3">
        <h2 id="replies-heading" className="text-base font-semibold text-slate-900">
          {t("topic.repliesHeading", { count: replies.length })}
        </h2>
        {replies.length === 0 ? <p className="text-sm text-slate-600">{t("topic.noReplies")}</p> : null}
        {others.map((reply) => (
          <ReplyCard key={reply.id} reply={reply} />
        ))}
      </section>

      {topic.can.reply ? (
        <Card title={t("topic.replyHeading")}>
          <Form method="post" ref={replyFormRef} className="space-y-3" preventScrollReset {...formProps(replyForm)}>
            <FormErrors form={replyForm} values={RATE_LIMIT_VALUES} />
            <input type="hidden" name="intent" value="reply" />
            <FormTextAreaField
              meta={replyFields.body}
              label={t("topic.replyLabel")}
              rows={6}
              required
              hint={t("topic.replyHint")}
            />
            <Button disabled={navigation.state === "submitting"}>{t("topic.replySubmit")}</Button>
          </Form>
        </Card>
      ) : topic.status === "visible" ? (
        <Alert>
          {topic.locked ? t("topic.lockedNotice") : t("topic.readOnlyNotice", { vendor: root?.vendorName ?? "" })}
        </Alert>
      ) : null}
    </div>
  );
}
