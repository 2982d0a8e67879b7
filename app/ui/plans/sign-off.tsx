import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "~/lib/forms";
import { useReplyMessage } from "~/ui/form";
import { Button } from "~/ui/button";

type SignOffResult = { form: FormReply | null; achieved?: boolean } | undefined;

/**
 * One side's half of a milestone's joint sign-off. Staff mark it achieved; the champion confirms
 * and may rate how the step went.
 */
export function SignOffControls({
  accountId,
  milestone,
  side,
  signed,
  canRate,
  vendorName,
  openTasks,
}: {
  accountId: string;
  milestone: { id: string; title: string };
  side: "vendor" | "customer";
  signed: boolean;
  canRate: boolean;
  vendorName: string;
  /** The milestone's tasks the viewer can see that aren't done: signing then needs a reason. */
  openTasks: number;
}) {
  const { t } = useTranslation("plans");
  const fetcher = useFetcher<SignOffResult>();
  const busy = fetcher.state !== "idle";
  const action = `/accounts/${accountId}/milestones/${milestone.id}`;
  const error = useReplyMessage(fetcher.data);

  if (signed) {
    return (
      <fetcher.Form method="post" action={action}>
        <input type="hidden" name="intent" value="withdraw" />
        <Button variant="ghost" className="px-0 py-1 text-xs" disabled={busy}>
          {t("signOff.withdraw")}
        </Button>
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </fetcher.Form>
    );
  }
  return (
    <fetcher.Form
      method="post"
      action={action}
      className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200"
    >
      <input type="hidden" name="intent" value="sign_off" />
      {side === "customer" && canRate ? (
        <>
          <p className="text-xs text-slate-600">
            {t("signOff.customerHelp", { title: milestone.title, vendor: vendorName })}
          </p>
          <fieldset>
            <legend className="text-xs font-medium text-slate-700">{t("signOff.rating")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
              {[1, 2, 3, 4, 5].map((value) => (
                <label key={value} className="inline-flex items-center gap-1 text-sm">
                  <input type="radio" name="rating" value={value} className="accent-brand-600" />
                  {t("signOff.ratingOption", { count: value })}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`rating-comment-${milestone.id}`} className="block text-xs font-medium text-slate-700">
              {t("signOff.ratingComment")}
            </label>
            <textarea
              id={`rating-comment-${milestone.id}`}
              name="ratingComment"
              rows={2}
              maxLength={1000}
              className="mt-1 block w-full rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
            />
          </div>
        </>
      ) : null}
      {openTasks > 0 ? (
        <div className="space-y-1">
          <p className="text-xs font-medium text-amber-800">{t("signOff.openTasks", { count: openTasks })}</p>
          <p className="text-xs text-slate-600">{t("signOff.openTasksHelp")}</p>
          <label htmlFor={`open-tasks-reason-${milestone.id}`} className="block text-xs font-medium text-slate-700">
            {t("signOff.openTasksReason")}
          </label>
          <textarea
            id={`open-tasks-reason-${milestone.id}`}
            name="openTasksReason"
            rows={2}
            required
            maxLength={500}
            className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
        </div>
      ) : null}
      <Button className="w-full py-1.5" disabled={busy}>
        {openTasks > 0
          ? side === "vendor"
            ? t("signOff.vendorAnywayButton")
            : t("signOff.customerAnywayButton")
          : side === "vendor"
            ? t("signOff.vendorButton")
            : t("signOff.customerButton")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
