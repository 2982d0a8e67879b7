import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "~/lib/forms";
import { useReplyMessage } from "~/ui/form";
import { formatDateTime } from "~/lib/format";
import { Button } from "~/ui/button";
import { Badge } from "~/ui/layout";

export interface ThreadComment {
  id: string;
  authorName: string;
  authorSide: "customer" | "vendor";
  body: string;
  internal: boolean;
  createdAt: string;
}

type CommentResult = { form: FormReply | null; id?: string } | undefined;

/** The comments on one milestone or task, oldest first, with a form to add one. Text is shown as typed, never as HTML. */
export function CommentThread({
  accountId,
  subject,
  comments,
  canComment,
  canInternal,
  locale,
  timeZone,
}: {
  accountId: string;
  subject: { type: "milestone" | "task"; id: string; title: string };
  comments: ThreadComment[];
  canComment: boolean;
  canInternal: boolean;
  locale: string;
  timeZone: string;
}) {
  const { t } = useTranslation("plans");
  const fetcher = useFetcher<CommentResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const error = useReplyMessage(fetcher.data);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.id) formRef.current?.reset();
  }, [fetcher.state, fetcher.data]);

  return (
    <details className="group text-sm">
      <summary className="cursor-pointer text-xs font-medium text-brand-700">
        {comments.length === 0 ? t("comments.title") : t("comments.count", { count: comments.length })}
      </summary>
      <div className="mt-2 space-y-3">
        {comments.length === 0 ? <p className="text-xs text-slate-500">{t("comments.none")}</p> : null}
        <ol className="space-y-2">
          {comments.map((comment) => (
            <li
              key={comment.id}
              className={`rounded-md p-2.5 ring-1 ring-inset ${comment.internal ? "bg-amber-50 ring-amber-200" : "bg-slate-50 ring-slate-200"}`}
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className="font-medium text-slate-900">{comment.authorName}</span>
                <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale, timeZone)}</time>
                {comment.internal ? <Badge tone="amber">{t("comments.internalBadge")}</Badge> : null}
              </div>
              <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{comment.body}</p>
            </li>
          ))}
        </ol>
        {canComment ? (
          <fetcher.Form ref={formRef} method="post" action={`/accounts/${accountId}/comments`} className="space-y-2">
            <input type="hidden" name="subjectType" value={subject.type} />
            <input type="hidden" name="subjectId" value={subject.id} />
            <label htmlFor={`comment-${subject.id}`} className="sr-only">
              {t("comments.labelFor", { title: subject.title })}
            </label>
            <textarea
              id={`comment-${subject.id}`}
              name="body"
              rows={2}
              maxLength={5000}
              placeholder={t("comments.label")}
              aria-invalid={error ? true : undefined}
              className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
            />
            <div className="flex flex-wrap items-center justify-between gap-2">
              {canInternal ? (
                <label className="inline-flex items-center gap-1.5 text-xs text-slate-700">
                  <input type="checkbox" name="internal" className="accent-brand-600" />
                  {t("comments.internal")}
                </label>
              ) : (
                <span />
              )}
              <Button variant="secondary" className="py-1.5" disabled={fetcher.state !== "idle"}>
                {t("comments.post")}
              </Button>
            </div>
            {error ? (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </fetcher.Form>
        ) : null}
      </div>
    </details>
  );
}
