import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormReply } from "~/lib/forms";
import { useReplyMessage } from "~/ui/form";
import { Button } from "~/ui/button";
import { CompactSelect } from "~/ui/compact-select";
import type { SelectOption } from "~/ui/field";

export interface TaskForActions {
  id: string;
  title: string;
  status: "todo" | "in_progress" | "blocked" | "done";
  blockedReason: string | null;
  assigneeId: string | null;
  version: number;
}

export interface TaskPermissions {
  complete: boolean;
  edit: boolean;
  assign: boolean;
}

type TaskActionResult = { form: FormReply | null } | undefined;

/** The controls a person has on one task: mark done / reopen, set a status (blocked needs a reason), assign. */
export function TaskActions({
  accountId,
  task,
  can,
  assignees,
}: {
  accountId: string;
  task: TaskForActions;
  can: TaskPermissions;
  assignees: SelectOption[];
}) {
  const { t } = useTranslation("plans");
  const fetcher = useFetcher<TaskActionResult>();
  const [status, setStatus] = useState(task.status);
  const busy = fetcher.state !== "idle";
  const action = `/accounts/${accountId}/tasks/${task.id}`;
  const error = useReplyMessage(fetcher.data);

  return (
    <div className="space-y-2">
      {can.complete && !can.edit ? (
        <fetcher.Form method="post" action={action}>
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="version" value={task.version} />
          <input type="hidden" name="status" value={task.status === "done" ? "todo" : "done"} />
          <Button
            variant={task.status === "done" ? "ghost" : "secondary"}
            className="py-1.5"
            disabled={busy}
            aria-label={
              task.status === "done"
                ? t("actions.reopenFor", { title: task.title })
                : t("actions.markDoneFor", { title: task.title })
            }
          >
            {task.status === "done" ? t("actions.reopen") : t("actions.markDone")}
          </Button>
        </fetcher.Form>
      ) : null}
      {can.edit ? (
        <fetcher.Form method="post" action={action} className="flex flex-wrap items-start gap-2">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="version" value={task.version} />
          <CompactSelect
            label={t("actions.status", { title: task.title })}
            name="status"
            value={status}
            onChange={(event) => setStatus(event.target.value as TaskForActions["status"])}
            options={(["todo", "in_progress", "blocked", "done"] as const).map((value) => ({
              value,
              label: t(`taskStatus.${value}`),
            }))}
          />
          {status === "blocked" ? (
            <span className="relative inline-block">
              <label htmlFor={`reason-${task.id}`} className="sr-only">
                {t("actions.reasonFor", { title: task.title })}
              </label>
              <input
                id={`reason-${task.id}`}
                name="blockedReason"
                defaultValue={task.blockedReason ?? ""}
                placeholder={t("actions.reason")}
                maxLength={500}
                className="block w-48 rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
              />
            </span>
          ) : null}
          <Button
            variant="secondary"
            className="py-1.5"
            disabled={busy}
            aria-label={t("actions.saveStatusFor", { title: task.title })}
          >
            {t("actions.save")}
          </Button>
        </fetcher.Form>
      ) : null}
      {can.assign && assignees.length > 0 ? (
        <fetcher.Form method="post" action={action} className="flex flex-wrap items-start gap-2">
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="version" value={task.version} />
          <CompactSelect
            label={t("actions.assignee", { title: task.title })}
            name="assigneeId"
            defaultValue={task.assigneeId ?? ""}
            options={[{ value: "", label: t("tasks.unassigned") }, ...assignees]}
          />
          <Button
            variant="secondary"
            className="py-1.5"
            disabled={busy}
            aria-label={t("actions.assignFor", { title: task.title })}
          >
            {t("actions.assign")}
          </Button>
        </fetcher.Form>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-xs whitespace-normal text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
