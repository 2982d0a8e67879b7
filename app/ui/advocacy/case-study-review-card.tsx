import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CaseStudyCommentView } from "~/domain/advocacy/case-study-comments.server";
import { Button } from "~/ui/button";
import { TextAreaField } from "~/ui/field";
import { Alert } from "~/ui/layout";
import type { FormReply } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";
import { CaseStudyCommentForm, CaseStudyThread } from "./case-study-thread";
import { MarkdownView } from "./markdown-view";

export interface ReviewDraft {
  id: string;
  version: number;
  title: string;
  body: string;
  advocateName: string;
  /** Only the advocate approves or asks for changes; the account's other champions comment. */
  canDecide: boolean;
  comments: CaseStudyCommentView[];
}

/** The case study in review on the customer's home: the draft, the conversation about it, and the advocate's decision. */
export function CaseStudyReviewCard({ draft, accountId }: { draft: ReviewDraft; accountId: string }) {
  const { t } = useTranslation("advocacy");
  const message = useFormMessage();
  const fetcher = useFetcher<{ form: FormReply }>();
  const errors = (fetcher.state === "idle" ? fetcher.data?.form.error : undefined) ?? {};
  const formError = message(errors[""] ?? errors.decision ?? undefined);
  const busy = fetcher.state !== "idle";
  const headingId = `case-study-${draft.id}`;
  const draftId = `case-study-draft-${draft.id}`;
  const action = `/accounts/${accountId}/case-studies/${draft.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-brand-200 sm:p-5"
    >
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{t("caseStudy.reviewKicker")}</p>
        <h3 id={headingId} className="mt-1 text-base font-semibold text-slate-900">
          {t("caseStudy.reviewTitle", { title: draft.title })}
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          {draft.canDecide ? t("caseStudy.reviewIntro") : t("caseStudy.readAlong", { name: draft.advocateName })}
        </p>
      </div>
      <div id={draftId} className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
        <MarkdownView source={draft.body} />
      </div>
      <section aria-labelledby={`${headingId}-comments`} className="space-y-3 border-t border-slate-200 pt-4">
        <h4 id={`${headingId}-comments`} className="text-sm font-semibold text-slate-900">
          {t("caseStudy.comments.heading")}
        </h4>
        <CaseStudyThread comments={draft.comments} resolve={null} />
        <CaseStudyCommentForm action={`${action}/comments`} versionId={draft.id} draftId={draftId} />
      </section>
      {draft.canDecide ? (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <fetcher.Form method="post" action={action} className="space-y-3" noValidate>
            <TextAreaField
              label={t("caseStudy.yourComment")}
              name="comment"
              hint={t("caseStudy.yourCommentHint")}
              error={message(errors.comment ?? undefined)}
            />
            <div className="flex flex-wrap gap-2">
              <Button name="decision" value="approve" disabled={busy}>
                {t("caseStudy.approve")}
              </Button>
              <Button name="decision" value="request_changes" variant="secondary" disabled={busy}>
                {t("caseStudy.requestChanges")}
              </Button>
            </div>
          </fetcher.Form>
        </div>
      ) : null}
    </section>
  );
}
