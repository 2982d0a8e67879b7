import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { describeValueActivity } from "~/ui/value/value-activity";
import { formatDateTime } from "~/lib/format";
import { Card } from "~/ui/layout";

export interface ActivityLogEntry {
  id: string;
  action: string;
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

const TASK_STATUSES = ["todo", "in_progress", "blocked", "done"] as const;
const SIDES = ["customer", "vendor"] as const;

const EDITED_SUBJECTS = ["outcome", "milestone", "task"] as const;
const CHANGED_FIELDS = [
  "title",
  "why",
  "successCriteria",
  "ownerId",
  "targetDate",
  "description",
  "outcomeId",
  "notes",
  "side",
  "assigneeId",
  "dueDate",
  "internal",
  "status",
] as const;

const text = (value: unknown) => (typeof value === "string" ? value : "");
const oneOf = <T extends string>(options: readonly T[], value: unknown): T | null =>
  options.includes(value as T) ? (value as T) : null;

/** One entry as a sentence; details are untyped JSON, so every field is checked before use. */
function describe(
  entry: ActivityLogEntry,
  t: TFunction<["plans", "planEditing"]>,
  tValue: TFunction<"value">,
  tTraining: TFunction<"training">,
  locale: string,
): string {
  const { details } = entry;
  const actor = entry.actorName ?? t("activityLog.someone");
  const title = text(details.title);
  const valueText = describeValueActivity(entry, actor, tValue, locale);
  if (valueText) return valueText;
  const [subject, verb] = entry.action.split(".");
  const edited = oneOf(EDITED_SUBJECTS, subject);
  if (edited && (verb === "created" || verb === "deleted"))
    return t(`planEditing:activity.${verb}.${edited}`, { actor, title });
  if (edited && verb === "updated") {
    const changed = Object.keys((details.changes ?? {}) as object).flatMap((field) => {
      const known = oneOf(CHANGED_FIELDS, field);
      return known ? [t(`planEditing:activity.fields.${known}`)] : [];
    });
    return t(`planEditing:activity.updated.${edited}`, {
      actor,
      title,
      fields: new Intl.ListFormat(locale, { type: "conjunction" }).format(changed),
    });
  }
  switch (entry.action) {
    case "plan.renamed":
      return t("planEditing:activity.planRenamed", { actor, from: text(details.from), to: text(details.to) });
    case "plan.made_current":
      return t("planEditing:activity.planMadeCurrent", { actor, name: text(details.name) });
    case "plan.created":
      return t("activityLog.planCreated", { actor, name: text(details.name) });
    case "task.status_changed": {
      const from = oneOf(TASK_STATUSES, details.from);
      const to = oneOf(TASK_STATUSES, details.to);
      if (!from || !to) break;
      return t("activityLog.taskStatusChanged", {
        actor,
        title,
        from: t(`taskStatus.${from}`),
        to: t(`taskStatus.${to}`),
      });
    }
    case "task.assigned":
      return details.toName
        ? t("activityLog.taskAssigned", { actor, title, to: text(details.toName) })
        : t("activityLog.taskUnassigned", { actor, title });
    case "milestone.signed_off": {
      const side = oneOf(SIDES, details.side);
      if (!side) break;
      const sentence =
        typeof details.rating === "number"
          ? t("activityLog.signedOffRated", { actor, title, rating: String(details.rating) })
          : t(`activityLog.signedOff.${side}`, { actor, title });
      return typeof details.openTasks === "number" && details.openTasks > 0
        ? t("activityLog.signedOffOpen", { sentence, count: details.openTasks, reason: text(details.openTasksReason) })
        : sentence;
    }
    case "milestone.sign_off_withdrawn": {
      const side = oneOf(SIDES, details.side);
      if (!side) break;
      return t(`activityLog.signOffWithdrawn.${side}`, { actor, title });
    }
    case "milestone.achieved":
      return t("activityLog.milestoneAchieved", { title });
    case "plan.completed":
      return t("activityLog.planCompleted");
    case "comment.added":
      return title ? t("activityLog.commentAddedOn", { actor, title }) : t("activityLog.commentAdded", { actor });
    case "task.moved":
    case "milestone.moved": {
      if (typeof details.from !== "number" || typeof details.to !== "number") break;
      const key = entry.action === "task.moved" ? "activityLog.taskMoved" : "activityLog.milestoneMoved";
      return t(key, { actor, title, from: details.from, to: details.to });
    }
    case "task.training_required":
      return details.course
        ? tTraining("activity.trainingRequired", { actor, title, course: text(details.course) })
        : tTraining("activity.trainingRemoved", { actor, title });
    case "task.training_completed":
      return tTraining("activity.trainingCompleted", { title, course: text(details.course) });
  }
  return t("activityLog.other", { actor, action: entry.action });
}

/** The plan's audit trail, newest first, as readable sentences. */
export function ActivityLog({
  entries,
  locale,
  timeZone,
}: {
  entries: ActivityLogEntry[];
  locale: string;
  timeZone: string;
}) {
  const { t } = useTranslation(["plans", "planEditing"]);
  const { t: tValue } = useTranslation("value");
  const { t: tTraining } = useTranslation("training");
  return (
    <Card title={t("activityLog.title")}>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("activityLog.emptyBody")}</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <li
              key={entry.id}
              className="flex flex-col gap-0.5 py-2 text-sm sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
            >
              <span className="text-slate-800">{describe(entry, t, tValue, tTraining, locale)}</span>
              <time dateTime={entry.createdAt} className="shrink-0 text-xs text-slate-500">
                {formatDateTime(entry.createdAt, locale, timeZone)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
