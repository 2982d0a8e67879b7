import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/button";
import type { FormReply } from "~/lib/forms";
import { useReplyMessage } from "~/ui/form";
import { Alert } from "~/ui/layout";

/** A reference call the advocate is asked to take, on their home: accept or decline. */
export function ReferenceRequestCard({
  request,
  accountId,
  vendorName,
}: {
  request: { id: string; prospectCompany: string; notes: string };
  accountId: string;
  vendorName: string;
}) {
  const { t } = useTranslation("advocacy");
  const fetcher = useFetcher<{ form: FormReply }>();
  const error = useReplyMessage(fetcher.state === "idle" ? fetcher.data : undefined);
  const busy = fetcher.state !== "idle";
  const headingId = `reference-${request.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-brand-200 sm:p-5"
    >
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-brand-700">{t("askTypes.reference_call")}</p>
        <h3 id={headingId} className="mt-1 text-base font-semibold text-slate-900">
          {t("referenceAsk.title", { prospect: request.prospectCompany })}
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          {t("referenceAsk.body", { prospect: request.prospectCompany, vendor: vendorName })}
        </p>
        {request.notes ? (
          <p className="mt-1 text-sm text-slate-700">{t("referenceAsk.notes", { notes: request.notes })}</p>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <fetcher.Form
        method="post"
        action={`/accounts/${accountId}/references/${request.id}`}
        className="flex flex-wrap gap-2"
      >
        <Button name="intent" value="accept" disabled={busy}>
          {t("referenceAsk.accept")}
        </Button>
        <Button name="intent" value="decline" variant="ghost" disabled={busy}>
          {t("referenceAsk.decline")}
        </Button>
      </fetcher.Form>
    </section>
  );
}
