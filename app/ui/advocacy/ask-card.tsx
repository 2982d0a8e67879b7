import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AskContext, AskType } from "~db/schema";
import { CONSENT_SCOPES, CONSENT_USES } from "~/domain/advocacy/consent";
import { Button } from "~/ui/button";
import { Alert } from "~/ui/layout";
import type { FormReply } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";

export interface AskCardData {
  id: string;
  askType: AskType;
  signal: string;
  context: AskContext;
  reviewUrl: string | null;
}

/** Refusals come back as data; an answer redirects to the home page with a notice. */
type AskAnswer = { form: FormReply };

/** The ask's opening line, tied to what the person achieved. */
function useHeadline(ask: AskCardData) {
  const { t } = useTranslation("advocacy");
  const { milestoneTitle, daysEarly, score, courseTitle } = ask.context;
  if (ask.signal === "milestone_achieved" && milestoneTitle) {
    return daysEarly && daysEarly > 0
      ? t("ask.milestone_early", { title: milestoneTitle, count: daysEarly })
      : t("ask.milestone", { title: milestoneTitle });
  }
  if (ask.signal === "plan_completed") return t("ask.plan");
  if (ask.signal === "team_trained" && courseTitle) return t("ask.team_trained", { course: courseTitle });
  if (ask.signal === "manual") return t("ask.manual");
  return t("ask.promoter", { score: String(score ?? 10) });
}

/**
 * One ask on the customer's home: what we'd like and why now, then accept (with consent: what may
 * be used, where), not now, or decline. The consent form is a <details> disclosure, so it opens by
 * keyboard and before the page's JavaScript has loaded.
 */
export function AskCard({ ask, accountId, vendorName }: { ask: AskCardData; accountId: string; vendorName: string }) {
  const { t } = useTranslation("advocacy");
  const message = useFormMessage();
  const fetcher = useFetcher<AskAnswer>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const busy = fetcher.state !== "idle";
  const headline = useHeadline(ask);
  const action = `/accounts/${accountId}/asks/${ask.id}`;
  const headingId = `ask-${ask.id}`;

  const errors = answer?.form.error ?? {};
  const formError = message(errors[""] ?? undefined);
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-brand-200 sm:p-5"
    >
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{t(`askTypes.${ask.askType}`)}</p>
        <h3 id={headingId} className="mt-1 text-base font-semibold text-slate-900">
          {headline}
        </h3>
        <p className="mt-1 text-sm text-slate-700">{t(`ask.what.${ask.askType}`, { vendor: vendorName })}</p>
        {ask.askType === "review" && ask.reviewUrl ? (
          <p className="mt-1 text-sm">
            <a
              href={ask.reviewUrl}
              className="font-medium text-brand-700 underline"
              target="_blank"
              rel="noreferrer noopener"
            >
              {t("ask.reviewLink")}
            </a>
          </p>
        ) : null}
      </div>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <details
        className="group rounded-md ring-1 ring-inset ring-slate-200"
        open={Boolean(errors.uses || errors.scope)}
      >
        <summary className="cursor-pointer list-none rounded-md bg-brand-600 px-3.5 py-2 text-center text-sm font-medium text-white hover:bg-brand-700 group-open:rounded-b-none sm:inline-block">
          {t("ask.accept")}
        </summary>
        <fetcher.Form method="post" action={action} className="space-y-4 p-3" noValidate>
          <input type="hidden" name="intent" value="accept" />
          <p className="text-sm font-medium text-slate-900">{t("ask.consentTitle")}</p>
          <p className="text-xs text-slate-600">{t("ask.consentIntro")}</p>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("ask.usesLegend")}</legend>
            <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
              {CONSENT_USES.map((use) => (
                <label key={use} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="uses" value={use} className="h-4 w-4 rounded border-slate-300" />
                  {t(`uses.${use}`)}
                </label>
              ))}
            </div>
            {errors.uses ? (
              <p className="mt-1 text-sm text-red-700" role="alert">
                {message(errors.uses ?? undefined)}
              </p>
            ) : null}
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("ask.scopeLegend")}</legend>
            <div className="mt-2 space-y-2">
              {CONSENT_SCOPES.map((scope) => (
                <label key={scope} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name="scope" value={scope} className="h-4 w-4 border-slate-300" />
                  {t(`scopes.${scope}`)}
                </label>
              ))}
            </div>
            {errors.scope ? (
              <p className="mt-1 text-sm text-red-700" role="alert">
                {message(errors.scope ?? undefined)}
              </p>
            ) : null}
          </fieldset>
          <Button disabled={busy}>{t("ask.confirm")}</Button>
        </fetcher.Form>
      </details>
      <div className="flex flex-wrap gap-2">
        <fetcher.Form method="post" action={action}>
          <Button name="intent" value="not_now" variant="secondary" disabled={busy}>
            {t("ask.notNow")}
          </Button>
        </fetcher.Form>
        <fetcher.Form method="post" action={action}>
          <Button name="intent" value="decline" variant="ghost" disabled={busy}>
            {t("ask.decline")}
          </Button>
        </fetcher.Form>
      </div>
    </section>
  );
}
