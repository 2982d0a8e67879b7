import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** On a plan's task row: the course it requires (with a link to its trainees' progress), or a way to require one. */
export function TaskTrainingLink({
  accountId,
  task,
  canLink,
}: {
  accountId: string | undefined;
  task: { id: string; courseSlug?: string | null };
  canLink: boolean;
}) {
  const { t } = useTranslation("training");
  if (!accountId || (!task.courseSlug && !canLink)) return null;
  return (
    <div className="mt-1 text-xs">
      <Link
        to={`/accounts/${accountId}/tasks/${task.id}/training`}
        className="text-brand-700 underline-offset-2 hover:underline"
      >
        {task.courseSlug ? t("task.linkShort") : t("task.linkRequire")}
      </Link>
    </div>
  );
}
