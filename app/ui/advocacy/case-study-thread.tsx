import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseStudyCommentView } from "~/domain/advocacy/case-study-comments.server";
import { CASE_STUDY_LIMITS, groupByVersion } from "~/domain/advocacy/case-study";
import { formatDateTime } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Button } from "~/ui/button";
import { TextAreaField } from "~/ui/field";
import { Alert, Badge } from "~/ui/layout";
import type { FormReply } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";

/** Done, or the form's refusal. */
type Answer = { ok: true } | { form: FormReply };

/** Where a resolve button posts (staff only); without it the thread is read-only. */
type ResolveTarget = { action: string } | null;

function CommentBody({ comment }: { comment: CaseStudyCommentView }) {
  return (
    <>
      {comment.quote ? (
        <blockquote className="mt-1 border-l-4 border-brand-200 pl-3 text-sm italic text-slate-600">
          {comment.quote}
        </blockquote>
      ) : null}
      <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{comment.body}</p>
    </>
  );
}

function ResolveButton({ comment, resolve }: { comment: CaseStudyCommentView; resolve: { action: string } }) {
  const { t } = useTranslation("advocacy");
  const fetcher = useFetcher<Answer>();
  const resolved = Boolean(comment.resolvedAt);
  return (
    <fetcher.Form method="post" action={resolve.action}>
      <input type="hidden" name="intent" value="resolve" />
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="resolved" value={resolved ? "false" : "true"} />
      <Button
        variant="ghost"
        className="px-2 py-1 text-xs"
        disabled={fetcher.state !== "idle"}
        aria-label={t(resolved ? "caseStudy.comments.reopenBy" : "caseStudy.comments.resolveBy", {
          name: comment.authorName,
        })}
      >
        {t(resolved ? "caseStudy.comments.reopen" : "caseStudy.comments.resolve")}
      </Button>
    </fetcher.Form>
  );
}

function CommentItem({ comment, resolve }: { comment: CaseStudyCommentView; resolve: ResolveTarget }) {
  const { t } = useTranslation("advocacy");
  const root = useRootData();
  const when = formatDateTime(comment.createdAt, root?.locale ?? "en", root?.user?.timeZone ?? "UTC");
  const header = (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
      <span className="font-medium text-slate-900">{comment.authorName}</span>
      {comment.authorSide === "vendor" ? <Badge tone="brand">{t("caseStudy.comments.team")}</Badge> : null}
      <time dateTime={comment.createdAt}>{when}</time>
      {resolve ? (
        <span className="ml-auto">
          <ResolveButton comment={comment} resolve={resolve} />
        </span>
      ) : null}
    </div>
  );
  if (comment.resolvedAt) {
    // Resolved comments fold away but stay in the thread, so both sides can see what was settled.
    return (
      <li className="rounded-md bg-white p-2.5 ring-1 ring-inset ring-slate-200">
        <details>
          <summary className="cursor-pointer text-xs text-slate-600">
            <Badge tone="green">{t("caseStudy.comments.resolved")}</Badge>{" "}
            {t("caseStudy.comments.resolvedSummary", {
              author: comment.authorName,
              name: comment.resolvedByName ?? t("caseStudy.comments.someone"),
            })}
          </summary>
          <div className="mt-2">
            {header}
            <CommentBody comment={comment} />
          </div>
        </details>
      </li>
    );
  }
  return (
    <li className="rounded-md bg-slate-50 p-2.5 ring-1 ring-inset ring-slate-200">
      {header}
      <CommentBody comment={comment} />
    </li>
  );
}

/** The review conversation, one group per version, newest version first. Text is shown as typed, never as HTML. */
export function CaseStudyThread({ comments, resolve }: { comments: CaseStudyCommentView[]; resolve: ResolveTarget }) {
  const { t } = useTranslation("advocacy");
  const groups = groupByVersion(comments);
  if (groups.length === 0) return <p className="text-sm text-slate-600">{t("caseStudy.comments.none")}</p>;
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <section key={group.version} aria-label={t("caseStudy.comments.onVersion", { version: String(group.version) })}>
          <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {t("caseStudy.comments.onVersion", { version: String(group.version) })}
          </h4>
          <ol className="mt-2 space-y-2">
            {group.comments.map((comment) => (
              <CommentItem key={comment.id} comment={comment} resolve={resolve} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/**
 * A new comment on one version, optionally quoting a passage: select it in the draft (the element
 * with id `draftId`) and press "Quote selection", or paste it into the field.
 */
export function CaseStudyCommentForm({
  action,
  versionId,
  draftId,
  hint,
}: {
  action: string;
  versionId: string;
  draftId: string;
  hint?: string;
}) {
  const { t } = useTranslation("advocacy");
  const message = useFormMessage();
  const fetcher = useFetcher<Answer>();
  const formRef = useRef<HTMLFormElement>(null);
  const [selectionMissing, setSelectionMissing] = useState(false);
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = (answer && "form" in answer ? answer.form.error : undefined) ?? {};
  const formError = message(errors[""] ?? undefined);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && "ok" in fetcher.data) formRef.current?.reset();
  }, [fetcher.state, fetcher.data]);

  const quoteSelection = () => {
    const selection = window.getSelection();
    const draft = document.getElementById(draftId);
    const text =
      selection && draft && draft.contains(selection.anchorNode)
        ? selection.toString().replace(/\s+/g, " ").trim()
        : "";
    setSelectionMissing(!text);
    const fields = formRef.current?.elements;
    const quote = fields?.namedItem("quote");
    if (!text || !(quote instanceof HTMLTextAreaElement)) return;
    quote.value = text.slice(0, CASE_STUDY_LIMITS.quote);
    const body = fields?.namedItem("body");
    if (body instanceof HTMLTextAreaElement) body.focus();
  };

  return (
    <fetcher.Form ref={formRef} method="post" action={action} className="space-y-3" noValidate>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="versionId" value={versionId} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="space-y-2">
        <TextAreaField
          label={t("caseStudy.comments.quote")}
          name="quote"
          rows={2}
          hint={t("caseStudy.comments.quoteHint")}
          error={message(errors.quote ?? undefined)}
        />
        {/* The selection would collapse on mousedown before the click reads it. */}
        <Button
          type="button"
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          onMouseDown={(event) => event.preventDefault()}
          onClick={quoteSelection}
        >
          {t("caseStudy.comments.quoteSelection")}
        </Button>
        {selectionMissing ? (
          <p role="status" className="text-xs text-amber-800">
            {t("caseStudy.comments.nothingSelected")}
          </p>
        ) : null}
      </div>
      <TextAreaField
        label={t("caseStudy.comments.body")}
        name="body"
        rows={3}
        hint={hint}
        error={message(errors.body ?? undefined)}
      />
      <Button variant="secondary" disabled={fetcher.state !== "idle"}>
        {t("caseStudy.comments.post")}
      </Button>
    </fetcher.Form>
  );
}
