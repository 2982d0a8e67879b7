import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import { TextAreaField } from "~/ui/field";
import { Alert, Card } from "~/ui/layout";
import type { FormReply } from "~/lib/forms";
import { useFormMessage } from "~/ui/form";

/** Refusals come back as data; success redirects to the home page with a thank-you notice. */
type NpsAnswer = { form: FormReply };

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/** The in-portal NPS question: 0–10 as a radio group (arrow keys move between scores), a comment, send or not now. */
export function NpsSurvey({ accountId, vendorName }: { accountId: string; vendorName: string }) {
  const { t } = useTranslation("advocacy");
  const message = useFormMessage();
  const fetcher = useFetcher<NpsAnswer>();
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  const busy = fetcher.state !== "idle";

  const errors = answer?.form.error ?? {};
  const scoreError = message(errors.score ?? undefined);
  const formError = message(errors[""] ?? undefined);
  return (
    <Card title={t("nps.title")}>
      <fetcher.Form method="post" action={`/accounts/${accountId}/nps`} className="space-y-4" noValidate>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <fieldset aria-describedby="nps-scale" aria-invalid={scoreError ? true : undefined}>
          <legend className="text-sm font-medium text-slate-900">{t("nps.question", { vendor: vendorName })}</legend>
          <p id="nps-scale" className="mt-1 text-xs text-slate-600">
            {t("nps.scale")}
          </p>
          <div className="mt-3 grid grid-cols-6 gap-1.5 sm:grid-cols-11">
            {SCORES.map((score) => (
              <label key={score} className="relative">
                <input
                  type="radio"
                  name="score"
                  value={score}
                  className="peer sr-only"
                  aria-label={t("nps.score", { score: String(score) })}
                />
                <span
                  aria-hidden
                  className="flex h-10 cursor-pointer items-center justify-center rounded-md text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600"
                >
                  {score}
                </span>
              </label>
            ))}
          </div>
          {scoreError ? (
            <p className="mt-2 text-sm text-red-700" role="alert">
              {scoreError}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField
          label={t("nps.comment")}
          name="comment"
          maxLength={2000}
          error={message(errors.comment ?? undefined)}
        />
        <div className="flex flex-wrap gap-2">
          <Button name="intent" value="answer" disabled={busy}>
            {t("nps.submit")}
          </Button>
          <Button name="intent" value="dismiss" variant="ghost" disabled={busy}>
            {t("nps.dismiss")}
          </Button>
        </div>
      </fetcher.Form>
    </Card>
  );
}
