import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAccountAccess } from "~/domain/auth/guards.server";
import { VersionSchema } from "~/domain/plans/plan-edit-rules";
import { deleteTask, updateTask } from "~/domain/plans/task-editing.server";
import { notFound } from "~/lib/http.server";
import { isId } from "~/lib/ids";
import { answer, refuse, toPlanPage } from "./accounts.$accountId.plan/edit-answer.server";

const ControlSchema = z.object({ intent: z.enum(["update", "delete"]), version: VersionSchema });

/** One task: edit its details or delete it. Its status and assignee alone go to the tasks.$taskId route. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, account } = await requireAccountAccess(request, params.accountId, "account.view");
  if (!isId(params.taskId)) notFound();
  const values = Object.fromEntries(await request.formData());
  const control = ControlSchema.safeParse(values);
  if (!control.success) return refuse(control.error);
  const { intent, version } = control.data;
  return answer(
    intent === "delete"
      ? await deleteTask(actor, account.id, params.taskId, { expectedVersion: version })
      : await updateTask(actor, account.id, params.taskId, { ...values, expectedVersion: version }),
  );
}

export async function loader({ params }: LoaderFunctionArgs) {
  return toPlanPage(params.accountId);
}
