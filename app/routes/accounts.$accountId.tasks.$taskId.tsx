import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { assignTask, updateTaskStatus } from "~/domain/plans/task-actions.server";
import { textField, versionField } from "~/lib/forms";
import { readSubmission, refuse, resourceAction } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { notFound } from "~/lib/http.server";

const ChangeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("status"),
    status: z.enum(["todo", "in_progress", "blocked", "done"]),
    blockedReason: textField({ max: 500 }),
    version: versionField(),
  }),
  z.object({
    intent: z.literal("assign"),
    assigneeId: z
      .string()
      .max(40, "id.invalid")
      .default("")
      .transform((value) => (value === "" ? null : value)),
    version: versionField(),
  }),
]);

/** Fetchers on the plan page and "My tasks" post here: a task's status or assignee. */
async function act({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.taskId)) notFound();
  const parsed = await readSubmission(request, ChangeSchema);
  if (!parsed.ok) return parsed.answer;
  const input = parsed.data;
  const result =
    input.intent === "status"
      ? await updateTaskStatus(actor, account.id, params.taskId, {
          status: input.status,
          blockedReason: input.blockedReason || null,
          expectedVersion: input.version,
        })
      : await assignTask(actor, account.id, params.taskId, {
          assigneeId: input.assigneeId,
          expectedVersion: input.version,
        });
  if (!result.ok) return refuse(parsed.submission, "task", result.error);
  return { form: null };
}

/** A task has no page of its own: its link (My tasks, reminders, work items) opens the plan at its row. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/accounts/${params.accountId}/plan#task-${encodeURIComponent(params.taskId ?? "")}`);
}

export const action = resourceAction(act);
