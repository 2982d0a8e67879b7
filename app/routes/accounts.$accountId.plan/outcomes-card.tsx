import { useTranslation } from "react-i18next";
import type { PlanView } from "~/domain/plans/plan-view";
import { formatDate } from "~/lib/format";
import { Card } from "~/ui/layout";
import { AddOutcome, EditOutcome, type OutcomeEditorOptions } from "~/ui/plans/outcome-editor";

/** The business results the plan works toward; planners add, edit and delete them here. */
export function OutcomesCard({
  outcomes,
  locale,
  editor,
}: {
  outcomes: PlanView["outcomes"];
  locale: string;
  editor: OutcomeEditorOptions | null;
}) {
  const { t } = useTranslation(["plans", "planEditing"]);
  if (outcomes.length === 0 && !editor) return null;
  return (
    <Card title={t("outcomes.title")}>
      {outcomes.length === 0 ? <p className="text-sm text-slate-600">{t("planEditing:outcome.none")}</p> : null}
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {outcomes.map((outcome) => (
          <li key={outcome.id} className="space-y-2 rounded-md bg-slate-50 p-3 ring-1 ring-inset ring-slate-200">
            <div>
              <h3 className="font-medium text-slate-900">{outcome.title}</h3>
              {outcome.why ? <p className="mt-1 text-sm text-slate-700">{outcome.why}</p> : null}
              {outcome.successCriteria ? (
                <p className="mt-1 text-sm text-slate-600">
                  <span className="font-medium">{t("outcomes.criteria")}: </span>
                  {outcome.successCriteria}
                </p>
              ) : null}
              <p className="mt-1 text-xs text-slate-500">
                {outcome.ownerName ? t("outcomes.owner", { name: outcome.ownerName }) : null}
                {outcome.targetDate
                  ? ` ${t("outcomes.target", { date: formatDate(outcome.targetDate, locale) })}`
                  : null}
              </p>
            </div>
            {editor ? <EditOutcome outcome={outcome} options={editor} /> : null}
          </li>
        ))}
      </ul>
      {editor ? (
        <div className="mt-4">
          <AddOutcome options={editor} />
        </div>
      ) : null}
    </Card>
  );
}
