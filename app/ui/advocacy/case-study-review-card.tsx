import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import { TextAreaField } from "~/ui/field";
import { Alert } from "~/ui/layout";
import { useFieldError } from "~/ui/use-field-error";
import { MarkdownView } from "./markdown-view";

/** The advocate reviews the case study on their home: approve, or request changes saying what. */
export function CaseStudyReviewCard({ draft, accountId }: { draft: { id: string; version: number; title: string; body: string }; accountId: string }) {
  const { t } = useTranslation("advocacy");
  const fieldError = useFieldError();
  const fetcher = useFetcher<{ fieldErrors?: Record<string, string | undefined>; formError?: string }>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const busy = fetcher.state !== "idle";
  const headingId = `case-study-${draft.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-brand-200 sm:p-5">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{t("caseStudy.reviewKicker")}</p>
        <h3 id={headingId} className="mt-1 text-base font-semibold text-slate-900">
          {t("caseStudy.reviewTitle", { title: draft.title })}
        </h3>
        <p className="mt-1 text-sm text-slate-700">{t("caseStudy.reviewIntro")}</p>
      </div>
      <div className="rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
        <MarkdownView source={draft.body} />
      </div>
      {answer?.formError ? <Alert tone="error">{t("ask.alreadyAnswered")}</Alert> : null}
      <fetcher.Form method="post" action={`/accounts/${accountId}/case-studies/${draft.id}`} className="space-y-3" noValidate>
        <TextAreaField label={t("caseStudy.yourComment")} name="comment" hint={t("caseStudy.yourCommentHint")} error={fieldError(answer?.fieldErrors?.comment)} />
        <div className="flex flex-wrap gap-2">
          <Button name="decision" value="approve" disabled={busy}>
            {t("caseStudy.approve")}
          </Button>
          <Button name="decision" value="request_changes" variant="secondary" disabled={busy}>
            {t("caseStudy.requestChanges")}
          </Button>
        </div>
      </fetcher.Form>
    </section>
  );
}
