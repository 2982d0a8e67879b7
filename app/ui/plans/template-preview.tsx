import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TemplateDraft } from "~/domain/plans/template-schemas";
import { previewTemplate } from "~/domain/plans/template-preview";
import { formatDate } from "~/lib/format";
import { useRootData } from "~/lib/root-data";
import { TextField } from "~/ui/field";
import { Badge, Card } from "~/ui/layout";

/** The dated plan a template produces from a sample start date, recomputed as the rows change. */
export function TemplatePreview({ draft, today }: { draft: TemplateDraft; today: string }) {
  const { t } = useTranslation(["templates", "plans"]);
  const locale = useRootData()?.locale ?? "en";
  const [startDate, setStartDate] = useState(today);
  const milestones = previewTemplate(draft, startDate);
  const when = (date: string | null) => (date ? formatDate(date, locale) : t("preview.noDate"));
  return (
    <Card title={t("preview.title")}>
      <p className="mb-3 text-sm text-slate-600">{t("preview.hint")}</p>
      {/* Not part of the template: no name, so it is never submitted. */}
      <TextField
        label={t("preview.startDate")}
        type="date"
        value={startDate}
        onChange={(event) => setStartDate(event.target.value)}
      />
      {milestones.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t("preview.empty")}</p>
      ) : (
        <ol className="mt-4 space-y-4" aria-label={t("preview.title")}>
          {milestones.map((milestone) => (
            <li key={milestone.key} className="border-l-2 border-brand-600 pl-3">
              <div className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                {milestone.dayOffset === null
                  ? t("preview.dayUnknown")
                  : t("preview.day", { day: milestone.dayOffset })}{" "}
                · {when(milestone.targetDate)}
              </div>
              <div className="font-medium text-slate-900">{milestone.title.trim() || t("preview.untitled")}</div>
              {milestone.outcomeTitle ? (
                <div className="text-xs text-slate-600">{t("preview.outcome", { title: milestone.outcomeTitle })}</div>
              ) : null}
              {milestone.tasks.length > 0 ? (
                <ul className="mt-1 space-y-1">
                  {milestone.tasks.map((task, index) => (
                    <li key={index} className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
                      <Badge tone={task.side === "vendor" ? "brand" : "neutral"}>{t(`plans:side.${task.side}`)}</Badge>
                      <span>{task.title.trim() || t("preview.untitled")}</span>
                      <span className="text-xs text-slate-500">{t("preview.dueOn", { date: when(task.dueDate) })}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
