import { useForm } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RATE_LIMIT_VALUES } from "~/domain/community/answers";
import type { FetcherAnswer } from "~/lib/forms";
import { Button } from "~/ui/button";
import { FormTextAreaField, formProps, useFormMessage } from "~/ui/form";

/** The refusal of a fetcher form on the pipeline: the form's own message, else its first field's. */
function ReplyLine({ answer }: { answer: FetcherAnswer | undefined }) {
  const message = useFormMessage();
  const errors = answer && !answer.ok ? answer.form.error : undefined;
  if (!errors) return null;
  const keys = errors[""] ?? Object.values(errors).find((found) => found && found.length > 0) ?? undefined;
  const text = message(keys, RATE_LIMIT_VALUES);
  return text ? (
    <p role="alert" className="text-sm text-red-700">
      {text}
    </p>
  ) : null;
}

/** The refusal of a fetcher's form, for `useForm({ lastResult })`. */
const refusalOf = (answer: FetcherAnswer | undefined) => (answer && !answer.ok ? answer.form : undefined);

/** A disclosure with a short form inside: report, hide, edit. Works with the keyboard out of the box. */
function Disclosure({ summary, label, children }: { summary: string; label?: string; children: React.ReactNode }) {
  return (
    <details className="group">
      <summary
        aria-label={label}
        className="inline-flex cursor-pointer list-none items-center rounded-md px-2.5 py-1 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 [&::-webkit-details-marker]:hidden"
      >
        {summary}
      </summary>
      <div className="mt-2 w-full min-w-64 max-w-xl">{children}</div>
    </details>
  );
}

export function ReportForm({
  postType,
  postId,
  label,
}: {
  postType: "topic" | "reply";
  postId: string;
  label: string;
}) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher<FetcherAnswer>();
  const [form, fields] = useForm({ lastResult: refusalOf(fetcher.data) });
  if (fetcher.data?.ok)
    return (
      <p role="status" className="text-sm text-green-800">
        {t("topic.reported")}
      </p>
    );
  return (
    <Disclosure summary={t("topic.report")} label={label}>
      <fetcher.Form method="post" action="/community/reports" className="space-y-2" {...formProps(form)}>
        <input type="hidden" name="postType" value={postType} />
        <input type="hidden" name="postId" value={postId} />
        <FormTextAreaField meta={fields.reason} label={t("topic.reportReason")} required />
        {fields.reason.errors ? null : <ReplyLine answer={fetcher.data} />}
        <Button variant="secondary" disabled={fetcher.state !== "idle"}>
          {t("topic.reportSubmit")}
        </Button>
      </fetcher.Form>
    </Disclosure>
  );
}

/** Staff: hide a post with a reason, or restore / approve it. */
export function ModerateForm({
  postType,
  postId,
  status,
  label,
}: {
  postType: "topic" | "reply";
  postId: string;
  status: "visible" | "pending" | "hidden";
  label: string;
}) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher<FetcherAnswer>();
  const [form, fields] = useForm({ lastResult: refusalOf(fetcher.data) });
  const hidden = (
    <>
      <input type="hidden" name="postType" value={postType} />
      <input type="hidden" name="postId" value={postId} />
    </>
  );
  return (
    <div className="flex flex-wrap items-start gap-2">
      {status === "pending" ? (
        <fetcher.Form method="post" action="/community/moderation">
          {hidden}
          <input type="hidden" name="intent" value="approve" />
          <Button variant="secondary" className="py-1" aria-label={`${t("topic.approve")}: ${label}`}>
            {t("topic.approve")}
          </Button>
        </fetcher.Form>
      ) : null}
      {status === "hidden" ? (
        <fetcher.Form method="post" action="/community/moderation">
          {hidden}
          <input type="hidden" name="intent" value="restore" />
          <Button variant="secondary" className="py-1" aria-label={`${t("topic.restore")}: ${label}`}>
            {t("topic.restore")}
          </Button>
        </fetcher.Form>
      ) : (
        <Disclosure summary={t("topic.hide")} label={`${t("topic.hide")}: ${label}`}>
          <fetcher.Form method="post" action="/community/moderation" className="space-y-2" {...formProps(form)}>
            {hidden}
            <input type="hidden" name="intent" value="hide" />
            <FormTextAreaField meta={fields.reason} label={t("topic.hideReason")} required />
            <Button variant="danger" disabled={fetcher.state !== "idle"}>
              {t("topic.hide")}
            </Button>
          </fetcher.Form>
        </Disclosure>
      )}
      {fields.reason.errors ? null : <ReplyLine answer={fetcher.data} />}
    </div>
  );
}

/** A one-click action on a reply (accept, official), posted to its route. */
export function ReplyIntentButton({
  replyId,
  intent,
  children,
  label,
}: {
  replyId: string;
  intent: "accept" | "unaccept" | "official" | "unofficial";
  children: string;
  label: string;
}) {
  const fetcher = useFetcher<FetcherAnswer>();
  return (
    <fetcher.Form method="post" action={`/community/replies/${replyId}`}>
      <input type="hidden" name="intent" value={intent} />
      <Button variant="secondary" className="py-1" aria-label={label} disabled={fetcher.state !== "idle"}>
        {children}
      </Button>
      <ReplyLine answer={fetcher.data} />
    </fetcher.Form>
  );
}

export function EditReplyForm({
  replyId,
  body,
  version,
  label,
}: {
  replyId: string;
  body: string;
  version: number;
  label: string;
}) {
  const { t } = useTranslation("community");
  const fetcher = useFetcher<FetcherAnswer>();
  const [form, fields] = useForm({ lastResult: refusalOf(fetcher.data) });
  return (
    <Disclosure summary={t("topic.edit")} label={label}>
      <fetcher.Form method="post" action={`/community/replies/${replyId}`} className="space-y-2" {...formProps(form)}>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="version" value={version} />
        <FormTextAreaField
          meta={fields.body}
          label={t("topic.replyLabel")}
          rows={6}
          defaultValue={body}
          key={`${version}-${fields.body.key ?? ""}`}
        />
        {fields.body.errors ? null : <ReplyLine answer={fetcher.data} />}
        {fetcher.data?.ok && fetcher.state === "idle" ? (
          <p role="status" className="text-sm text-green-800">
            {t("topic.saved")}
          </p>
        ) : null}
        <Button disabled={fetcher.state !== "idle"}>{t("topic.save")}</Button>
      </fetcher.Form>
    </Disclosure>
  );
}
