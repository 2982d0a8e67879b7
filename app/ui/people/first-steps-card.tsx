import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FirstStep } from "~/domain/people/first-steps";
import { formatNumber } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { Card } from "~/ui/layout";

/** A new account's "First steps": each a link, ticked once done (the list comes from `firstSteps`). */
export function FirstStepsCard({ accountId, steps }: { accountId: string; steps: FirstStep[] }) {
  const { t } = useTranslation("people");
  const root = useRootData();
  const vendor = root?.vendorName ?? "";
  const locale = root?.locale ?? "en";
  const links = {
    invite: `/accounts/${accountId}/people#invite`,
    plan: `/accounts/${accountId}/plan`,
    course: "/training",
  } as const;
  const done = steps.filter((step) => step.done).length;
  return (
    <Card
      title={t("account.firstSteps.title")}
      actions={
        <span className="text-sm text-slate-600">
          {t("account.firstSteps.progress", {
            done: formatNumber(done, locale),
            total: formatNumber(steps.length, locale),
          })}
        </span>
      }
    >
      <p className="mb-3 text-sm text-slate-600">{t("account.firstSteps.intro")}</p>
      <ol className="space-y-3">
        {steps.map((step) => (
          <li key={step.key} className="flex items-start gap-3" data-step={step.key} data-done={step.done}>
            <span
              aria-hidden="true"
              className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                step.done ? "bg-green-600 text-white" : "ring-2 ring-inset ring-slate-300"
              }`}
            >
              {step.done ? "✓" : ""}
            </span>
            <div className="min-w-0 text-sm">
              <Link
                to={links[step.key]}
                className={`font-medium hover:underline ${step.done ? "text-slate-500 line-through" : "text-brand-700"}`}
              >
                {t(`account.firstSteps.${step.key}`)}
              </Link>
              <span className="sr-only">
                {" "}
                ({step.done ? t("account.firstSteps.done") : t("account.firstSteps.toDo")})
              </span>
              <p className="text-slate-600">{t(`account.firstSteps.${step.key}Hint`, { vendor })}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
