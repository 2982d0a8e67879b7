import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CaseStudyVersionView } from "~/domain/advocacy/case-studies.server";
import type { CaseStudyCommentView } from "~/domain/advocacy/case-study-comments.server";
import { caseStudyCommentProblem } from "~/domain/advocacy/case-study";
import type { OpportunityStage } from "~db/schema";
import { Button } from "~/ui/button";
import { TextAreaField, TextField } from "~/ui/field";
import { Alert, Badge, Card } from "~/ui/layout";
import type { FormReply } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";
import { CaseStudyCommentForm, CaseStudyThread } from "./case-study-thread";
import { MarkdownView } from "./markdown-view";

/**
 * Marketing's side of a case study: the versions, the latest rendered with the review conversation,
 * and (in production) a new version with facts from the plan.
 */
export function CaseStudyEditor({
  opportunityId,
  versions,
  facts,
  editable,
  advocateName,
  comments,
  takesPart,
  stage,
}: {
  opportunityId: string;
  versions: CaseStudyVersionView[];
  facts: string[];
  editable: boolean;
  advocateName: string;
  comments: CaseStudyCommentView[];
  /** Marketing or the opportunity's owner: may comment and resolve. */
  takesPart: boolean;
  stage: OpportunityStage;
}) {
  const { t } = useTranslation("advocacy");
  const message = useFormMessage();
  // Refusals come back as data next to the fields; success redirects back here with a notice.
  const saver = useFetcher<{ form: FormReply }>();
  const sender = useFetcher<{ form: FormReply }>();
  const errors = (saver.state === "idle" ? saver.data?.form.error : undefined) ?? {};
  const formError =
    message(errors[""] ?? undefined) ??
    message((sender.state === "idle" ? sender.data?.form.error?.[""] : undefined) ?? undefined);
  const busy = saver.state !== "idle" || sender.state !== "idle";
  const latest = versions[0];
  const action = `/advocacy/opportunities/${opportunityId}/case-study`;
  const commentsAction = `/advocacy/opportunities/${opportunityId}/comments`;
  const draftId = `case-study-draft-${opportunityId}`;
  const mayComment = takesPart && latest && !caseStudyCommentProblem("staff", stage, latest.status);
  return (
    <Card title={t("caseStudy.heading")}>
      <div className="space-y-5">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {latest ? (
          <article
            id={draftId}
            aria-label={t("caseStudy.latest", { version: String(latest.version) })}
            className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200"
          >
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-base font-semibold text-slate-900">{latest.title}</h3>
              <Badge>{t("caseStudy.versionLabel", { version: String(latest.version) })}</Badge>
              <Badge
                tone={
                  latest.status === "approved" ? "green" : latest.status === "changes_requested" ? "amber" : "neutral"
                }
              >
                {t(`caseStudy.status.${latest.status}`)}
              </Badge>
            </div>
            {latest.reviewComment ? (
              <p className="text-sm text-slate-700">
                {t("caseStudy.reviewComment", { comment: latest.reviewComment })}
              </p>
            ) : null}
            <MarkdownView source={latest.body} />
          </article>
        ) : (
          <p className="text-sm text-slate-600">{t("caseStudy.none")}</p>
        )}
        {latest ? (
          <section aria-labelledby={`${draftId}-comments`} className="space-y-3">
            <h3 id={`${draftId}-comments`} className="text-sm font-semibold text-slate-900">
              {t("caseStudy.comments.heading")}
            </h3>
            <CaseStudyThread comments={comments} resolve={takesPart ? { action: commentsAction } : null} />
            {mayComment ? (
              <CaseStudyCommentForm
                action={commentsAction}
                versionId={latest.id}
                draftId={draftId}
                hint={t("caseStudy.comments.staffHint")}
              />
            ) : null}
          </section>
        ) : null}
        {editable ? (
          <>
            <saver.Form method="post" action={action} className="space-y-4" noValidate>
              <input type="hidden" name="intent" value="save" />
              <TextField
                label={t("caseStudy.title")}
                name="title"
                defaultValue={latest?.title ?? ""}
                required
                error={message(errors.title ?? undefined)}
              />
              <TextAreaField
                label={t("caseStudy.body")}
                name="body"
                rows={10}
                defaultValue={latest?.body ?? ""}
                hint={t("caseStudy.bodyHint")}
                error={message(errors.body ?? undefined)}
              />
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">{t("caseStudy.facts")}</legend>
                {facts.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-600">{t("caseStudy.noFacts")}</p>
                ) : (
                  <div className="mt-2 space-y-2">
                    {facts.map((fact) => (
                      <label key={fact} className="flex items-start gap-2 text-sm text-slate-800">
                        <input
                          type="checkbox"
                          name="facts"
                          value={fact}
                          className="mt-0.5 h-4 w-4 rounded border-slate-300"
                        />
                        {fact}
                      </label>
                    ))}
                  </div>
                )}
              </fieldset>
              <Button disabled={busy}>{t("caseStudy.save")}</Button>
            </saver.Form>
            {latest?.status === "draft" ? (
              <sender.Form method="post" action={action}>
                <input type="hidden" name="intent" value="send" />
                <Button variant="secondary" disabled={busy}>
                  {t("caseStudy.send", { name: advocateName })}
                </Button>
              </sender.Form>
            ) : null}
          </>
        ) : null}
        {versions.length > 1 ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              {t("caseStudy.history", { count: versions.length })}
            </summary>
            <ol className="mt-2 space-y-1 text-sm text-slate-700">
              {versions.map((version) => (
                <li key={version.id}>
                  {t("caseStudy.versionLabel", { version: String(version.version) })} · {version.title} ·{" "}
                  {t(`caseStudy.status.${version.status}`)}
                  {version.reviewComment ? ` — “${version.reviewComment}”` : ""}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
